#!/usr/bin/env bash
# パスワードの照合のベンチマーク（テストではない）: 以前の PBKDF2 といまの Argon2id を交互に測り、比を出す。
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v q tests/PasswordBenchmark/PasswordBenchmark.csproj >/dev/null
dotnet tests/PasswordBenchmark/bin/Release/net10.0/PasswordBenchmark.dll "${1:-100}"
