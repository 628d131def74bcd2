#!/bin/sh
# The load tests, from a fresh clone with PostgreSQL on 127.0.0.1:5432 (user postgres, trust):
# builds the EAR for PostgreSQL, starts it in demo mode on its own database and base directory
# (ear/target/load-server), loads the data set once (module load), runs the Gatling simulation
# (load/src/gatling) at each number of concurrent users and at a constant arrival rate, and stops the server.
# Reports: load/target/gatling/*/index.html. Figures are printed by Gatling; nothing is asserted.
#
# Environment (defaults): LOAD_DB (load), LOAD_CERTIFICATES (1000000; holders a fifth, organisations a
# fiftieth), LOAD_USERS ("10 50 200"), LOAD_RATE (20 new users a second; 0: no open-model run),
# LOAD_DURATION (PT2M per run), LOAD_SCENARIOS (mix), LOAD_THINK (PT0S), LOAD_PORT_OFFSET (0).
# Every visitor comes from its own address in 10.0.0.0/8 through X-Forwarded-For, which the server
# trusts from 127.0.0.1 only (certrevoke.trusted-proxies): all limits and lockouts stay on.
set -eu
cd "$(dirname "$0")/.."
DB=${LOAD_DB:-load}
CERTIFICATES=${LOAD_CERTIFICATES:-1000000}
USERS=${LOAD_USERS:-10 50 200}
RATE=${LOAD_RATE:-20}
DURATION=${LOAD_DURATION:-PT2M}
SCENARIOS=${LOAD_SCENARIOS:-mix}
THINK=${LOAD_THINK:-PT0S}
OFFSET=${LOAD_PORT_OFFSET:-0}
PORT=$((8080 + OFFSET))
URL=jdbc:postgresql://127.0.0.1:5432/$DB
KEY=$(sed -n 's:.*<demo.lookup-key>\(.*\)</demo.lookup-key>.*:\1:p' ear/pom.xml)
API_KEYS=$(sed -n 's:.*<demo.api-keys>\(.*\)</demo.api-keys>.*:\1:p' ear/pom.xml)
WILDFLY=ear/target/wildfly-39.0.1.Final
BASE=$PWD/ear/target/load-server

createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
mvn -B -ntp -q install -DskipTests -Ppostgresql -Dcertrevoke.db.url="$URL"
rm -rf "$BASE"
mkdir -p "$BASE/deployments"
cp -r "$WILDFLY/standalone/configuration" "$BASE/"
cp ear/target/certrevoke.ear "$BASE/deployments/"
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$BASE/server.pid" \
JAVA_OPTS="-Xms1g -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true \
    -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman" "$WILDFLY/bin/standalone.sh" -Djboss.server.base.dir="$BASE" \
    -Djboss.socket.binding.port-offset="$OFFSET" -Dcertrevoke.db.url="$URL" -Dcertrevoke.db.user=postgres \
    -Dcertrevoke.db.password=postgres -Dcertrevoke.demo=true -Dcertrevoke.mail.smtp.enabled=false \
    -Dcertrevoke.secrets.lookup-key="$KEY" -Dcertrevoke.api.keys="$API_KEYS" \
    -Dcertrevoke.public-url="http://localhost:$PORT" -Dcertrevoke.trusted-proxies=127.0.0.1 \
    > "$BASE/console.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT INT TERM  # standalone.sh passes it on
until curl -sf -o /dev/null "http://localhost:$PORT/view/certificats/recherche.jsf"; do
    kill -0 $SERVER 2>/dev/null || { tail -50 "$BASE/console.log"; exit 1; }
    sleep 2
done

if [ -z "$(psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM organisation WHERE identifier = 'LOAD-000001'" "$DB")" ] \
        || [ ! -f load/target/load-data/holders.csv ]; then
    [ -z "$(psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM organisation WHERE identifier = 'LOAD-000001'" "$DB")" ] \
        || { echo "$DB holds a data set whose credentials are gone: drop the database and run again"; exit 1; }
    mvn -B -ntp -q -pl load exec:java -Dcertrevoke.secrets.lookup-key="$KEY" -Dexec.args="--url=$URL \
        --certificates=$CERTIFICATES --holders=$((CERTIFICATES / 5)) --organisations=$((CERTIFICATES / 50)) --ca=demo-ca"
fi

run() {
    mvn -B -ntp -Pload -pl load verify -Dload.url="http://localhost:$PORT" -Dload.scenarios="$SCENARIOS" \
        -Dload.duration="$DURATION" -Dload.think="$THINK" "$@" | sed -n '/Global Information/,/^=\{10,\}$/p'
}
for users in $USERS; do
    echo "== $users concurrent users (closed model), $DURATION, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    run -Dload.users="$users"
done
if [ "$RATE" != 0 ]; then
    echo "== $RATE new users a second (open model), $DURATION, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    run -Dload.rate="$RATE"
fi
