#!/usr/bin/env bash
# Benchmark: cluster mode on one machine. The published shop on PostgreSQL with RabbitMQ, first as 1 silo, then as
# 3 silos of one cluster (ADO.NET membership), in the same run, each leg on a fresh database and virtual host:
# product-by-id throughput (one wrk per silo at once, summed), reserve+pay throughput (Bench buy: checkout + payment
# of distinct items, round-robin across the silos) and, in the 3-silo leg, the time a fourth silo takes from process
# start to ready and to its first answered request. PostgreSQL (fsync on, as a production server writes) and
# RabbitMQ are private servers started the way scripts/test.sh starts them, stopped at the end.
# Usage: bench/cluster.sh [orders=1000] [buyers=16] [seconds-per-run=15] [watched-orders=50]
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-1000}
buyers=${2:-16}
seconds=${3:-15}
watched=${4:-50}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
pids=()
# shellcheck source=../scripts/postgres-node.sh
. scripts/postgres-node.sh
# shellcheck source=../scripts/rabbitmq-node.sh
. scripts/rabbitmq-node.sh
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rabbitmq_node_stop
    postgres_node_stop
    rm -rf "$work"
}
trap cleanup EXIT

echo "== publishing (Release)"
dotnet publish src/CollectorShop.Silo -c Release -o "$work/shop" -p:SkipSpa=true >/dev/null
dotnet publish bench/Bench -c Release -o "$work/bench" >/dev/null

# Their own ports, so they never meet the test suite's servers (55432, 5673) or bench/events.sh's node (5674).
pg_port=55442
mq_port=5675
postgres_node_start $pg_port bench bench-password bench on
rabbitmq_node_start rabbit-cluster-bench $mq_port bench bench-password

admin_email=bench-admin@collector.test
admin_password=Bench-admin-password-1
secret=$(head -c 48 /dev/urandom | base64 -w0)

# start_silo LEG N: silo N of the leg's cluster, in the background; its HTTP port is 18100 + N. Sets silo_pid.
start_silo() {
    local leg=$1 n=$2
    ASPNETCORE_ENVIRONMENT=Benchmark Urls=http://127.0.0.1:$((18100 + n)) \
    Storage__Provider=Postgres Orleans__Clustering=AdoNet Orleans__ClusterId="$leg" Orleans__AdvertisedIP=127.0.0.1 \
    Orleans__SiloPort=$((21100 + n)) Orleans__GatewayPort=$((31100 + n)) \
    ConnectionStrings__Shop="Host=127.0.0.1;Port=$pg_port;Username=bench;Password=bench-password;Database=$leg;Maximum Pool Size=30" \
    RabbitMQ__Url="amqp://bench:bench-password@127.0.0.1:$mq_port/$leg" \
    Jwt__Secret="$secret" Admin__Email=$admin_email Admin__Password=$admin_password Demo__Seed=true \
    RateLimiting__LoginPerMinutePerAddress=1000000 RateLimiting__FailedLoginsPerAccount=1000000 \
    Logging__LogLevel__Default=Warning \
        dotnet "$work/shop/CollectorShop.Silo.dll" >"$work/$leg-silo$n.log" 2>&1 &
    silo_pid=$!
    pids+=("$silo_pid")
}

ready() { curl -fs "http://127.0.0.1:$((18100 + $1))/health/ready" >/dev/null; }

wait_ready() {
    local leg=$1 n=$2
    for _ in $(seq 600); do ready "$n" && return 0; sleep 0.2; done
    echo "silo $n of $leg never became ready:" >&2; tail -20 "$work/$leg-silo$n.log" >&2; exit 1
}

now() { date +%s.%N; }

# wrk prints "Requests/sec: N", "Non-2xx or 3xx responses: N" and, with --latency, "99% N(us|ms|s)".
wrk_figures() {
    awk '/Requests\/sec/ {rps=$2} /Non-2xx/ {errors=$5}
         $1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; p99=v}
         END {print rps+0, p99+0, errors+0}' "$1"
}

