#!/usr/bin/env bash
# Recovery time (docs/backup.md, figures in docs/BENCHMARKS.md "Backup and restore"): seeds COUNT documents (default
# 10,000, through the real encrypted storage: bench/keys-rotate/Seed.java), times bin/backup, then bin/restore into a
# new database and an empty data dir, then the start of Qteria on the restored data until /health answers UP; checks
# that the restored instance has every document row and object. Recovery time = restore + start.
#
#   ./mvnw -q -B package -DskipTests && bench/backup-restore/run.sh
# PostgreSQL on 127.0.0.1:5432; the databases qteria_bench_backup and qteria_bench_restored are dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT=${COUNT:-10000}
JAR=${QTERIA_JAR:-target/qteria.jar}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
OUT=$PWD/target/bench/backup-restore
SOURCE=qteria_bench_backup TARGET=qteria_bench_restored
PORT=18284
PID=
[[ -f $JAR ]] || { echo "No $JAR: ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 2; }

psql_admin() { psql -h 127.0.0.1 -U postgres -qAt "$@"; }
cleanup() {
    [[ -z $PID ]] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
    psql_admin -c "drop database if exists $SOURCE with (force)" -c "drop database if exists $TARGET with (force)" \
        >/dev/null 2>&1 || true
}
trap cleanup EXIT
now() { date +%s.%N; }
since() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }

rm -rf "$OUT"
mkdir -p "$OUT/backups"
psql_admin -c "drop database if exists $SOURCE with (force)" -c "drop database if exists $TARGET with (force)" \
    -c "create database $SOURCE" -c "create database $TARGET" >/dev/null
QTERIA_MASTER_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
export QTERIA_MASTER_KEYS

DATABASE_URL="postgres://postgres@127.0.0.1:5432/$SOURCE" QTERIA_DATA_DIR=$OUT/source \
    "$JAVA" -jar "$JAR" db migrate >"$OUT/migrate.log" 2>&1
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
"$JAVA" -cp "$OUT/app/$(basename "$JAR"):$OUT/app/lib/*" bench/keys-rotate/Seed.java \
    "jdbc:postgresql://127.0.0.1:5432/$SOURCE" postgres "$OUT/source" "$COUNT" "$QTERIA_MASTER_KEYS"

started=$(now)
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$SOURCE" QTERIA_DATA_DIR=$OUT/source bin/backup "$OUT/backups"
backup_time=$(since "$started")
backup=$(find "$OUT/backups" -mindepth 1 -maxdepth 1 -type d | head -n 1)

started=$(now)
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$TARGET" QTERIA_DATA_DIR=$OUT/restored bin/restore "$backup"
restore_time=$(since "$started")

started=$(now)
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$TARGET" QTERIA_DATA_DIR=$OUT/restored \
    "$JAVA" -jar "$JAR" --server.port="$PORT" >"$OUT/serve.log" 2>&1 &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
    kill -0 "$PID" 2>/dev/null || { echo "Qteria did not start on the restored data; see $OUT/serve.log" >&2; exit 1; }
    sleep 0.5
done
start_time=$(since "$started")

rows=$(psql_admin -d "$TARGET" -c "select count(*) from documents")
objects=$(find "$OUT/restored/documents" -type f | wc -l)
[[ $rows -eq $COUNT && $objects -ge $COUNT ]] || { echo "restored $rows rows, $objects objects of $COUNT" >&2; exit 1; }
printf 'Result: %d documents, database dump %s, documents %s, backup %s: backup %s s; restore %s s; start on the restored data %s s; recovery time (restore + start) %.1f s\n' \
    "$COUNT" "$(du -sh "$backup/database.dump" | cut -f1)" "$(du -sh "$backup/documents" | cut -f1)" \
    "$(du -sh "$backup" | cut -f1)" "$backup_time" "$restore_time" "$start_time" \
    "$(echo "$restore_time + $start_time" | bc)" | tee "$OUT/result.txt"
