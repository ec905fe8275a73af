#!/usr/bin/env bash
# Benchmark: buying through the real published shop, with the in-process event channel and with RabbitMQ
# in the same run. Per leg: orders/s for checkout + payment on distinct items, and the latency from sending
# a payment to the seller's notification (p50/p95/max). The RabbitMQ leg starts a private node the way
# scripts/test.sh does (needs root and rabbitmq-server) and stops it, and epmd if it started it, at the end.
# Usage: bench/events.sh [orders=1000] [buyers=16] [watched-orders=200]
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-1000}
buyers=${2:-16}
watched=${3:-200}

work=$(mktemp -d)
pids=()
rabbit=""
rabbit_pid=""
epmd_before=$(pgrep -x epmd || true)
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -n "$rabbit" ] && rabbit_pid=${rabbit_pid:-$(cat "$rabbit/rabbit.pid" 2>/dev/null || true)}
    if [ -n "$rabbit_pid" ]; then
        kill "$rabbit_pid" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$rabbit_pid" 2>/dev/null || break; sleep 0.5; done
        local epmd; epmd=$(pgrep -x epmd || true)
        [ -z "$epmd_before" ] && [ -n "$epmd" ] && kill $epmd 2>/dev/null || true
    fi
    rm -rf "$work" ${rabbit:+"$rabbit"}
}
trap cleanup EXIT

echo "== publishing (Release)"
dotnet publish src/CollectorShop.Silo -c Release -o "$work/shop" -p:SkipSpa=true >/dev/null
dotnet publish bench/Bench -c Release -o "$work/bench" >/dev/null

shop=http://127.0.0.1:18090
admin_email=bench-admin@collector.test
admin_password=Bench-admin-password-1

# A private node on 127.0.0.1:5674 with its own name, so it never meets the test suite's node on 5673.
start_rabbitmq() {
    command -v rabbitmq-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null; }
    # Its own folder: the node runs as the rabbitmq user, which cannot enter $work.
    rabbit=$(mktemp -d)
    local base=$rabbit
    mkdir -p "$base/mnesia" "$base/log"
    cat > "$base/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:5674
default_user = bench
default_pass = bench-password
default_vhost = /
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
CONF
    echo '[].' > "$base/enabled_plugins"
    chown -R rabbitmq:rabbitmq "$base"
    export RABBITMQ_NODENAME=rabbit-bench@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT=5674 RABBITMQ_DIST_PORT=25674 ERL_EPMD_ADDRESS=127.0.0.1 \
        RABBITMQ_BASE="$base" RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log" \
        RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" \
        RABBITMQ_PID_FILE="$base/rabbit.pid" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    rabbitmq-server -detached
    rabbitmqctl wait --timeout 60 "$RABBITMQ_PID_FILE" >/dev/null
    rabbit_pid=$(cat "$RABBITMQ_PID_FILE")
    rabbitmqctl await_startup >/dev/null
}

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
echo "== RabbitMQ: starting a private node on 127.0.0.1:5674"
start_rabbitmq
echo "== RabbitMQ: $orders orders by $buyers buyers, then $watched orders one at a time"
leg rabbitmq "amqp://bench:bench-password@127.0.0.1:5674/"

printf '\n%-12s %8s %8s %10s %8s %14s %14s %14s\n' "transport" "orders" "seconds" "orders/s" "failed" "notify p50 ms" "notify p95 ms" "notify max ms"
for transport in in-process rabbitmq; do
    read -r count seconds rate failed p50 p95 max <"$work/$transport.figures"
    printf '%-12s %8d %8.1f %10.1f %8d %14.1f %14.1f %14.1f\n' "$transport" "$count" "$seconds" "$rate" "$failed" "$p50" "$p95" "$max"
done
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)"