# One leg: N silos started together on a fresh database, the two throughput runs, the silos left running for the join.
# Writes $work/<leg>.figures: silos product-rps worst-p99 non-2xx orders orders-seconds orders/s failed notify-p50 p95 max
leg() {
    local leg=$1 silos=$2
    psql -q -h 127.0.0.1 -p $pg_port -U postgres -c "CREATE DATABASE $leg OWNER bench" >/dev/null
    rabbitmqctl -q add_vhost "$leg" >/dev/null
    rabbitmqctl -q set_permissions -p "$leg" bench '.*' '.*' '.*' >/dev/null
    leg_pids=()
    local urls=()
    for n in $(seq "$silos"); do
        start_silo "$leg" "$n"
        leg_pids+=("$silo_pid")
        urls+=("http://127.0.0.1:$((18100 + n))")
    done
    for n in $(seq "$silos"); do wait_ready "$leg" "$n"; done
    sleep 3  # the admin and the demo catalogue are created just after start-up

    product=$(curl -fs "${urls[0]}/api/products?pageSize=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
    local wrks=()
    for n in $(seq "$silos"); do
        wrk -t1 -c$((48 / silos)) -d"${seconds}s" --latency "${urls[$((n - 1))]}/api/products/$product" >"$work/$leg-wrk$n.txt" &
        wrks+=($!)
    done
    wait "${wrks[@]}"
    local rps=0 worst=0 errors=0
    for n in $(seq "$silos"); do
        read -r r p e < <(wrk_figures "$work/$leg-wrk$n.txt")
        rps=$(awk -v a="$rps" -v b="$r" 'BEGIN {print a + b}')
        worst=$(awk -v a="$worst" -v b="$p" 'BEGIN {print (b > a) ? b : a}')
        errors=$((errors + e))
    done

    local all_urls
    all_urls=$(IFS=,; echo "${urls[*]}")
    dotnet "$work/bench/Bench.dll" buy "$all_urls" $admin_email $admin_password "$orders" "$buyers" "$watched" >"$work/$leg.buy" \
        || { echo "the buying run ($leg) failed; silo logs:" >&2; tail -n 20 "$work/$leg"-silo*.log >&2; exit 1; }
    echo "$silos $rps $worst $errors $(cat "$work/$leg.buy")" >"$work/$leg.figures"
}

stop_leg() {
    for pid in "${leg_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${leg_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}

echo "== 1 silo: product-by-id for ${seconds} s, then $orders orders by $buyers buyers and $watched watched orders"
leg single 1
stop_leg
echo "== 3 silos: the same, requests spread across the silos"
leg three 3

echo "== a fourth silo joins the 3-silo cluster"
started=$(now)
start_silo three 4
for _ in $(seq 1200); do ready 4 && break; sleep 0.05; done
ready 4 || { echo "the fourth silo never became ready:" >&2; tail -20 "$work/three-silo4.log" >&2; exit 1; }
joined=$(now)
curl -fs "http://127.0.0.1:18104/api/products/$product" >/dev/null
served=$(now)
membership=$(curl -fs http://127.0.0.1:18104/health/ready | python3 -c 'import json, sys; print(json.load(sys.stdin)["checks"]["silo"]["description"])')
stop_leg
kill "$silo_pid" 2>/dev/null || true

printf '\n%-6s %14s %14s %8s %8s %10s %8s %14s %14s\n' "silos" "product req/s" "worst p99 ms" "non-2xx" "orders" "orders/s" "failed" "notify p50 ms" "notify p95 ms"
for leg in single three; do
    read -r silos rps p99 errors count _ rate failed p50 p95 _ <"$work/$leg.figures"
    printf '%-6d %14.0f %14.2f %8d %8d %10.1f %8d %14.1f %14.1f\n' "$silos" "$rps" "$p99" "$errors" "$count" "$rate" "$failed" "$p50" "$p95"
done
printf '\na fourth silo: ready %.1f s after its process started, first product served %.1f s after (its readiness: %s)\n' \
    "$(awk -v a="$started" -v b="$joined" 'BEGIN {print b - a}')" "$(awk -v a="$started" -v b="$served" 'BEGIN {print b - a}')" "$membership"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)"
