#!/usr/bin/env bash
# The rollback drill (docs/rollback.md): release N serves and takes data; release N+1, which adds migrations, is
# deployed on the same database and document store and takes more data; then both are rolled back — the schema with
# N+1's own `db rollback <k>`, the application by starting N again — and the critical path and every piece of data
# are checked. Times each step.
#
#   ./mvnw -q -B package -DskipTests && bench/rollback-drill/run.sh <git revision of release N>
#
# N is built from that revision in target/bench/rollback-drill/release-n (a git worktree, Maven, no tests); N+1 is
# target/qteria.jar. PostgreSQL on 127.0.0.1:5432 (a database qteria_rollback_drill, dropped at the end). The critical
# path is deploy/smoke-test.py (sign in, workflow, upload, assessment, verified pass); bench/rollback-drill/inventory.py
# lists what must survive. Exit code 0 only when every check holds.
set -euo pipefail
cd "$(dirname "$0")/../.."

OLD_REV=${1:?"usage: $0 <git revision of release N>"}
NEW_JAR=${NEW_JAR:-target/qteria.jar}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
OUT=target/bench/rollback-drill
PORT=18283
BASE=http://127.0.0.1:$PORT
DB=qteria_rollback_drill
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" QTERIA_DATA_DIR="$PWD/$OUT/data"
export QTERIA_BOOTSTRAP_ORG="Drill Labs" QTERIA_BOOTSTRAP_ADMIN_EMAIL=admin@drill.example
export QTERIA_BOOTSTRAP_ADMIN_PASSWORD="drill password 2026"
export QTERIA_SMOKE_URL=$BASE QTERIA_SMOKE_EMAIL=$QTERIA_BOOTSTRAP_ADMIN_EMAIL
export QTERIA_SMOKE_PASSWORD=$QTERIA_BOOTSTRAP_ADMIN_PASSWORD
PID=

[[ -f $NEW_JAR ]] || { echo "No $NEW_JAR: ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 2; }

now() { date +%s.%N; }
since() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }
psql_db() { psql -h 127.0.0.1 -U postgres -qAt "$@"; }
changesets() { psql_db -d "$DB" -c "select count(*) from databasechangelog"; }

stop() {
    if [[ -n $PID ]]; then
        kill "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    PID=
}
cleanup() {
    stop
    psql_db -c "drop database if exists $DB" >/dev/null 2>&1 || true
    git worktree remove --force "$OUT/release-n" >/dev/null 2>&1 || true
    rm -rf "$OUT/release-n"
    git worktree prune
}
trap cleanup EXIT

serve() {
    local jar=$1 log=$2
    "$JAVA" -jar "$jar" --server.port="$PORT" >"$OUT/$log.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 600); do
        curl -sf "$BASE/health" >/dev/null && return 0
        kill -0 "$PID" 2>/dev/null || { echo "$jar stopped; see $OUT/$log.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "$jar did not become healthy; see $OUT/$log.log" >&2
    exit 1
}

critical_path() {
    python3 deploy/smoke-test.py >"$OUT/smoke-$1.log" 2>&1 || { cat "$OUT/smoke-$1.log" >&2; exit 1; }
    echo "  critical path: $(tail -n 1 "$OUT/smoke-$1.log")"
}
inventory() {
    python3 bench/rollback-drill/inventory.py take "$BASE" "$QTERIA_SMOKE_EMAIL" "$QTERIA_SMOKE_PASSWORD" >"$OUT/$1.json"
}

mkdir -p "$OUT"
rm -rf "$OUT/data"
cleanup
echo "Rollback drill $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Release N: $(git rev-parse --short "$OLD_REV"); release N+1: $NEW_JAR ($(git rev-parse --short HEAD))"
started=$(now)
git worktree add --detach "$OUT/release-n" "$OLD_REV" >/dev/null 2>&1
(cd "$OUT/release-n" && ./mvnw -q -B package -DskipTests) >"$OUT/build-n.log" 2>&1 \
    || { tail -n 30 "$OUT/build-n.log" >&2; echo "Could not build $OLD_REV" >&2; exit 1; }
OLD_JAR=$OUT/release-n/target/qteria.jar
echo "  built release N in $(since "$started") s"
psql_db -c "drop database if exists $DB" >/dev/null
psql_db -c "create database $DB" >/dev/null

echo "1. Release N serves"
serve "$OLD_JAR" n
before=$(changesets)
critical_path n
inventory n
stop

echo "2. Release N+1 deployed on the same database and document store"
t=$(now)
serve "$NEW_JAR" n1
after=$(changesets)
echo "  migrated $before → $after changesets and serving in $(since "$t") s"
critical_path n1
inventory n1
stop

echo "3. Rolled back: the schema by N+1's db rollback $((after - before)), then release N"
t=$(now)
"$JAVA" -jar "$NEW_JAR" db rollback "$((after - before))" >"$OUT/rollback.log" 2>&1 \
    || { cat "$OUT/rollback.log" >&2; exit 1; }
schema=$(since "$t")
[[ $(changesets) == "$before" ]] || { echo "the schema has $(changesets) changesets, not $before" >&2; exit 1; }
serve "$OLD_JAR" back
echo "  schema rolled back in $schema s; release N serving again $(since "$t") s after the rollback began"
critical_path back
inventory back
stop
python3 bench/rollback-drill/inventory.py compare "$OUT/n1.json" "$OUT/back.json"
echo "Drill passed in $(since "$started") s"
