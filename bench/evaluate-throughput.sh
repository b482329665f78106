#!/usr/bin/env bash
# Times `rpb evaluate` (offline rules) on N replies built from the labelled set, end to end through the
# real CLI: process start, checklist load, JSON parse, evaluation, critique, JSON write.
# Usage: bench/evaluate-throughput.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dotnet build src/RolePlayBot.Cli -c Release -nologo -v quiet >/dev/null
input=$(mktemp --suffix=.jsonl)
python3 - "$n" "$input" <<'PY'
import json, sys, itertools
n, out = int(sys.argv[1]), sys.argv[2]
src = [json.loads(l) for l in open("tests/RolePlayBot.Core.Tests/TestData/labelled-replies.jsonl", encoding="utf-8") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for i, row in zip(range(n), itertools.cycle(src)):
        f.write(json.dumps({"id": f"b{i}", "locale": row["locale"], "customer": row["customer"], "reply": row["reply"]}, ensure_ascii=False) + "\n")
PY
start=$(date +%s.%N)
dotnet src/RolePlayBot.Cli/bin/Release/net10.0/rpb.dll evaluate --input "$input" > /dev/null 2>&1
end=$(date +%s.%N)
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'{n} replies in {s:.2f} s: {n/s:,.0f} replies/s (whole process)')" "$start" "$end" "$n"
rm -f "$input"
