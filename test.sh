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
