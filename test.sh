#!/usr/bin/env bash
# Runs every test of RolePlayBot on a fresh machine: restores, builds with warnings as errors,
# checks formatting, runs all test projects and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp -d)
status=0

# The browser test drives Debian's Chromium (Playwright cannot download its own browser here); a CJK font makes
# its screenshots readable. Idempotent: nothing happens when /usr/bin/chromium is there.
if [ ! -x /usr/bin/chromium ]; then
  echo "== install chromium"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk; } >"$log/chromium.txt" 2>&1; then
    tail -n 20 "$log/chromium.txt"
    echo "installing chromium failed: the browser test will fail"
  fi
fi

echo "== restore and build"
if ! dotnet build RolePlayBot.sln -c Release -warnaserror -nologo -v minimal >"$log/build.txt" 2>&1; then
  cat "$log/build.txt"
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
tail -n 3 "$log/build.txt"

echo "== format"
if ! dotnet format RolePlayBot.sln --verify-no-changes --no-restore -v quiet >"$log/format.txt" 2>&1; then
  cat "$log/format.txt" | head -n 40
  echo "formatting differs from .editorconfig: run 'dotnet format RolePlayBot.sln'"
  status=1
fi

# The storage contract tests run on a real PostgreSQL server: a private throwaway cluster in a temp directory, on a
# free loopback port, with trust auth and fsync off, stopped and deleted on exit. The machine's own clusters are not
# touched. Debian's postgresql is installed when no server binaries are found. A caller who already has a server
# sets RPB_TEST_POSTGRES (a Npgsql connection string) and this step leaves it be.
pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$pg_dir"
  fi
}
as_postgres() {
  # initdb and postgres refuse to run as root; as another user they run as that user.
  if [ "$(id -u)" -ne 0 ]; then
    (cd "$pg_dir" && "$@")
  elif command -v runuser >/dev/null; then
    (cd "$pg_dir" && runuser -u postgres -- "$@")
  else
    (cd "$pg_dir" && su postgres -s /bin/sh -c '"$0" "$@"' "$@")
  fi
}
find_pg_bin() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r d; do [ -x "$d/initdb" ] && echo "$d"; done | tail -n 1)
}
start_postgres() {
  find_pg_bin
  if [ -z "$pg_bin" ]; then
    echo "== install postgresql"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql; } >"$log/postgresql.txt" 2>&1; then
      tail -n 20 "$log/postgresql.txt"
    fi
    find_pg_bin
    if [ -z "$pg_bin" ]; then
      echo "no PostgreSQL server binaries (initdb) under /usr/lib/postgresql/*/bin: the PostgreSQL tests will fail"
      return 1
    fi
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  local port=55432
  while (: </dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done

  pg_dir=$(mktemp -d /tmp/rpb-pg.XXXXXX)
  trap stop_postgres EXIT
  trap 'exit 130' INT TERM
  [ "$(id -u)" -ne 0 ] || chown postgres: "$pg_dir"
  echo "== postgresql $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($pg_dir)"
  if ! as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$log/initdb.txt" 2>&1; then
    cat "$log/initdb.txt"
    echo "initdb failed: the PostgreSQL tests will fail"
    return 1
  fi
  if ! as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 \
      -o "-k $pg_dir -p $port -h 127.0.0.1 -F" start >"$log/pg_ctl.txt" 2>&1; then
    cat "$log/pg_ctl.txt" "$pg_dir/postgres.log" 2>/dev/null | tail -n 30
    echo "the PostgreSQL server did not start: the PostgreSQL tests will fail"
    return 1
  fi
  for _ in $(seq 1 60); do
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  export RPB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}
if [ -n "${RPB_TEST_POSTGRES:-}" ]; then
  echo "== postgresql: using RPB_TEST_POSTGRES as set"
else
  start_postgres
fi

echo "== tests"
dotnet test RolePlayBot.sln -c Release --no-build -nologo -v minimal 2>&1 | tee "$log/test.txt"
test_status=${PIPESTATUS[0]}
[ "$test_status" -eq 0 ] || status=1

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 45, Skipped: 0, Total: 45").
passed=$(grep -Eo 'Passed: +[0-9]+' "$log/test.txt" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log/test.txt" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "${passed} passed, ${failed} failed"
exit $status
