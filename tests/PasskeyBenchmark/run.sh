#!/usr/bin/env bash
# パスキーでのログインと ID・パスワードでのログインのベンチマーク（テストではない）: Release でサイトを起動し（一時の SQLite、
# 本番と同じ重さの Argon2id、ワンタイムパスワードなし）、同時接続ごとに一人の求職者で、二つのログインを交互に測る。
#   tests/PasskeyBenchmark/run.sh [同時接続数=4] [秒数=10] [回数=3] [fresh]
# 既定は、同時接続ごとに一つのブラウザを使い続ける（自分の端末から）。fresh なら、ログインごとに新しいブラウザ
# （TLS の握手と「ログインのお知らせ」のメールが、ログインごとに増える）
# RP ID はサイトの名前 (localhost) なので、https://localhost で待ち受ける
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-4}; seconds=${2:-10}; rounds=${3:-3}; fresh=${4:-}
port=5643
work=$(mktemp -d)
site=""
trap '[ -z "$site" ] || { kill "$site" 2>/dev/null; wait "$site" 2>/dev/null; }; rm -rf "$work"' EXIT
dotnet build -c Release -v q MyPage.csproj >/dev/null
dotnet build -c Release -v q tests/PasskeyBenchmark/PasskeyBenchmark.csproj >/dev/null

site_env() {
  exec env ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__MyPage="Data Source=$work/bench.db" \
  MyPage__Mail__Directory="$work/mailbox" \
  MyPage__Mynaportal__DevelopmentMock__Enabled=false \
  MyPage__Login__OneTimePassword__Enabled=false \
  MyPage__RateLimits__FormPostsPerMinute=10000000 \
  MyPage__RateLimits__ClientLoginFailures=10000000 \
  Logging__LogLevel__Default=Warning \
  "$@"
}

site_env ASPNETCORE_URLS="https://localhost:$port" dotnet bin/Release/net10.0/MyPage.dll >"$work/site.log" 2>&1 &
site=$!
for _ in $(seq 1 120); do curl -sk -o /dev/null "https://localhost:$port/healthz/ready" && break; sleep 0.5; done
curl -sk -o /dev/null "https://localhost:$port/healthz/ready" || { cat "$work/site.log" >&2; exit 1; }
for i in $(seq 0 $((clients - 1))); do
  printf '%s\n' Bench-pass-2026 | site_env dotnet bin/Release/net10.0/MyPage.dll staff create-seeker --email "bench$i@example.jp" --password-stdin >/dev/null
done
# dotnet MyPage.dll のプロセス（site_env の exec で、サブシェルの PID がそのまま dotnet になる）
dotnet tests/PasskeyBenchmark/bin/Release/net10.0/PasskeyBenchmark.dll "https://localhost:$port/" "$site" "$clients" "$seconds" "$rounds" $fresh
