#!/usr/bin/env bash
# Query API benchmark (issue 3, "Performance"): the app against PostgreSQL's own tools, same machine, same run.
#
#   1. /get_between over one year of one ticker (525,600 rows) with the app at -Xmx256m,
#      against psql \copy of the same rows to a CSV file. Target: app time <= 2 x psql time.
#   2. /last at 32 concurrent connections (wrk) against pgbench running the equivalent indexed query at
#      32 clients. Target: app requests/s >= pgbench transactions/s.
#
# Needs: the local PostgreSQL on 127.0.0.1:5432 with trust auth for postgres (as the tests do), psql, pgbench,
# wrk (Debian: apt-get install -y wrk), Java 17. Seeds its own database, builds and starts the jar itself, and stops
# the jar when done. Settings below can be overridden from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
DB=${BENCH_DB:-deribit_tracker_bench}
APP_PORT=${BENCH_APP_PORT:-18181}
HEAP=${BENCH_HEAP:--Xmx256m}
DURATION=${BENCH_SECONDS:-15}
CONNECTIONS=32
ROUNDS=${BENCH_ROUNDS:-3}
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
PSQL=(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
WORK=$(mktemp -d)
APP_PID=

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in psql wrk java curl; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
[[ -x "$PGBENCH" ]] || { echo "bench: pgbench is missing" >&2; exit 1; }

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
best() { printf '%s\n' "$@" | sort -g | head -1; }

echo "== machine: load average $(cut -d" " -f1-3 /proc/loadavg) (other work on the machine skews every figure), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "== $(java -version 2>&1 | head -1); $("${PSQL[@]}" -d postgres -Atc 'SELECT version()' | cut -d, -f1)"

echo "== build"
./mvnw -B -q -DskipTests package

echo "== fresh database $DB"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

echo "== start the app ($HEAP, collector off) on :$APP_PORT"
java "$HEAP" -jar target/deribit-tracker.jar --server.port="$APP_PORT" --collector.enabled=false \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --spring.datasource.username=postgres \
    --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/api-doc" && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
    sleep 0.5
done

echo "== seed one year of btc_usd, one row a minute (the app's Flyway created the table)"
"${PSQL[@]}" -d "$DB" <<'SQL'
INSERT INTO index_price (ticker, ts, price, source)
SELECT 'btc_usd', timestamptz '2025-01-01 00:00:00+00' + g * interval '1 minute',
       round((90000 + 5000 * sin(g / 1000.0) + (g % 97) / 7.0)::numeric, 2), 'ws'
FROM generate_series(0, 525599) AS g;
INSERT INTO index_price (ticker, ts, price, source)
SELECT 'eth_usd', timestamptz '2025-01-01 00:00:00+00' + g * interval '1 minute', 3000 + (g % 1000) / 100.0, 'ws'
FROM generate_series(0, 525599) AS g;
VACUUM ANALYZE index_price;
SQL

START=2025-01-01T00:00:00Z
END=2025-12-31T23:59:00Z
ROWS=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM index_price WHERE ticker = 'btc_usd' AND ts BETWEEN '$START' AND '$END'")
echo "   $ROWS rows in [$START, $END]"

echo "== 1. one year: psql \\copy to CSV vs the app (best of ${ROUNDS} after one warm-up each)"
COPY_SQL="\\copy (SELECT ticker, extract(epoch FROM ts)::bigint AS timestamp, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS time, price FROM index_price WHERE ticker = 'btc_usd' AND ts BETWEEN '$START' AND '$END' ORDER BY ts) TO '$WORK/copy.csv' WITH (FORMAT csv, HEADER)"
URL="http://127.0.0.1:$APP_PORT/get_between?ticker=btc_usd&start=$START&end=$END"
psql_times=(); json_times=(); csv_times=()
for round in $(seq 0 "$ROUNDS"); do
    t0=$(now); "${PSQL[@]}" -d "$DB" -c "$COPY_SQL"; t1=$(now)
    json=$(curl -fsS -o "$WORK/app.json" -w '%{time_total}' "$URL")
    csv=$(curl -fsS -o "$WORK/app.csv" -w '%{time_total}' -H 'Accept: text/csv' "$URL")
    if [[ $round -gt 0 ]]; then
        psql_times+=("$(elapsed "$t0" "$t1")"); json_times+=("$json"); csv_times+=("$csv")
    fi
done
copy_lines=$(($(wc -l < "$WORK/copy.csv") - 1))
csv_lines=$(($(wc -l < "$WORK/app.csv") - 1))
json_records=$(grep -o '"ticker"' "$WORK/app.json" | wc -l)
[[ $copy_lines -eq $ROWS && $csv_lines -eq $ROWS && $json_records -eq $ROWS ]] \
    || { echo "row counts differ: psql $copy_lines, app csv $csv_lines, app json $json_records" >&2; exit 1; }
P=$(best "${psql_times[@]}"); J=$(best "${json_times[@]}"); C=$(best "${csv_times[@]}")
printf '   psql \\copy: %.3f s (%s MB)\n' "$P" "$(($(stat -c %s "$WORK/copy.csv") / 1000000))"
printf '   app JSON:   %.3f s (%s MB)   ratio %.2f (target <= 2)\n' "$J" "$(($(stat -c %s "$WORK/app.json") / 1000000))" "$(echo "$J / $P" | bc -l)"
printf '   app CSV:    %.3f s (%s MB)   ratio %.2f (target <= 2)\n' "$C" "$(($(stat -c %s "$WORK/app.csv") / 1000000))" "$(echo "$C / $P" | bc -l)"
if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app died (heap too small?)" >&2; exit 1; fi

echo "== 2. /last at $CONNECTIONS connections, ${DURATION}s each"
cat > "$WORK/last.sql" <<'SQL'
SELECT ticker, extract(epoch FROM ts)::bigint AS epoch_second, price::text AS price FROM index_price WHERE ticker = 'btc_usd' ORDER BY ts DESC LIMIT 1;
SQL
"$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T 3 -f "$WORK/last.sql" "$DB" > /dev/null 2>&1
PGB=$("$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$WORK/last.sql" "$DB" 2>/dev/null \
    | awk '/^tps = / {print $3; exit}')
# the JIT needs a while on two cores: an unwarmed JVM measures at a fifth of its speed
wrk -t 2 -c "$CONNECTIONS" -d 15s "http://127.0.0.1:$APP_PORT/last?ticker=btc_usd" > /dev/null
wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --latency "http://127.0.0.1:$APP_PORT/last?ticker=btc_usd" > "$WORK/wrk.txt"
APP_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.txt")
if grep -q "Non-2xx" "$WORK/wrk.txt"; then echo "wrk saw errors:" >&2; cat "$WORK/wrk.txt" >&2; exit 1; fi
printf '   pgbench (prepared, %s clients): %.0f tps\n' "$CONNECTIONS" "$PGB"
printf '   app /last (wrk, %s connections): %.0f req/s, p99 %s\n' "$CONNECTIONS" "$APP_RPS" "$(awk '/ 99%/ {print $2}' "$WORK/wrk.txt")"
printf '   ratio app/pgbench %.2f (target >= 1)\n' "$(echo "$APP_RPS / $PGB" | bc -l)"

echo "== summary"
printf 'get_between_vs_psql_copy json=%.2f csv=%.2f (<= 2)   last_vs_pgbench=%.2f (>= 1)\n' \
    "$(echo "$J / $P" | bc -l)" "$(echo "$C / $P" | bc -l)" "$(echo "$APP_RPS / $PGB" | bc -l)"
