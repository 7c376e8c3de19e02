#!/usr/bin/env bash
# Key rotation at scale (docs/storage.md "Rotating master keys"; figures in docs/BENCHMARKS.md "Key rotation"):
#   1. seeds COUNT small PDFs (default 10,000) through the real encrypted storage under master key A
#      (bench/keys-rotate/Seed.java: a bulk path of this bench only, not of the product);
#   2. crash (PostgreSQL): `keys rotate` with keys A,B is killed (SIGKILL) once a third of the documents are under B,
#      then run again: it must re-wrap exactly the rest, leaving every document under B (H2: one plain run A -> B);
#   3. timed: key C is added and `keys rotate` re-wraps all COUNT documents: wall time, the command's own time,
#      documents per second and peak memory (RSS, /usr/bin/time).
#
#   ./mvnw -q -B package -DskipTests && bench/keys-rotate/run.sh            PostgreSQL on 127.0.0.1:5432
#   DATABASE=h2 bench/keys-rotate/run.sh                                    the embedded H2 database
# Keys are generated for the run; the database qteria_bench_keys is dropped at the end. Exit code 0 only when every
# check holds.
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT=${COUNT:-10000}
DATABASE=${DATABASE:-postgres}
JAR=${QTERIA_JAR:-target/qteria.jar}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
OUT=$PWD/target/bench/keys-rotate
DB=qteria_bench_keys
export QTERIA_DATA_DIR=$OUT/data
[[ -f $JAR ]] || { echo "No $JAR: ./mvnw -q -B package -DskipTests first" >&2; exit 2; }

psql_admin() { psql -h 127.0.0.1 -U postgres -qAt "$@"; }
if [[ $DATABASE == postgres ]]; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
    JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" JDBC_USER=postgres
    count_under() { psql_admin -d "$DB" -c "select count(*) from documents where key_id = '$1'"; }
else
    unset DATABASE_URL
    JDBC_URL="jdbc:h2:file:$QTERIA_DATA_DIR/db/qteria;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH" JDBC_USER=sa
fi
cleanup() {
    [[ $DATABASE != postgres ]] || psql_admin -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$OUT"
mkdir -p "$OUT"
if [[ $DATABASE == postgres ]]; then
    pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 2; }
    psql_admin -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
fi
key() { echo "$1:$(head -c 32 /dev/urandom | base64)"; }
A=$(key bench-a) B=$(key bench-b) C=$(key bench-c)

"$JAVA" -jar "$JAR" db migrate >"$OUT/migrate.log" 2>&1
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT/app" >/dev/null
"$JAVA" -cp "$OUT/app/$(basename "$JAR"):$OUT/app/lib/*" bench/keys-rotate/Seed.java \
    "$JDBC_URL" "$JDBC_USER" "$QTERIA_DATA_DIR" "$COUNT" "$A" | tee "$OUT/seed.log"

rotate() { QTERIA_MASTER_KEYS=$1 "$JAVA" -jar "$JAR" keys rotate; }
rewrapped() { sed -n "s/^Data keys re-wrapped under master key '[^']*': \([0-9]*\);.*/\1/p" "$1"; }
failures=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1" >&2; failures=$((failures + 1)); fi; }

if [[ $DATABASE == postgres ]]; then
    echo "Crash: keys rotate (A -> B) killed once $((COUNT / 3)) documents are under B…"
    env QTERIA_MASTER_KEYS="$A,$B" "$JAVA" -jar "$JAR" keys rotate >"$OUT/killed.log" 2>&1 &
    pid=$! # env execs java: this is the JVM itself
    until [[ $(count_under bench-b) -ge $((COUNT / 3)) ]]; do
        kill -0 "$pid" 2>/dev/null || { echo "keys rotate ended before it could be killed" >&2; exit 1; }
        sleep 0.05
    done
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
    done_before=$(count_under bench-b)
    echo "Killed with $done_before of $COUNT under B; running it again…"
    rotate "$A,$B" >"$OUT/resumed.log" 2>&1 || true
    check "the second run re-wraps exactly the rest ($((COUNT - done_before)))" \
        "[[ $(rewrapped "$OUT/resumed.log") -eq $((COUNT - done_before)) ]]"
    check "every document under B" "[[ $(count_under bench-b) -eq $COUNT ]]"
    from=$B
else
    rotate "$A,$B" >"$OUT/first.log" 2>&1
    from=$B
fi

echo "Timed: keys rotate (B -> C) on $COUNT documents…"
started=$(date +%s.%N)
/usr/bin/time -v -o "$OUT/time.log" env QTERIA_MASTER_KEYS="$from,$C" "$JAVA" -jar "$JAR" keys rotate \
    >"$OUT/timed.log" 2>&1
wall=$(echo "$(date +%s.%N) - $started" | bc)
cat "$OUT/timed.log"
check "all $COUNT re-wrapped, none failed" "grep -q \"'bench-c': $COUNT; failed: 0;\" '$OUT/timed.log'"
took=$(sed -n 's/.*; in \([0-9.]*\) s$/\1/p' "$OUT/timed.log")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time.log")
printf 'Result (%s, %d documents): rotation %s s = %.0f documents/s; command wall time %.1f s (JVM start and shutdown included); peak RSS %d MB\n' \
    "$DATABASE" "$COUNT" "$took" "$(echo "$COUNT / $took" | bc -l)" "$wall" "$((rss / 1024))" | tee "$OUT/result.txt"
[[ $failures -eq 0 ]]
