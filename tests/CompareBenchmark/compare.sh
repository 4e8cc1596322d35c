#!/usr/bin/env bash
# ベンチマーク（テストではない。./test.sh は動かさない: 時間は揺れが大きく、合否にならない）。
# このサイトと ASP.NET Core Identity のテンプレート (dotnet new webapp --auth Individual、SDK の同梱のテンプレート) を、
# どちらも publish した Release で、同じ証明書の HTTPS で並べて動かし、A B A B と交互に測って比を出す:
#   GET S1（ログインの画面）と GET S0（トップ）: wrk、2 スレッド 16 接続。要求/秒と、サイトのプロセスが使った CPU の μs/要求
#   ログインの POST: 画面を開いてログインする、を 16 の利用者で繰り返す (CompareBenchmark)。成功/秒、p50/p95、5xx の数
#   ピークのメモリ (VmHWM): すべての負荷の後
#   ハッシュの天井: コア数 ÷ 照合一回の時間 (PasswordBenchmark の Argon2id の中央値)
# 使い方: tests/CompareBenchmark/compare.sh [秒数=10] [回数=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}; rounds=${2:-2}; clients=16
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
command -v wrk >/dev/null 2>&1 || { $sudo apt-get update -qq; DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== publish: MyPage、Identity のテンプレート、負荷のかけ手"
dotnet dev-certs https -ep "$work/cert.pfx" -p bench >/dev/null
dotnet publish MyPage.csproj -c Release -o "$work/mypage" -v q -nologo >/dev/null
dotnet new webapp --auth Individual -n IdentityTemplate -o "$work/template" >/dev/null
# テンプレートに、起動時のマイグレーションと、測るための利用者 (bench0..15@example.jp、メール確認済み) を足す
python3 - "$work/template/Program.cs" "$clients" <<'PY'
import sys
path, clients = sys.argv[1], int(sys.argv[2])
s = open(path).read()
seed = f'''var app = builder.Build();
using (var scope = app.Services.CreateScope())
{{
    scope.ServiceProvider.GetRequiredService<IdentityTemplate.Data.ApplicationDbContext>().Database.Migrate();
    var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
    for (var i = 0; i < {clients}; i++)
    {{
        var email = $"bench{{i}}@example.jp";
        if (await users.FindByEmailAsync(email) is null)
            await users.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityUser {{ UserName = email, Email = email, EmailConfirmed = true }}, "Bench-pass-2026");
    }}
}}
'''
assert 'var app = builder.Build();' in s
s = s.replace('var app = builder.Build();\n', seed, 1)
if 'using Microsoft.EntityFrameworkCore;' not in s: s = 'using Microsoft.EntityFrameworkCore;\n' + s
open(path, 'w').write(s)
PY
dotnet publish "$work/template/IdentityTemplate.csproj" -c Release -o "$work/template-out" -v q -nologo >/dev/null
dotnet build tests/CompareBenchmark/CompareBenchmark.csproj -c Release -v q -nologo >/dev/null
dotnet build tests/PasswordBenchmark/PasswordBenchmark.csproj -c Release -v q -nologo >/dev/null

common=(ASPNETCORE_ENVIRONMENT=Production Kestrel__Certificates__Default__Path="$work/cert.pfx" Kestrel__Certificates__Default__Password=bench
        Logging__LogLevel__Default=Warning)
# このサイト: SQLite、鍵の束は暗号化なし（わざと: 比べるテンプレートも暗号化しない）、ワンタイムパスワードなし、
# 接続元ごとの上限は外す（負荷は一つの接続元から来る）
mypage_env=("${common[@]}" ASPNETCORE_URLS=https://127.0.0.1:5701 MyPage__PublicUrl=https://127.0.0.1:5701/
            MyPage__DataProtection__AllowUnencryptedKeys=true ConnectionStrings__MyPage="Data Source=$work/mypage.db"
            MyPage__Mail__Transport=Directory MyPage__Mail__Directory="$work/mailbox" MyPage__Login__OneTimePassword__Enabled=false
            MyPage__RateLimits__FormPostsPerMinute=10000000 MyPage__RateLimits__ClientLoginFailures=10000000)
template_env=("${common[@]}" ASPNETCORE_URLS=https://127.0.0.1:5702 ConnectionStrings__DefaultConnection="DataSource=$work/template.db;Cache=Shared")

wait_ready() { for _ in $(seq 1 120); do curl -sk -o /dev/null "$1" && return 0; sleep 0.5; done; echo "起動しません: $1" >&2; return 1; }
(cd "$work/mypage" && exec env "${mypage_env[@]}" dotnet MyPage.dll >"$work/mypage.log" 2>&1) &
pids+=($!); mypage_pid=$!
(cd "$work/template-out" && exec env "${template_env[@]}" dotnet IdentityTemplate.dll >"$work/template.log" 2>&1) &
pids+=($!); template_pid=$!
wait_ready https://127.0.0.1:5701/Account/Login || { cat "$work/mypage.log"; exit 1; }
wait_ready https://127.0.0.1:5702/Identity/Account/Login || { cat "$work/template.log"; exit 1; }
for i in $(seq 0 $((clients - 1))); do
  printf '%s\n' Bench-pass-2026 | (cd "$work/mypage" && env "${mypage_env[@]}" dotnet MyPage.dll staff create-seeker --email "bench$i@example.jp" --password-stdin >/dev/null)
done

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
# get NAME PID URL: wrk で GET。要求/秒と μs CPU/要求 を results に足す
declare -A sums
add() { sums[$1]=$(echo "${sums[$1]:-} $2"); }
get() {
  local before after out n rps
  before=$(cpu_ticks "$2")
  out=$(wrk -t2 -c$clients -d"${seconds}s" "$3" 2>&1)
  after=$(cpu_ticks "$2")
  n=$(echo "$out" | grep -Eo '[0-9]+ requests in' | grep -Eo '^[0-9]+')
  rps=$(echo "$out" | grep -Eo 'Requests/sec: +[0-9.]+' | grep -Eo '[0-9.]+$')
  if echo "$out" | grep -q 'Non-2xx'; then echo "$1: 2xx でない応答があります" >&2; echo "$out" >&2; exit 1; fi
  add "$1 rps" "$rps"
  add "$1 cpu" "$(( (after - before) * 1000000 / $(getconf CLK_TCK) / n ))"
}
login() {
  local out before after
  before=$(cpu_ticks "$2")
  out=$(dotnet tests/CompareBenchmark/bin/Release/net10.0/CompareBenchmark.dll "${@:3:5}" "$clients" "$seconds" "${@:8}" | grep '^RESULT')
  after=$(cpu_ticks "$2")
  read -r _ rate p50 p95 failed errors client <<<"$out"
  [ "$failed" -eq 0 ] || echo "$1: 失敗したログイン $failed（うち 5xx $errors）" >&2
  add "$1 login" "$rate"; add "$1 p95" "$p95"; add "$1 5xx" "$errors"; add "$1 client" "$client"
  # サイトの CPU ms/ログイン（温める 3 秒も含む: 負荷のかけ手が温める間もログインする。その分、少し多めに出る）
  add "$1 login cpu" "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v r="$rate" -v s="$seconds" 'BEGIN { printf "%.1f", 1000 * t / hz / (r * (s + 3)) }')"
}

echo "== 温める"
wrk -t2 -c$clients -d3s https://127.0.0.1:5701/Account/Login >/dev/null; wrk -t2 -c$clients -d3s https://127.0.0.1:5702/Identity/Account/Login >/dev/null
wrk -t2 -c$clients -d3s https://127.0.0.1:5701/ >/dev/null; wrk -t2 -c$clients -d3s https://127.0.0.1:5702/ >/dev/null
for round in $(seq 1 "$rounds"); do
  echo "== 回 $round / $rounds（A B A B）"
  get "mypage S1" "$mypage_pid" https://127.0.0.1:5701/Account/Login
  get "template S1" "$template_pid" https://127.0.0.1:5702/Identity/Account/Login
  get "mypage S0" "$mypage_pid" https://127.0.0.1:5701/
  get "template S0" "$template_pid" https://127.0.0.1:5702/
  login "mypage" "$mypage_pid" https://127.0.0.1:5701 /Account/Login Input.Id Input.Password /Home
  login "template" "$template_pid" https://127.0.0.1:5702 /Identity/Account/Login Input.Email Input.Password / Input.RememberMe=false
done
rss() { awk '/VmHWM/ {print int($2/1024)}' "/proc/$1/status"; }
mypage_rss=$(rss "$mypage_pid"); template_rss=$(rss "$template_pid")
argon2=$(dotnet tests/PasswordBenchmark/bin/Release/net10.0/PasswordBenchmark.dll 20 | grep -Eo 'Argon2id.*median +[0-9.]+' | grep -Eo '[0-9.]+$')
cores=$(nproc)

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m() { echo "${sums[$1]}" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo
echo "$(date -u +%Y-%m-%d), $cores コア, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $rounds 回の中央値（各 ${seconds} 秒）"
echo
echo "| | このサイト | Identity のテンプレート | 比 |"
echo "|---|---|---|---|"
echo "| GET S1 (req/s) | $(m 'mypage S1 rps') | $(m 'template S1 rps') | $(ratio "$(m 'mypage S1 rps')" "$(m 'template S1 rps')")× |"
echo "| GET S1 (μs CPU/req) | $(m 'mypage S1 cpu') | $(m 'template S1 cpu') | $(ratio "$(m 'template S1 cpu')" "$(m 'mypage S1 cpu')")× cheaper |"
echo "| GET S0 (req/s) | $(m 'mypage S0 rps') | $(m 'template S0 rps') | $(ratio "$(m 'mypage S0 rps')" "$(m 'template S0 rps')")× |"
echo "| GET S0 (μs CPU/req) | $(m 'mypage S0 cpu') | $(m 'template S0 cpu') | $(ratio "$(m 'template S0 cpu')" "$(m 'mypage S0 cpu')")× cheaper |"
echo "| Successful logins/s | $(m 'mypage login') | $(m 'template login') | $(ratio "$(m 'mypage login')" "$(m 'template login')")× |"
echo "| Login p95 (ms) | $(m 'mypage p95') | $(m 'template p95') | |"
echo "| Site CPU per login (ms) | $(m 'mypage login cpu') | $(m 'template login cpu') | $(ratio "$(m 'template login cpu')" "$(m 'mypage login cpu')")× cheaper |"
echo "| 5xx during logins | $(echo "${sums['mypage 5xx']}" | tr ' ' '\n' | awk '{s+=$1} END {print s}') | $(echo "${sums['template 5xx']}" | tr ' ' '\n' | awk '{s+=$1} END {print s}') | |"
echo "| Peak RSS (MB) | $mypage_rss | $template_rss | $(ratio "$mypage_rss" "$template_rss")× |"
echo
echo "Hashing ceiling: $cores cores ÷ Argon2id ${argon2} ms = $(awk -v c="$cores" -v h="$argon2" 'BEGIN { printf "%.0f", c * 1000 / h }') logins/s; this site reached $(awk -v r="$(m 'mypage login')" -v c="$cores" -v h="$argon2" 'BEGIN { printf "%.0f", 100 * r / (c * 1000 / h) }') % of it."
echo "Of the site's CPU per login, the hash is $(awk -v h="$argon2" -v l="$(m 'mypage login cpu')" 'BEGIN { printf "%.0f", 100 * h / l }') %."
echo "The load generator shares the cores: $(m 'mypage client') ms of CPU per login (a fresh TLS handshake each). Ceiling with it: $cores cores ÷ (${argon2} + $(m 'mypage client')) ms = $(awk -v c="$cores" -v h="$argon2" -v g="$(m 'mypage client')" 'BEGIN { printf "%.0f", c * 1000 / (h + g) }') logins/s."
