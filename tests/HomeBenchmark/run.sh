#!/usr/bin/env bash
# ホームのベンチマーク: Release でサイトを起動し（デモデータ入りの一時データベース）、負荷をかけて p95 を出す。
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'kill $site 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build -c Release -v q MyPage.csproj >/dev/null
dotnet build -c Release -v q tests/HomeBenchmark/HomeBenchmark.csproj >/dev/null
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__MyPage="Data Source=$work/bench.db" \
MyPage__Mail__Directory="$work/mailbox" \
MyPage__Mynaportal__DevelopmentMock__Enabled=false \
Logging__LogLevel__Default=Warning \
ASPNETCORE_URLS=https://127.0.0.1:5543 \
  dotnet bin/Release/net10.0/MyPage.dll >"$work/site.log" 2>&1 &
site=$!
for _ in $(seq 1 60); do curl -sk -o /dev/null https://127.0.0.1:5543/ && break; sleep 0.5; done
dotnet tests/HomeBenchmark/bin/Release/net10.0/HomeBenchmark.dll https://127.0.0.1:5543 "${1:-8}" "${2:-20}"
