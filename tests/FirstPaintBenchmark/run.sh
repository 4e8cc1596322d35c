#!/usr/bin/env bash
# 遅い回線での S1 の最初の描画のベンチマーク（テストではない）: Release でサイトを起動し、Slow 3G をまねて測る。
# 使い方: tests/FirstPaintBenchmark/run.sh [回数=5] [パス=/Account/Login]
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'kill $site 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build -c Release -v q MyPage.csproj >/dev/null
dotnet build -c Release -v q tests/FirstPaintBenchmark/FirstPaintBenchmark.csproj >/dev/null
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__MyPage="Data Source=$work/bench.db" \
MyPage__Mail__Directory="$work/mailbox" \
MyPage__Mynaportal__DevelopmentMock__Enabled=false \
Logging__LogLevel__Default=Warning \
ASPNETCORE_URLS=https://127.0.0.1:5643 \
  dotnet bin/Release/net10.0/MyPage.dll >"$work/site.log" 2>&1 &
site=$!
for _ in $(seq 1 60); do curl -sk -o /dev/null https://127.0.0.1:5643/ && break; sleep 0.5; done
dotnet tests/FirstPaintBenchmark/bin/Release/net10.0/FirstPaintBenchmark.dll https://127.0.0.1:5643 "${1:-5}" "${2:-/Account/Login}"
