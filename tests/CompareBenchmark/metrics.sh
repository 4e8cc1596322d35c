#!/usr/bin/env bash
# ベンチマーク（テストではない。./test.sh は動かさない）: 運用者の数 (MyPage:Metrics:Urls、Prometheus の受け口) を
# 出さないサイト (A) と出すサイト (B) を、同じ publish から並べて動かし、A B A B と交互に測って差を出す:
#   GET S1（ログインの画面）: wrk、2 スレッド 16 接続の要求/秒
#   ログインの POST: 画面を開いてログインする、を 16 の利用者で繰り返す (CompareBenchmark) 成功/秒
# B には測っている間、5 秒ごとに /metrics を読みに行く（Prometheus の代わり）。
# 共有のマシンでは、回ごとの揺れがこの差よりずっと大きい: 比は同じ回の A と B の対ごとに取り、その中央値を出す。
# サイトのプロセスが使った CPU の μs/要求（ログインは μs/成功）も出す（ほかのプロセスの負荷に揺れにくい）
# 使い方: tests/CompareBenchmark/metrics.sh [秒数=10] [回数=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}; rounds=${2:-3}; clients=16
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
command -v wrk >/dev/null 2>&1 || { $sudo apt-get update -qq; DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== publish: MyPage、負荷のかけ手"
dotnet dev-certs https -ep "$work/cert.pfx" -p bench >/dev/null
dotnet publish MyPage.csproj -c Release -o "$work/mypage" -v q -nologo >/dev/null
dotnet build tests/CompareBenchmark/CompareBenchmark.csproj -c Release -v q -nologo >/dev/null

# 二つのサイト: SQLite（それぞれのファイル）、ワンタイムパスワードなし、接続元ごとの上限は外す（負荷は一つの接続元から来る）
site_env() {
  local -n out=$1
  out=(ASPNETCORE_ENVIRONMENT=Production Kestrel__Certificates__Default__Path="$work/cert.pfx" Kestrel__Certificates__Default__Password=bench
       Logging__LogLevel__Default=Warning ASPNETCORE_URLS="https://127.0.0.1:$2" MyPage__PublicUrl="https://127.0.0.1:$2/"
       MyPage__DataProtection__AllowUnencryptedKeys=true ConnectionStrings__MyPage="Data Source=$work/mypage-$2.db"
       MyPage__Mail__Transport=Directory MyPage__Mail__Directory="$work/mailbox-$2" MyPage__Login__OneTimePassword__Enabled=false
       MyPage__RateLimits__FormPostsPerMinute=10000000 MyPage__RateLimits__ClientLoginFailures=10000000)
}
site_env off_env 5711
site_env on_env 5712
on_env+=(MyPage__Metrics__Urls=http://127.0.0.1:9464)

wait_ready() { for _ in $(seq 1 120); do curl -sk -o /dev/null "$1" && return 0; sleep 0.5; done; echo "起動しません: $1" >&2; return 1; }
(cd "$work/mypage" && exec env "${off_env[@]}" dotnet MyPage.dll >"$work/off.log" 2>&1) &
pids+=($!); declare -A pid; pid[off]=$!
(cd "$work/mypage" && exec env "${on_env[@]}" dotnet MyPage.dll >"$work/on.log" 2>&1) &
pids+=($!); pid[on]=$!
wait_ready https://127.0.0.1:5711/Account/Login || { cat "$work/off.log"; exit 1; }
wait_ready https://127.0.0.1:5712/Account/Login || { cat "$work/on.log"; exit 1; }
curl -sf http://127.0.0.1:9464/metrics | grep -q '^mypage_ready' || { echo "B の受け口に数がありません" >&2; exit 1; }
for i in $(seq 0 $((clients - 1))); do
  for env_name in off_env on_env; do
    declare -n env_ref=$env_name
    printf '%s\n' Bench-pass-2026 | (cd "$work/mypage" && env "${env_ref[@]}" dotnet MyPage.dll staff create-seeker --email "bench$i@example.jp" --password-stdin >/dev/null)
  done
done
# Prometheus の代わりに、B を 5 秒ごとに読む
(while true; do curl -sf -o /dev/null http://127.0.0.1:9464/metrics || true; sleep 5; done) &
pids+=($!)

declare -A sums
add() { sums[$1]=$(echo "${sums[$1]:-} $2"); }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
us_per() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1000000 / hz / n }'; }
# get SIDE URL: wrk で GET。要求/秒と μs CPU/要求
get() {
  local out before after n
  before=$(cpu_ticks "${pid[$1]}")
  out=$(wrk -t2 -c$clients -d"${seconds}s" "$2" 2>&1)
  after=$(cpu_ticks "${pid[$1]}")
  if echo "$out" | grep -q 'Non-2xx'; then echo "S1 $1: 2xx でない応答があります" >&2; echo "$out" >&2; exit 1; fi
  n=$(echo "$out" | grep -Eo '[0-9]+ requests in' | grep -Eo '^[0-9]+')
  add "S1 $1" "$(echo "$out" | grep -Eo 'Requests/sec: +[0-9.]+' | grep -Eo '[0-9.]+$')"
  add "S1cpu $1" "$(us_per $((after - before)) "$n")"
}
# login SIDE URL: 成功/秒と μs CPU/成功
login() {
  local out before after
  before=$(cpu_ticks "${pid[$1]}")
  out=$(dotnet tests/CompareBenchmark/bin/Release/net10.0/CompareBenchmark.dll "$2" /Account/Login Input.Id Input.Password /Home "$clients" "$seconds" | grep '^RESULT')
  after=$(cpu_ticks "${pid[$1]}")
  read -r _ rate _ _ failed _ <<<"$out"
  [ "$failed" -eq 0 ] || { echo "login $1: 失敗したログイン $failed" >&2; exit 1; }
  add "login $1" "$rate"
  # 温める 3 秒の分も CPU に入るので、成功の数は 秒数+3 の分で割る（両側で同じ）
  add "logincpu $1" "$(us_per $((after - before)) "$(awk -v r="$rate" -v s="$seconds" 'BEGIN { printf "%.0f", r * (s + 3) }')")"
}

echo "== 温める"
wrk -t2 -c$clients -d3s https://127.0.0.1:5711/Account/Login >/dev/null; wrk -t2 -c$clients -d3s https://127.0.0.1:5712/Account/Login >/dev/null
for round in $(seq 1 "$rounds"); do
  echo "== 回 $round / $rounds（A B A B、回ごとに先を入れ替える）"
  if [ $((round % 2)) -eq 1 ]; then order="off on"; else order="on off"; fi
  for side in $order; do port=$([ "$side" = off ] && echo 5711 || echo 5712); get "$side" "https://127.0.0.1:$port/Account/Login"; done
  for side in $order; do port=$([ "$side" = off ] && echo 5711 || echo 5712); login "$side" "https://127.0.0.1:$port"; done
  echo "   S1 req/s off/on: ${sums['S1 off']} / ${sums['S1 on']}   logins/s off/on: ${sums['login off']} / ${sums['login on']}"
done
curl -sf http://127.0.0.1:9464/metrics | grep -E '^mypage_logins_total' || true

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m() { echo "${sums[$1]}" | median; }
# 同じ回の対ごとの、on が off より遅い割合 (%): 高いほど良い数 (req/s) は 1 - on/off、低いほど良い数 (CPU) は on/off - 1
pairs() { paste <(echo "${sums[$1 off]}" | tr ' ' '\n' | grep -v '^$') <(echo "${sums[$1 on]}" | tr ' ' '\n' | grep -v '^$') \
  | awk -v lower="$2" '{ printf "%.1f ", (lower ? 100 * ($2 / $1 - 1) : 100 * (1 - $2 / $1)) }'; }
row() { local p; p=$(pairs "$1" "$3"); echo "| $2 | $(m "$1 off") | $(m "$1 on") | $(echo "$p" | median) % | $p |"; }
echo
echo "$(date -u +%Y-%m-%d), $(nproc) コア, load average $(cut -d' ' -f1-3 /proc/loadavg), $rounds 回（各 ${seconds} 秒）"
echo
echo "| | Metrics off (median) | Metrics on (median) | Cost, median of paired runs | Cost of each pair (%) |"
echo "|---|---|---|---|---|"
row S1 "GET S1 (req/s)" 0
row S1cpu "GET S1 (µs CPU per request)" 1
row login "Successful logins/s" 0
row logincpu "Login (µs CPU per successful login)" 1
