#!/usr/bin/env bash
# 遅い回線での入口の画面の最初の描画のベンチマーク（テストではない。./test.sh はビルドだけ）。
# サイトを publish して Production で起動し（指紋付きのファイルが immutable になる: 二度目の訪問を本番どおりに）、
# デモデータと、ワンタイムパスワードの画面を測る求職者を用意して、遅い回線の中継を通して Chromium で測る。
# 使い方: tests/FirstPaintBenchmark/run.sh [回数=5] [パス: /Account/Login、/Account/OneTimePassword、/Home のどれかだけ測る]
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
site=""
trap '[ -z "$site" ] || kill "$site" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet dev-certs https -ep "$work/cert.pfx" -p bench >/dev/null
dotnet publish MyPage.csproj -c Release -o "$work/site" -v q -nologo >/dev/null
dotnet build tests/FirstPaintBenchmark/FirstPaintBenchmark.csproj -c Release -v q -nologo >/dev/null

# ワンタイムパスワードは有効（既定どおり）、その有効期間は最長に（二つの回線を測るあいだ、S2 が開けるように）。
# 接続元ごとの上限は外す（ログインはどれも一つの接続元から来る）
site_env=(ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=https://127.0.0.1:5643 MyPage__PublicUrl=https://127.0.0.1:5643/
          Kestrel__Certificates__Default__Path="$work/cert.pfx" Kestrel__Certificates__Default__Password=bench
          MyPage__DataProtection__AllowUnencryptedKeys=true ConnectionStrings__MyPage="Data Source=$work/bench.db"
          MyPage__Database__SeedDemoData=true MyPage__Mail__Transport=Directory MyPage__Mail__Directory="$work/mailbox"
          MyPage__Login__OneTimePassword__Enabled=true MyPage__Login__OneTimePassword__Lifetime=01:00:00
          MyPage__RateLimits__FormPostsPerMinute=10000000 MyPage__RateLimits__ClientLoginFailures=10000000
          Logging__LogLevel__Default=Warning)
(cd "$work/site" && exec env "${site_env[@]}" dotnet MyPage.dll >"$work/site.log" 2>&1) &
site=$!
for _ in $(seq 1 120); do curl -sk -o /dev/null https://127.0.0.1:5643/healthz/ready && break; sleep 0.5; done
curl -sk -o /dev/null https://127.0.0.1:5643/healthz/ready || { cat "$work/site.log"; exit 1; }
printf '%s\n' Bench-pass-2026 | (cd "$work/site" && env "${site_env[@]}" dotnet MyPage.dll staff create-seeker --email bench-otp@example.jp --password-stdin >/dev/null)

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(chromium --version 2>/dev/null || true)"
dotnet tests/FirstPaintBenchmark/bin/Release/net10.0/FirstPaintBenchmark.dll https://127.0.0.1:5643 "$work/mailbox" "${1:-5}" ${2:+"$2"}
