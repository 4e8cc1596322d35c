#!/usr/bin/env bash
# 計算による確認を、CPU を絞ったブラウザで解く時間のベンチマーク（テストではない）。Chromium は Worker を絞らないので、
# ブラウザのプロセスをまるごと cgroup に入れて、1コアの 25 % と 16.7 % で測る（root が要る）。
# cgroup v2 (cpu.max)、v1 (cpu/cpu.cfs_quota_us) のどちらでも（この開発機は v1 で測った）。
# 使い方: tests/ProofOfWorkBenchmark/run.sh [回数=7] [上限の%…=25 16.7]
#   問題の大きさを変えて測るには MyPage__BotCheck__ProofOfWork__MaxNumber=12000 tests/ProofOfWorkBenchmark/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-7}; shift || true
caps=("$@"); [ ${#caps[@]} -gt 0 ] || caps=(25 16.7)
[ "$(id -u)" -eq 0 ] || { echo "cgroup を作るので root で動かしてください" >&2; exit 1; }
work=$(mktemp -d)
group=""
cleanup() {
  kill "$site" 2>/dev/null || true
  # cgroup に残ったプロセス（ブラウザの子）がいなくなってから消す
  if [ -n "$group" ] && [ -d "$group" ]; then
    for pid in $(cat "$group/cgroup.procs" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    sleep 0.5; rmdir "$group" 2>/dev/null || true
  fi
  rm -rf "$work"
}
site=""
trap cleanup EXIT
dotnet build -c Release -v q -nologo MyPage.csproj >/dev/null
dotnet build -c Release -v q -nologo tests/ProofOfWorkBenchmark/ProofOfWorkBenchmark.csproj >/dev/null
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__MyPage="Data Source=$work/bench.db" \
MyPage__Mail__Directory="$work/mailbox" \
MyPage__Mynaportal__DevelopmentMock__Enabled=false \
MyPage__RateLimits__FormPostsPerMinute=10000000 \
Logging__LogLevel__Default=Warning \
ASPNETCORE_URLS=https://127.0.0.1:5743 \
  dotnet bin/Release/net10.0/MyPage.dll >"$work/site.log" 2>&1 &
site=$!
for _ in $(seq 1 120); do curl -sk -o /dev/null https://127.0.0.1:5743/healthz/ready && break; sleep 0.5; done

# cap PERCENT: cgroup の上限を1コアの PERCENT % に（周期 100 ms）
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  group=/sys/fs/cgroup/mypage-pow-bench-$$
  # 子の cgroup で cpu.max を使うには、親で cpu のコントローラーを有効に（有効ならそのまま）
  grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control || echo +cpu >/sys/fs/cgroup/cgroup.subtree_control
  mkdir "$group"
  cap() { echo "$(awk -v p="$1" 'BEGIN { printf "%d", p * 1000 }') 100000" >"$group/cpu.max"; }
else
  group=/sys/fs/cgroup/cpu/mypage-pow-bench-$$
  mkdir "$group"
  echo 100000 >"$group/cpu.cfs_period_us"
  cap() { awk -v p="$1" 'BEGIN { printf "%d\n", p * 1000 }' >"$group/cpu.cfs_quota_us"; }
fi
# ブラウザは、自分を cgroup に入れてから chromium になる（子のプロセスもそこに入る）
cat >"$work/chromium" <<WRAPPER
#!/bin/sh
echo \$\$ > "$group/cgroup.procs"
exec /usr/bin/chromium "\$@"
WRAPPER
chmod +x "$work/chromium"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
for percent in "${caps[@]}"; do
  cap "$percent"
  dotnet tests/ProofOfWorkBenchmark/bin/Release/net10.0/ProofOfWorkBenchmark.dll https://127.0.0.1:5743 "$rounds" "$work/chromium" "$percent"
done
