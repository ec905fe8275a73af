#!/usr/bin/env bash
# Runs every test suite of the shop and ends with one line: "N passed, N failed, N skipped".
# Installs what the suites need on a fresh machine (needs root for apt) and stops what it started.
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
# A private RabbitMQ node on 127.0.0.1:5673 for the event tests.
# shellcheck source=rabbitmq-node.sh
. scripts/rabbitmq-node.sh
# A private PostgreSQL server on 127.0.0.1:55432 for the PostgreSQL and cluster tests, unless one is named already (CI's service container).
# shellcheck source=postgres-node.sh
. scripts/postgres-node.sh

trap 'rabbitmq_node_stop; postgres_node_stop; rm -rf "$results"' EXIT

# Debian's Chromium for the browser tests (INFRA.md): playwright-core drives it, nothing downloads a browser.
if [ ! -x /usr/bin/chromium ]; then
    echo "== Chromium: installing the Debian package"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
        || echo "== Chromium could not be installed: the browser tests will fail and say so"
fi

echo "== Front end and deployment checks: npm ci"
(cd frontend && npm ci --no-audit --no-fund) || exit 1
(cd tests/Deployment && npm ci --no-audit --no-fund) || exit 1

echo "== .NET: restore and build (warnings are errors)"
dotnet restore CollectorShop.sln || exit 1
dotnet build CollectorShop.sln --no-restore -c Release -warnaserror || exit 1

if rabbitmq_node_start rabbit 5673 admin admin123; then
    export COLLECTOR_SHOP_TEST_RABBITMQ="amqp://admin:admin123@127.0.0.1:5673/"
else
    echo "== RabbitMQ could not be started: the event tests will fail and say so"
fi

if [ -z "${COLLECTOR_SHOP_TEST_POSTGRES:-}" ]; then
    if postgres_node_start 55432 collector collector collectorshop; then
        export COLLECTOR_SHOP_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=collector;Password=collector;Database=collectorshop"
    else
        echo "== PostgreSQL could not be started: the PostgreSQL and cluster tests will fail and say so"
    fi
fi

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

# Front end: the rebuild, the typecheck and the production build count as one check each, then the Vitest and browser counts.
count_check() {
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}
echo "== Front end: the silo's build replaces an older SPA build in wwwroot"
count_check bash -c 'mkdir -p src/CollectorShop.Silo/wwwroot/assets && echo stale > src/CollectorShop.Silo/wwwroot/assets/stale.js \
    && touch frontend/index.html && dotnet build src/CollectorShop.Silo --no-restore -c Release -warnaserror >/dev/null \
    && [ ! -e src/CollectorShop.Silo/wwwroot/assets/stale.js ] && [ -f src/CollectorShop.Silo/wwwroot/index.html ]'
echo "== Front end: typecheck (tsc --noEmit)"
count_check bash -c 'cd frontend && npx tsc --noEmit'
echo "== Front end: production build (vite build)"
count_check bash -c 'cd frontend && npx vite build'

echo "== Front end: unit tests (Vitest)"
(cd frontend && npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json")
vitest_status=$?
echo "== Front end: browser tests (Chromium against the real silo)"
(cd frontend && node e2e/run.mjs --output "$results/browser.json")
browser_status=$?

# Totals from the runners' JSON reports; a runner that failed without reporting a failure counts as one.
read -r fp ff fs < <(python3 - "$results/vitest.json" "$vitest_status" "$results/browser.json" "$browser_status" <<'PY'
import json, sys
p = f = s = 0
for path, status in ((sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])):
    try:
        with open(path) as handle:
            report = json.load(handle)
    except (OSError, ValueError):
        report = None
    if report is None:
        f += 1
        continue
    if "numPassedTests" in report:
        rp, rf, rs = report["numPassedTests"], report["numFailedTests"], report.get("numPendingTests", 0) + report.get("numTodoTests", 0)
    else:
        rp, rf, rs = report["passed"], report["failed"], report["skipped"]
    if status != "0" and rf == 0:
        rf = 1
    p, f, s = p + rp, f + rf, s + rs
print(p, f, s)
PY
)
passed=$((passed + fp)); failed=$((failed + ff)); skipped=$((skipped + fs))

echo "== Deployment: Dockerfile, Kubernetes manifests and the CI workflow, checked offline"
(cd tests/Deployment && npm test) 2>&1 | tee "$results/deployment.tap"
deployment_status=${PIPESTATUS[0]}
read -r dp df ds < <(awk '/^# pass / {p=$3} /^# fail / {f=$3} /^# skipped / {s=$3} END {print p+0, f+0, s+0}' "$results/deployment.tap")
if [ "$deployment_status" -ne 0 ] && [ "$df" -eq 0 ]; then
    df=1  # the runner failed without reporting a failed test
fi
passed=$((passed + dp)); failed=$((failed + df)); skipped=$((skipped + ds))

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
