#!/usr/bin/env bash
# Benchmark: the embedded shop (SQLite, demo data + generated listings) against a bare ASP.NET Core
# endpoint, both measured by wrk on loopback in the same run; the ratio is the figure.
# Usage: bench/run.sh [listings=10000] [seconds-per-run=15]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
seconds=${2:-15}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== publishing (Release)"
dotnet publish src/CollectorShop.Silo -c Release -o "$work/shop" -p:SkipSpa=true >/dev/null
dotnet publish bench/Bench -c Release -o "$work/bench" >/dev/null

shop=http://127.0.0.1:18080
bare=http://127.0.0.1:18081
admin_email=bench-admin@collector.test
admin_password=Bench-admin-password-1

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$shop \
Jwt__Secret=$(head -c 48 /dev/urandom | base64) ConnectionStrings__Shop="Data Source=$work/shop.db" \
Admin__Email=$admin_email Admin__Password=$admin_password Demo__Seed=true \
Orleans__SiloPort=21111 Orleans__GatewayPort=31000 \
RateLimiting__LoginPerMinutePerAddress=1000000 RateLimiting__FailedLoginsPerAccount=1000000 \
Logging__LogLevel__Default=Warning \
    dotnet "$work/shop/CollectorShop.Silo.dll" >"$work/shop.log" 2>&1 &
pids+=($!); shop_pid=$!
dotnet "$work/bench/Bench.dll" bare $bare >"$work/bare.log" 2>&1 &
pids+=($!)

for url in $shop/api/health $bare/bare; do
    for _ in $(seq 120); do curl -fs "$url" >/dev/null && break; sleep 0.5; done
done
sleep 3  # the admin and the demo catalogue are created just after start-up

echo "== generating $count listings through the API"
start=$(date +%s)
product=$(dotnet "$work/bench/Bench.dll" seed $shop $admin_email $admin_password "$count" "$work/accounts.lua")
echo "   took $(( $(date +%s) - start )) s; product-by-id target: $product"

# Each request signs in one of the generated buyers, picked at random.
{
    echo 'local emails = {'; cat "$work/accounts.lua"; echo '}'
    cat <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
    local email = emails[math.random(#emails)]
    return wrk.format(nil, nil, nil, '{"email":"' .. email .. '","password":"Bench-password-1"}')
end
LUA
} >"$work/login.lua"

# wrk prints "Requests/sec: N" and, with --latency, "99% N(us|ms|s)".
measure() {
    local out; out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$@")
    local rps p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
    echo "$rps $p99 ${errors:-0}"
}

printf '\n%-46s %12s %10s %10s %12s %10s %8s\n' "route" "req/s" "p99 ms" "non-2xx" "bare req/s" "bare p99" "ratio"
run() {
    local name=$1; shift
    read -r bare_rps bare_p99 _ < <(measure $bare/bare)
    read -r rps p99 errors < <(measure "$@")
    printf '%-46s %12.0f %10.2f %10d %12.0f %10.2f %8.3f\n' "$name" "$rps" "$p99" "$errors" "$bare_rps" "$bare_p99" "$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN {print a / b}')"
}
run "GET /api/products/{id}" "$shop/api/products/$product"
run "GET /api/products (home: newest first)" "$shop/api/products"
run "GET /api/products?category=vinyl&page=3" "$shop/api/products?category=vinyl&page=3"
run "GET /api/products?q=signed+camera" "$shop/api/products?q=signed+camera"
run "POST /api/auth/login" -s "$work/login.lua" "$shop/api/auth/login"

rss=$(awk '/VmRSS/ {print $2}' /proc/$shop_pid/status)
hwm=$(awk '/VmHWM/ {print $2}' /proc/$shop_pid/status)
echo
echo "shop process memory after the run: RSS $((rss / 1024)) MiB, peak $((hwm / 1024)) MiB; database $(du -h "$work/shop.db" | cut -f1)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)"
