#!/usr/bin/env bash
# Issue 5's benchmarks in one command (documented in BENCHMARKS.md; not part of ./test.sh):
#   1. BenchmarkDotNet: the rule evaluator's replies per second on one core, the full evaluation, an offline session
#      turn (with allocations), and the measured memory footprint of a session after k turns;
#   2. the load test: N simulated Teams trainees against the real bot (Release, auth off) through /api/messages (and
#      Web Chat trainees through the embedded Direct Line and its WebSockets: webchat-sqlite),
#      replies timed at a loopback fake connector: offline + SQLite, offline + PostgreSQL (a throwaway cluster, as
#      test.sh starts one), model mode against a loopback stub model server, and Microsoft's JavaScript echo bot
#      (botbuilder CloudAdapter) under the same load in the same run, and the same SDK as a model relay (the two model
#      calls of a turn and nothing else: the floor of the bot's own time here); plus memory per active session in the bot.
# Prints Markdown tables and writes them to bench/results/<date>.md.
#
# Usage: bench/run.sh [--n 50,200,1000] [--duration 15] [--warmup 5] [--settle 30] [--model-latency 200,1500] [--rate 0]
#                     [--targets offline-sqlite,offline-postgres,webchat-sqlite,model-sqlite,echo,model-relay,model-relay-dotnet(,model-relay-dotnet-stream)] [--no-bdn]
# RPB_BENCH_POSTGRES=<Npgsql connection string> uses an existing server instead of a throwaway cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rate=0 n=50,200,1000 duration=15 warmup=5 settle=30 latency=200,1500 targets="offline-sqlite,offline-postgres,webchat-sqlite,model-sqlite,echo,model-relay,model-relay-dotnet" bdn=1
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --model-latency) latency=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --targets) targets=$2; shift 2 ;;
    --no-bdn) bdn=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)"; exit 2 ;;
  esac
done

log=$(mktemp -d)
echo "== build (Release)" >&2
if ! dotnet build RolePlayBot.sln -c Release -warnaserror -nologo -v minimal >"$log/build.txt" 2>&1; then
  tail -n 30 "$log/build.txt"
  echo "build failed" >&2
  exit 1
fi

if [[ ",$targets," == *",echo,"* || ",$targets," == *",model-relay,"* ]]; then
  echo "== npm ci (bench/echo-bot: botbuilder)" >&2
  stamp=bench/echo-bot/node_modules/.rpb-npm-ci.stamp
  if [ ! -f "$stamp" ] || [ bench/echo-bot/package-lock.json -nt "$stamp" ]; then
    (cd bench/echo-bot && npm ci --no-audit --no-fund --loglevel=error >&2) && touch "$stamp"
  fi
fi

# A throwaway PostgreSQL cluster on a free loopback port (trust auth, fsync off, as test.sh), unless one is given.
pg_dir="" pg_bin=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$log"
}
trap cleanup EXIT
as_postgres() {
  if [ "$(id -u)" -ne 0 ]; then (cd "$pg_dir" && "$@"); else (cd "$pg_dir" && runuser -u postgres -- "$@"); fi
}
postgres=""
if [[ ",$targets," == *",offline-postgres,"* ]]; then
  if [ -n "${RPB_BENCH_POSTGRES:-}" ]; then
    postgres=$RPB_BENCH_POSTGRES
  else
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r d; do [ -x "$d/initdb" ] && echo "$d"; done | tail -n 1)
    if [ -z "$pg_bin" ]; then
      echo "no PostgreSQL server binaries (apt-get install postgresql, or set RPB_BENCH_POSTGRES): offline-postgres is skipped" >&2
    else
      port=56432
      while (: </dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
      pg_dir=$(mktemp -d /tmp/rpb-bench-pg.XXXXXX)
      [ "$(id -u)" -ne 0 ] || chown postgres: "$pg_dir"
      echo "== postgresql on 127.0.0.1:$port" >&2
      as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$log/initdb.txt" 2>&1
      as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 \
        -o "-k $pg_dir -p $port -h 127.0.0.1 -F -c max_connections=300" start >"$log/pg_ctl.txt" 2>&1
      postgres="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=100"
    fi
  fi
fi

mkdir -p bench/results
out="bench/results/$(date -u +%Y-%m-%d-%H%M).md"
{
  echo "# bench/run.sh $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Command: \`bench/run.sh --n $n --duration $duration --warmup $warmup --settle $settle --model-latency $latency --rate $rate --targets $targets\`"
  echo
} >"$out"

if [ "$bdn" -eq 1 ]; then
  echo "== BenchmarkDotNet (in process, short job)" >&2
  (cd bench/RolePlayBot.Benchmarks && dotnet bin/Release/net10.0/RolePlayBot.Benchmarks.dll \
    --filter '*' --job short --inProcess --artifacts "$log/bdn" >"$log/bdn.txt" 2>&1) || { tail -n 30 "$log/bdn.txt"; exit 1; }
  {
    echo "## Rule evaluator and session turn (BenchmarkDotNet, one thread; 1 s / Mean = replies per second per core)"
    echo
    for f in "$log"/bdn/results/*-report-github.md; do sed -n '/^| Method/,$p' "$f"; echo; done
    echo "## Memory footprint of one session (managed heap retained, measured over 500 live sessions)"
    echo
    (cd bench/RolePlayBot.Benchmarks && dotnet bin/Release/net10.0/RolePlayBot.Benchmarks.dll footprint)
  } >>"$out"
fi

echo "== load test" >&2
{
  echo "## End to end through /api/messages (loopback fake connector)"
  echo
  dotnet bench/RolePlayBot.LoadTest/bin/Release/net10.0/rpb-loadtest.dll --repo "$root" --targets "$targets" --n "$n" \
    --duration "$duration" --warmup "$warmup" --settle "$settle" --model-latency "$latency" --rate "$rate" ${postgres:+--postgres "$postgres"}
} >>"$out"

cat "$out"
echo >&2
echo "written to $out" >&2
