# Sourced by scripts/test.sh and bench/events.sh: a private RabbitMQ node on 127.0.0.1 (../shared/docs/INFRA.md)
# in a folder of its own, stopped by its PID. Installs rabbitmq-server with apt when it is missing (needs root).
#   rabbitmq_node_start NAME PORT USER PASSWORD   exports the RABBITMQ_* variables rabbitmqctl needs
#   rabbitmq_node_stop                            the node, epmd if this node started it, and the folder

rabbitmq_node_dir=""
rabbitmq_node_epmd_was_running=""

rabbitmq_node_start() {
    local name=$1 port=$2 user=$3 password=$4
    if ! command -v rabbitmq-server >/dev/null; then
        echo "== RabbitMQ: installing rabbitmq-server"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null || return 1
    fi
    rabbitmq_node_epmd_was_running=$(pgrep -x epmd || true)
    # Its own folder under /tmp: the node runs as the rabbitmq user, which must own it.
    rabbitmq_node_dir=$(mktemp -d)
    mkdir -p "$rabbitmq_node_dir/mnesia" "$rabbitmq_node_dir/log"
    cat > "$rabbitmq_node_dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$port
default_user = $user
default_pass = $password
default_vhost = /
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
CONF
    echo '[].' > "$rabbitmq_node_dir/enabled_plugins"
    chown -R rabbitmq:rabbitmq "$rabbitmq_node_dir"
    export RABBITMQ_NODENAME=$name@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT=$port RABBITMQ_DIST_PORT=$((port + 20000)) ERL_EPMD_ADDRESS=127.0.0.1 \
        RABBITMQ_BASE="$rabbitmq_node_dir" RABBITMQ_MNESIA_BASE="$rabbitmq_node_dir/mnesia" RABBITMQ_LOG_BASE="$rabbitmq_node_dir/log" \
        RABBITMQ_CONFIG_FILE="$rabbitmq_node_dir/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$rabbitmq_node_dir/enabled_plugins" \
        RABBITMQ_PID_FILE="$rabbitmq_node_dir/rabbit.pid" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    echo "== RabbitMQ: starting a private node on 127.0.0.1:$port"
    rabbitmq-server -detached || return 1
    rabbitmqctl wait --timeout 60 "$RABBITMQ_PID_FILE" >/dev/null && rabbitmqctl await_startup >/dev/null
}

rabbitmq_node_stop() {
    [ -n "$rabbitmq_node_dir" ] || return 0
    local node epmd
    node=$(cat "$rabbitmq_node_dir/rabbit.pid" 2>/dev/null)
    if [ -n "$node" ]; then
        kill "$node" 2>/dev/null
        for _ in $(seq 60); do kill -0 "$node" 2>/dev/null || break; sleep 0.5; done
    fi
    epmd=$(pgrep -x epmd || true)
    [ -z "$rabbitmq_node_epmd_was_running" ] && [ -n "$epmd" ] && kill $epmd 2>/dev/null
    rm -rf "$rabbitmq_node_dir"
    rabbitmq_node_dir=""
}
