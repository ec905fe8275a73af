#!/usr/bin/env bash
# Benchmark: buying through the real published shop, with the in-process event channel and with RabbitMQ
# in the same run. Per leg: orders/s for checkout + payment on distinct items, and the latency from sending
# a payment to the seller's notification (p50/p95/max). The RabbitMQ leg starts a private node the way
# scripts/test.sh does (scripts/rabbitmq-node.sh) and stops it at the end.
# Usage: bench/events.sh [orders=1000] [buyers=16] [watched-orders=200]
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-1000}
buyers=${2:-16}
watched=${3:-200}

work=$(mktemp -d)
pids=()
# shellcheck source=../scripts/rabbitmq-node.sh
. scripts/rabbitmq-node.sh
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rabbitmq_node_stop
    rm -rf "$work"
}
trap cleanup EXIT

echo "== publishing (Release)"
dotnet publish src/CollectorShop.Silo -c Release -o "$work/shop" -p:SkipSpa=true >/dev/null
dotnet publish bench/Bench -c Release -o "$work/bench" >/dev/null

shop=http://127.0.0.1:18090
admin_email=bench-admin@collector.test
admin_password=Bench-admin-password-1

# One leg: a fresh shop (demo catalogue for its categories), the buying run against it, the shop stopped.
# Writes $work/<name>.figures: orders seconds orders/s failed p50 p95 max
leg() {
    local name=$1 rabbitmq_url=$2
    local data="$work/$name"
    mkdir -p "$data"
    ASPNETCORE_ENVIRONMENT=Benchmark ASPNETCORE_URLS=$shop \
    Jwt__Secret=$(head -c 48 /dev/urandom | base64) ConnectionStrings__Shop="Data Source=$data/shop.db" \
    Admin__Email=$admin_email Admin__Password=$admin_password Demo__Seed=true RabbitMQ__Url="$rabbitmq_url" \
    Orleans__SiloPort=21121 Orleans__GatewayPort=31010 \
    RateLimiting__LoginPerMinutePerAddress=1000000 RateLimiting__FailedLoginsPerAccount=1000000 \
    Logging__LogLevel__Default=Warning \
        dotnet "$work/shop/CollectorShop.Silo.dll" >"$data/shop.log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    for _ in $(seq 120); do curl -fs "$shop/health/ready" >/dev/null && break; sleep 0.5; done
    curl -fs "$shop/health/ready" >/dev/null || { echo "the shop ($name) never became ready:" >&2; tail -20 "$data/shop.log" >&2; exit 1; }
    sleep 3  # the admin and the demo catalogue are created just after start-up
    dotnet "$work/bench/Bench.dll" buy $shop $admin_email $admin_password "$orders" "$buyers" "$watched" >"$work/$name.figures" \
        || { echo "the buying run ($name) failed; shop log:" >&2; tail -20 "$data/shop.log" >&2; exit 1; }
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "== in-process channel: $orders orders by $buyers buyers, then $watched orders one at a time"
leg in-process ""
# Its own name and port, so it never meets the test suite's node on 5673.
rabbitmq_node_start rabbit-bench 5674 bench bench-password
echo "== RabbitMQ: $orders orders by $buyers buyers, then $watched orders one at a time"
leg rabbitmq "amqp://bench:bench-password@127.0.0.1:5674/"

printf '\n%-12s %8s %8s %10s %8s %14s %14s %14s\n' "transport" "orders" "seconds" "orders/s" "failed" "notify p50 ms" "notify p95 ms" "notify max ms"
for transport in in-process rabbitmq; do
    read -r count seconds rate failed p50 p95 max <"$work/$transport.figures"
    printf '%-12s %8d %8.1f %10.1f %8d %14.1f %14.1f %14.1f\n' "$transport" "$count" "$seconds" "$rate" "$failed" "$p50" "$p95" "$max"
done
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)"
