#!/usr/bin/env bash
# ベンチマーク（テストではない）: Release でサイトを起動し（デモデータ入りの一時データベース）、
# ログインの成功数/秒と、ホームの応答時間 (p95) を測る。
#   tests/HomeBenchmark/run.sh [同時接続数=8] [秒数=20] [sqlite|postgresql|postgresql2|all]
#   postgresql は使い捨てのクラスタ（tests/postgres.sh）に一つのインスタンス、postgresql2 は同じデータベースに二つ
#   （要求ごとに交互に当てる）。all は三つを順に測って表にする。
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-8}; seconds=${2:-20}; store=${3:-sqlite}
work=$(mktemp -d)
sites=()
. tests/postgres.sh
stop_sites() { for pid in "${sites[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; sites=(); }
trap 'stop_sites; postgres_stop; rm -rf "$work"' EXIT
dotnet build -c Release -v q MyPage.csproj >/dev/null
dotnet build -c Release -v q tests/HomeBenchmark/HomeBenchmark.csproj >/dev/null

# start_site PORT PROVIDER CONNECTION
start_site() {
  site_env "$2" "$3" ASPNETCORE_URLS="https://127.0.0.1:$1" dotnet bin/Release/net10.0/MyPage.dll >>"$work/site-$1.log" 2>&1 &
  sites+=($!)
  for _ in $(seq 1 120); do curl -sk -o /dev/null "https://127.0.0.1:$1/healthz/ready" && break; sleep 0.5; done
  curl -sk -o /dev/null "https://127.0.0.1:$1/healthz/ready" || { cat "$work/site-$1.log" >&2; return 1; }
  # ログインを測る求職者（同時接続ごとに一人）。最初のインスタンスで一度だけ
  [ "${#sites[@]}" -gt 1 ] && return 0
  for i in $(seq 0 $((clients - 1))); do
    printf '%s\n' Bench-pass-2026 | site_env "$2" "$3" dotnet bin/Release/net10.0/MyPage.dll staff create-seeker --email "bench$i@example.jp" --password-stdin >/dev/null
  done
}

# site_env PROVIDER CONNECTION COMMAND...: ベンチマークの設定でコマンドを走らせる（& やパイプの中の、別のシェルで呼ぶ: exec）
site_env() {
  local provider=$1 connection=$2; shift 2
  exec env ASPNETCORE_ENVIRONMENT=Development \
  MyPage__Database__Provider="$provider" \
  ConnectionStrings__MyPage="$connection" \
  MyPage__Mail__Directory="$work/mailbox" \
  MyPage__Mynaportal__DevelopmentMock__Enabled=false \
  MyPage__Login__OneTimePassword__Enabled=false \
  MyPage__RateLimits__FormPostsPerMinute=10000000 \
  MyPage__RateLimits__ClientLoginFailures=10000000 \
  Logging__LogLevel__Default=Warning \
  "$@"
}

# measure NAME URLS: 負荷をかけて、結果の行を表に足す
results=()
measure() {
  local out
  out=$(dotnet tests/HomeBenchmark/bin/Release/net10.0/HomeBenchmark.dll "$2" "$clients" "$seconds") || true
  echo "$out" | grep -v '^RESULT'
  results+=("$1	$(echo "$out" | grep '^RESULT' | cut -f3-)")
}

# 新しいデータベースを作り、その接続文字列を出す（クラスタは呼ぶ前に動かしておく: need_postgres）
need_postgres() { [ -n "${MYPAGE_TEST_POSTGRES:-}" ] || postgres_start; }
pg_database() {
  local name="bench_$RANDOM$RANDOM" port
  port=$(echo "$MYPAGE_TEST_POSTGRES" | sed -E 's/.*Port=([0-9]+).*/\1/')
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE $name" >&2
  echo "${MYPAGE_TEST_POSTGRES/Database=postgres/Database=$name}"
}

run() {
  case "$1" in
    sqlite)
      start_site 5543 Sqlite "Data Source=$work/bench.db"
      measure "SQLite, 1 instance" https://127.0.0.1:5543 ;;
    postgresql)
      need_postgres
      start_site 5543 PostgreSQL "$(pg_database)"
      measure "PostgreSQL, 1 instance" https://127.0.0.1:5543 ;;
    postgresql2)
      need_postgres
      local db; db=$(pg_database)
      start_site 5543 PostgreSQL "$db"
      start_site 5544 PostgreSQL "$db"
      measure "PostgreSQL, 2 instances" https://127.0.0.1:5543,https://127.0.0.1:5544 ;;
  esac
  stop_sites
}

if [ "$store" = all ]; then for s in sqlite postgresql postgresql2; do run "$s"; done; else run "$store"; fi
echo
echo "| Store | Logins/s | Home p95 (ms) | Home requests/s |"
echo "|---|---|---|---|"
for r in "${results[@]}"; do echo "| ${r//	/ | } |"; done
