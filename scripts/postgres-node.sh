# Sourced by scripts/test.sh and bench/cluster.sh: a private PostgreSQL server on 127.0.0.1 (../shared/docs/INFRA.md)
# in a folder of its own, run as the postgres user and stopped with pg_ctl. Installs postgresql with apt when it
# is missing (needs root).
#   postgres_node_start PORT USER PASSWORD DATABASE [FSYNC=off]
#       the user may create databases; prints nothing on success. fsync is off unless FSYNC is on: a test server's
#       data may be lost on a crash, a benchmark's server writes as a production one does
#   postgres_node_stop                                the server and its folder

postgres_node_dir=""
postgres_node_bin=""

postgres_node_start() {
    local port=$1 user=$2 password=$3 database=$4 fsync=${5:-off}
    postgres_node_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ ! -x "$postgres_node_bin/initdb" ]; then
        echo "== PostgreSQL: installing postgresql"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
        postgres_node_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    postgres_node_dir=$(mktemp -d)
    chown postgres:postgres "$postgres_node_dir"
    echo "== PostgreSQL: starting a private server on 127.0.0.1:$port"
    su postgres -c "$postgres_node_bin/initdb -D $postgres_node_dir/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null || return 1
    su postgres -c "$postgres_node_bin/pg_ctl -D $postgres_node_dir/data -l $postgres_node_dir/log -w start \
        -o '-p $port -k $postgres_node_dir -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=300'" >/dev/null || return 1
    psql -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 \
        -c "CREATE USER $user PASSWORD '$password' CREATEDB" -c "CREATE DATABASE $database OWNER $user" >/dev/null
}

postgres_node_stop() {
    [ -n "$postgres_node_dir" ] || return 0
    su postgres -c "$postgres_node_bin/pg_ctl -D $postgres_node_dir/data -m fast -w stop" >/dev/null 2>&1
    rm -rf "$postgres_node_dir"
    postgres_node_dir=""
}
