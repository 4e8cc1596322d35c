#!/usr/bin/env bash
# すべてのテストを実行する。ブラウザのテストに要る Debian の chromium（とその軽いヘッドレス版）と日本語フォント、
# PostgreSQL、promtool (prometheus) がなければ入れる。
# PostgreSQL のテストには、使い捨てのクラスタを一時ディレクトリに postgres ユーザーで作り、空いたループバックのポートで動かす（終われば消す）。
# 書式: コードの形 (.editorconfig の IDE0055 ほか) はビルドが確かめ、空白と改行は dotnet format whitespace が確かめる。
# 終わりに、かかった時間（ビルド、テスト）と、遅いテストクラス10個を出す。
# 引数は dotnet test に渡る（例: ./test.sh --filter LoginTests）。
set -euo pipefail
cd "$(dirname "$0")"
started=$(date +%s)

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# promtool（警告の規則と受け口の確かめ: Metrics/PrometheusRulesTests）は Debian の prometheus のパッケージにある
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ビルドはテストが使うもの（サイト、模擬マイナポータル、テスト）だけを先に。ベンチマークのビルドと空白の確かめは、
# テストと並べて低い優先度で走らせる（どれも失敗すれば、この実行は失敗）
# 使い捨ての PostgreSQL は、ビルドの間に作って起動する（ビルドは裏で、終わるのを待つ）
work=$(mktemp -d)
. tests/postgres.sh
build_pid=""
trap '[ -z "$build_pid" ] || kill "$build_pid" 2>/dev/null; postgres_stop; rm -rf "$work"' EXIT
echo "== dotnet build (MyPage, MockMynaportal, MyPage.Tests)"
build_started=$(date +%s)
dotnet build tests/MyPage.Tests/MyPage.Tests.csproj -c Release -v q -nologo &
build_pid=$!
postgres_start
build_status=0
wait "$build_pid" || build_status=$?
build_pid=""
[ "$build_status" -eq 0 ] || exit "$build_status"
build_seconds=$(( $(date +%s) - build_started ))

# 前の実行で残った失敗のトレースを消す（残るのはこの実行で失敗したテストのものだけ）
rm -rf tests/MyPage.Tests/bin/Release/net10.0/traces

# 引数（--filter など）で一部だけを動かすときは、テストだけ（ベンチマークのビルドと空白の確かめは、全部を動かすときに）
partial=$([ $# -gt 0 ] && echo 1 || echo 0)
benchmarks_pid=""
format_pid=""
if [ "$partial" -eq 0 ]; then
  (
    set -e
    # ソリューションのほかのプロジェクト（ベンチマーク）。MyPage.slnx に足したものも、ここで自然にビルドされる
    for project in $(grep -o 'Path="[^"]*\.csproj"' MyPage.slnx | sed 's/Path="//; s/"$//' | grep -vE '^(MyPage\.csproj|tests/MockMynaportal/|tests/MyPage\.Tests/)'); do
      nice -n 10 dotnet build "$project" -c Release -v q -nologo -p:BuildProjectReferences=false
    done
  ) >"$work/benchmarks.log" 2>&1 &
  benchmarks_pid=$!
  # 空白の確かめは、プロジェクトを読み込まずにファイルだけを見る (--folder: ビルドの出力は除く)。MSBuild でソリューションを開くより CPU がおよそ半分
  nice -n 10 dotnet format whitespace --folder --verify-no-changes --exclude "**/bin" "**/obj" . >"$work/format.log" 2>&1 &
  format_pid=$!
fi

# 結果 (TRX) は残す: tests/MyPage.Tests/TestResults/results.trx（クラスごとの時間を見るため）
results="$PWD/tests/MyPage.Tests/TestResults/results.trx"
rm -f "$results"
set +e
tests_started=$(date +%s)
dotnet test tests/MyPage.Tests/MyPage.Tests.csproj -c Release --no-build --logger "trx;LogFileName=$results" "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
tests_seconds=$(( $(date +%s) - tests_started ))
set -e

if [ -n "$benchmarks_pid" ]; then
  echo "== dotnet build (the other projects of MyPage.slnx: the benchmarks)"
  if ! wait "$benchmarks_pid"; then
    cat "$work/benchmarks.log"
    status=1
  fi
fi

if [ -n "$format_pid" ]; then
  echo "== dotnet format whitespace --folder --verify-no-changes"
  if ! wait "$format_pid"; then
    cat "$work/format.log"
    echo "書式が .editorconfig と違います。dotnet format MyPage.slnx で直してください。"
    status=1
  fi
fi

# 遅いテストクラス10個（テストの時間の和。クラスの中のテストは順に動く）
if [ -f "$results" ]; then
  echo "== 遅いテストクラス (slowest test classes, seconds)"
  grep -o '<UnitTestResult [^>]*' "$results" \
    | sed -E 's/.*testName="([^"(]*)[^"]*".*duration="([0-9]+):([0-9]+):([0-9.]+)".*/\1 \2 \3 \4/' \
    | awk '{ n = split($1, p, "."); c = p[n-1]; t[c] += $2 * 3600 + $3 * 60 + $4 } END { for (c in t) printf "%7.1f  %s\n", t[c], c }' \
    | sort -rn | head -n 10
fi

# 最後に一行で: 「N passed, N failed」と、かかった時間
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+' "$work/test.log" | tail -n 1 || true)
echo "== 時間 (time): ビルド ${build_seconds} 秒、テスト ${tests_seconds} 秒、全体 $(( $(date +%s) - started )) 秒"
if [ -n "$summary" ]; then
  failed=$(echo "$summary" | grep -Eo 'Failed: +[0-9]+' | grep -Eo '[0-9]+')
  passed=$(echo "$summary" | grep -Eo 'Passed: +[0-9]+' | grep -Eo '[0-9]+')
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] || echo "失敗したブラウザのテストのトレース、スクリーンショット、ログ: tests/MyPage.Tests/bin/Release/net10.0/traces/ (npx playwright show-trace FILE)"
exit "$status"
