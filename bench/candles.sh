#!/usr/bin/env bash
# Candles benchmark: daily candles over one year of one ticker at one row a minute (525,600 rows), the app's
# /candles against psql running the same aggregate query, same machine, same run. Target: app <= 1.5 x psql.
#
# Needs: the local PostgreSQL on 127.0.0.1:5432 with trust auth for postgres (as the tests do), psql, curl, bc,
# Java 17. Seeds its own database, builds and starts the jar itself (BENCH_SKIP_BUILD=1 reuses target/), and stops
# the jar when done.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-deribit_tracker_bench_candles}
APP_PORT=${BENCH_APP_PORT:-18184}
MGMT_PORT=${BENCH_MANAGEMENT_PORT:-18185}
HEAP=${BENCH_HEAP:--Xmx256m}
ROUNDS=${BENCH_ROUNDS:-5}
WORK=$(mktemp -d)
# shellcheck source=bench/common.sh
source bench/common.sh
APP_PID=

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in psql java curl bc; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
best() { printf '%s\n' "$@" | sort -g | head -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "== machine: load average $(cut -d" " -f1-3 /proc/loadavg), $(nproc) cores, $(uname -sr)"
echo "== $(java -version 2>&1 | head -1); $("${PSQL[@]}" -d postgres -Atc 'SELECT version()' | cut -d, -f1)"

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
    echo "== build"
    ./mvnw -B -q -DskipTests package
fi

fresh_database
start_app /tickers
seed_year

# the statement of the candles route (CandleQuery), with the values the app binds written in
SQL="SELECT extract(epoch FROM date_bin(CAST('1 day' AS interval), ts, TIMESTAMPTZ '2000-01-03 00:00:00+00'))::bigint AS epoch_second,
(array_agg(price ORDER BY ts))[1]::text AS open, max(price)::text AS high, min(price)::text AS low,
(array_agg(price ORDER BY ts))[count(*)]::text AS close, count(*) AS samples
FROM index_price WHERE ticker = 'btc_usd' AND ts BETWEEN '$START' AND '$END'
GROUP BY 1 ORDER BY 1 ASC LIMIT NULL"
URL="http://127.0.0.1:$APP_PORT/candles?ticker=btc_usd&resolution=1d&start=$START&end=$END"

echo "== daily candles over the year: psql vs the app, alternating (${ROUNDS} rounds after one warm-up each)"
psql_times=(); app_times=()
for round in $(seq 0 "$ROUNDS"); do
    t0=$(now); "${PSQL[@]}" -d "$DB" -At -F, -o "$WORK/psql.csv" -c "$SQL"; t1=$(now)
    app=$(curl -fsS -o "$WORK/app.json" -w '%{time_total}' "$URL")
    if [[ $round -gt 0 ]]; then
        psql_times+=("$(elapsed "$t0" "$t1")"); app_times+=("$app")
    fi
done
psql_rows=$(wc -l < "$WORK/psql.csv")
app_rows=$(grep -o '"samples"' "$WORK/app.json" | wc -l)
samples=$(grep -o '"samples":[0-9]*' "$WORK/app.json" | cut -d: -f2 | paste -sd+ | bc)
[[ $psql_rows -eq 365 && $app_rows -eq 365 && $samples -eq 525600 ]] \
    || { echo "results differ: psql $psql_rows rows, app $app_rows candles holding $samples samples" >&2; exit 1; }
PB=$(best "${psql_times[@]}"); AB=$(best "${app_times[@]}")
PM=$(median "${psql_times[@]}"); AM=$(median "${app_times[@]}")
printf '   psql: best %.3f s, median %.3f s (365 rows)\n' "$PB" "$PM"
printf '   app:  best %.3f s, median %.3f s (365 candles, %s samples)\n' "$AB" "$AM" "$samples"
echo "== summary"
printf 'candles_1d_year_vs_psql best=%.2f median=%.2f (<= 1.5)\n' "$(echo "$AB / $PB" | bc -l)" "$(echo "$AM / $PM" | bc -l)"
