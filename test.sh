#!/usr/bin/env bash
# すべてのテストを実行する。ブラウザのテストに要る Debian の chromium と日本語フォント、PostgreSQL がなければ入れる。
# PostgreSQL のテストには、使い捨てのクラスタを一時ディレクトリに postgres ユーザーで作り、空いたループバックのポートで動かす（終われば消す）。
# 書式 (.editorconfig) が崩れていれば、テストが通っても失敗する (dotnet format --verify-no-changes)。
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== dotnet build"
dotnet build MyPage.slnx -c Release -v q -nologo

# 前の実行で残った失敗のトレースを消す（残るのはこの実行で失敗したテストのものだけ）
rm -rf tests/MyPage.Tests/bin/Release/net10.0/traces

log=$(mktemp)
format_log=$(mktemp)
. tests/postgres.sh
trap 'postgres_stop; rm -f "$log" "$format_log"' EXIT
postgres_start
# 書式の確かめはテストと並べて走らせる（どちらも待ち時間が多い）
dotnet format MyPage.slnx --verify-no-changes --no-restore >"$format_log" 2>&1 &
format_pid=$!

set +e
dotnet test MyPage.slnx -c Release --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
wait "$format_pid"
format_status=$?
set -e

echo "== dotnet format --verify-no-changes"
if [ "$format_status" -ne 0 ]; then
  cat "$format_log"
  echo "書式が .editorconfig と違います。dotnet format MyPage.slnx で直してください。"
  status=1
fi

# 最後に一行で: 「N passed, N failed」
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(echo "$summary" | grep -Eo 'Failed: +[0-9]+' | grep -Eo '[0-9]+')
  passed=$(echo "$summary" | grep -Eo 'Passed: +[0-9]+' | grep -Eo '[0-9]+')
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] || echo "失敗したブラウザのテストのトレース: tests/MyPage.Tests/bin/Release/net10.0/traces/ (npx playwright show-trace FILE)"
exit "$status"
