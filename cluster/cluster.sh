#!/usr/bin/env bash
# A local certrevoke cluster: two WildFly servers of the build's distribution (standalone-ha.xml, JGroups over
# TCP on the loopback, distributable sessions in Infinispan), one PostgreSQL database, and HAProxy in front on
# one port with sticky sessions and fail-over. Build it first:
#
#   mvn -B -ntp install -DskipTests -Ppostgresql,cluster
#   cluster/cluster.sh start          # both servers and the balancer; http://localhost:8000/
#   cluster/cluster.sh stop
#   cluster/cluster.sh kill 1         # kill -9 server 1 (then: cluster/cluster.sh start-node 1)
#
# Settings (environment): CLUSTER_PORT (8000), CLUSTER_OFFSETS ("200 300": each server's port offset),
# CERTREVOKE_DB_URL (jdbc:postgresql://127.0.0.1:5432/test), CLUSTER_SMTP_PORT (mail to an SMTP server on that
# port; without it mail stays in the demo mailbox), CLUSTER_DIR (ear/target/cluster), CLUSTER_JAVA_OPTS.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
target=$root/ear/target
home=${WILDFLY_HOME:-$(ls -d "$target"/wildfly-*/ 2>/dev/null | head -n 1)}
home=${home%/}
dir=${CLUSTER_DIR:-$target/cluster}
port=${CLUSTER_PORT:-8000}
read -r -a offsets <<< "${CLUSTER_OFFSETS:-200 300}"
db=${CERTREVOKE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}

fail() { echo "cluster: $*" >&2; exit 1; }

[ -n "$home" ] && [ -f "$home/standalone/configuration/standalone-ha.xml" ] && [ -f "$target/certrevoke.ear" ] \
    && [ -f "$target/cli/cluster.env" ] \
    || fail "build first: mvn -B -ntp install -DskipTests -Ppostgresql,cluster"
grep -q 'cache-container name="certrevoke"' "$home/standalone/configuration/standalone-ha.xml" \
    || fail "standalone-ha.xml is not configured: build with -Ppostgresql,cluster"
# shellcheck source=/dev/null
. "$target/cli/cluster.env"

offset() { echo "${offsets[$(($1 - 1))]}"; }
http_port() { echo $((8080 + $(offset "$1"))); }
node_dir() { echo "$dir/node$1"; }

start_node() {
    local n=$1 base
    base=$(node_dir "$n")
    if [ -f "$base/pid" ] && kill -0 "$(cat "$base/pid")" 2>/dev/null; then
        echo "server $n already runs"; return
    fi
    mkdir -p "$base/deployments"
    [ -d "$base/configuration" ] || cp -r "$home/standalone/configuration" "$base/"
    rm -f "$base/deployments/certrevoke.ear".*
    cp "$target/certrevoke.ear" "$base/deployments/"
    local mail=(-Dcertrevoke.mail.smtp.enabled=false)
    if [ -n "${CLUSTER_SMTP_PORT:-}" ]; then
        mail=(-Djboss.mail.server.port="$CLUSTER_SMTP_PORT")
    fi
    # shellcheck disable=SC2086
    JBOSS_PIDFILE="$base/pid" LAUNCH_JBOSS_IN_BACKGROUND=true JAVA_OPTS="-Xmx768m ${CLUSTER_JAVA_OPTS:-}" \
        nohup "$home/bin/standalone.sh" -c standalone-ha.xml \
        -Djboss.server.base.dir="$base" -Djboss.node.name="node$n" -Djboss.tx.node.id="node$n" \
        -Djboss.socket.binding.port-offset="$(offset "$n")" \
        -Dcertrevoke.cluster.member1.port=$((7600 + $(offset 1))) \
        -Dcertrevoke.cluster.member2.port=$((7600 + $(offset 2))) \
        -Dcertrevoke.db.url="$db" -Dcertrevoke.db.user=postgres -Dcertrevoke.db.password=postgres \
        -Dcertrevoke.demo=true -Dcertrevoke.demo.keystore="$dir/demo-ca.p12" \
        -Dcertrevoke.secrets.lookup-key="$CERTREVOKE_DEMO_LOOKUP_KEY" -Dcertrevoke.api.keys="$CERTREVOKE_DEMO_API_KEYS" \
        -Dcertrevoke.public-url="http://localhost:$port" -Dcertrevoke.trusted-proxies=127.0.0.1/32 \
        "${mail[@]}" > "$base/console.log" 2>&1 &
    echo "server $n starting: http://localhost:$(http_port "$n")/ (log: $base/console.log)"
}

await_node() {
    local n=$1 base deadline
    base=$(node_dir "$n")
    deadline=$((SECONDS + ${CLUSTER_BOOT_SECONDS:-300}))
    until [ -f "$base/deployments/certrevoke.ear.deployed" ]; do
        [ -f "$base/deployments/certrevoke.ear.failed" ] && fail "server $n failed to deploy (see $base/console.log)"
        [ $SECONDS -lt $deadline ] || fail "server $n not deployed after ${CLUSTER_BOOT_SECONDS:-300} s"
        [ -f "$base/pid" ] && kill -0 "$(cat "$base/pid")" 2>/dev/null || [ $SECONDS -lt 20 ] \
            || fail "server $n stopped (see $base/console.log)"
        sleep 1
    done
    echo "server $n deployed"
}

start_balancer() {
    command -v haproxy >/dev/null || fail "HAProxy is missing: apt-get install haproxy"
    if [ -f "$dir/haproxy.pid" ] && kill -0 "$(cat "$dir/haproxy.pid")" 2>/dev/null; then return; fi
    # Sticky by a cookie of the balancer's own; a server that refuses connections is marked down after one
    # failed check (every second) and a request it could not take is sent to the other (redispatch).
    cat > "$dir/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 1s
    timeout client 60s
    timeout server 60s
    retries 2
    option redispatch
    option forwardfor
frontend certrevoke
    bind 127.0.0.1:$port
    default_backend servers
backend servers
    balance roundrobin
    cookie CERTREVOKE_NODE insert indirect nocache httponly
    server node1 127.0.0.1:$(http_port 1) check inter 1s fall 1 rise 2 cookie node1
    server node2 127.0.0.1:$(http_port 2) check inter 1s fall 1 rise 2 cookie node2
CFG
    haproxy -q -D -f "$dir/haproxy.cfg" -p "$dir/haproxy.pid"
    echo "balancer: http://localhost:$port/"
}

kill_node() {
    local base
    base=$(node_dir "$1")
    [ -f "$base/pid" ] || return 0
    kill -9 "$(cat "$base/pid")" 2>/dev/null || true
    rm -f "$base/pid"
}

stop_node() {
    local base pid
    base=$(node_dir "$1")
    [ -f "$base/pid" ] || return 0
    pid=$(cat "$base/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$base/pid"
}

case "${1:-}" in
    start)
        mkdir -p "$dir"
        start_node 1; start_node 2
        await_node 1; await_node 2
        start_balancer ;;
    start-node) start_node "$2"; await_node "$2" ;;
    kill) kill_node "$2" ;;
    stop-node) stop_node "$2" ;;
    stop)
        [ -f "$dir/haproxy.pid" ] && kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
        rm -f "$dir/haproxy.pid"
        stop_node 1; stop_node 2 ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
esac
