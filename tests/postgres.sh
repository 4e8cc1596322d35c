# shellcheck shell=bash
# テスト用の使い捨て PostgreSQL クラスタ。test.sh から source して使う:
#   . tests/postgres.sh
#   trap postgres_stop EXIT   # trap は呼び出し側が持つ
#   postgres_start            # MYPAGE_TEST_POSTGRES (Npgsql の接続文字列) を export する
# Debian の既定クラスタ (5432) は起動もしないし、使いもしない。root でも、パスワードなしの sudo が使える一般ユーザーでも動く。

POSTGRES_TEST_DIR=""   # postgres_stop が消す一時ディレクトリ
POSTGRES_TEST_BIN=""   # pg_ctl などのあるディレクトリ

# 引数のコマンドを postgres ユーザーで走らせる（cwd を / にして、読めないディレクトリで警告が出ないようにする）
_pg_as() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && sudo -n -u postgres -- "$@"); fi
}

# root ならそのまま、そうでなければ sudo で走らせる
_pg_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

postgres_start() {
  # サーバーがなければ入れる（サービスの起動はしない。Docker では policy-rc.d が止める）
  if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    echo "== installing postgresql"
    _pg_root apt-get update -qq
    _pg_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  # 一番新しいサーバー（クライアントだけの版は除く）
  POSTGRES_TEST_BIN=$(dirname "$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  local bin=$POSTGRES_TEST_BIN dir port version
  [ -x "$bin/initdb" ] || { echo "postgres.sh: initdb not found" >&2; return 1; }

  # 一時ディレクトリは postgres のもの（0700）。data/ がクラスタ、ソケットとログはその隣
  dir=$(mktemp -d /tmp/mypage-pg.XXXXXX)
  POSTGRES_TEST_DIR=$dir
  _pg_root chown postgres: "$dir"
  local out
  out=$(_pg_as "$bin/initdb" -D "$dir/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 2>&1) ||
    out=$(_pg_as "$bin/initdb" -D "$dir/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C 2>&1) ||
    { echo "$out" >&2; return 1; }

  # 空いているポートを選んで起動する。選んでから起動までに他に取られたら、選び直す
  local try
  for try in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null) ||
      port=$((20000 + RANDOM % 40000))
    _pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -s \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start && break
    [ "$try" -lt 5 ] || { _pg_as tail -n 20 "$dir/log" >&2; return 1; }
  done

  export MYPAGE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  version=$("$bin/postgres" --version | sed -E 's/^[^0-9]*([0-9.]+).*/\1/')
  echo "== PostgreSQL $version on 127.0.0.1:$port (throwaway cluster)"
}

# 止めて消す。二度呼んでも、start が途中で失敗していてもよい
postgres_stop() {
  local dir=${POSTGRES_TEST_DIR:-}
  [ -n "$dir" ] || return 0
  POSTGRES_TEST_DIR=""
  # 一般ユーザーからは dir の中が見えないので、動いているかは確かめずに止める（止まっていればエラーになるだけ）
  _pg_as "$POSTGRES_TEST_BIN/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1 || true
  _pg_root rm -rf "$dir" || true
  unset MYPAGE_TEST_POSTGRES
}
