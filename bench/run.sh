#!/usr/bin/env bash
# Query API benchmark: the app against PostgreSQL's own tools and a bare Vert.x server, same machine, same run.
#
#   1. one year of one ticker (525,600 rows) as JSON and CSV vs psql \copy of the same rows: total time and time
#      to first byte. Target: app <= 2 x psql; first byte within 10 % of the total.
#   2. /last at 32 connections (wrk) vs pgbench running the equivalent indexed query at 32 clients and vs a bare
#      Vert.x server answering fixed bytes. Target: app >= 0.45 x pgbench, p99 <= 5 ms.
#   3. 20 concurrent year-long requests: whole / refused (503) / truncated, and the app's peak RSS. Target: 0 truncated,
#      no OutOfMemoryError, at -Xmx256m.
#   4. /last p99 while 6 year-long answers stream to slow clients (2 MB/s each). Target: <= 50 ms.
#   5. freshness: from the INSERT of a new slot to /last showing it. Target: <= 250 ms.
#
# Every figure is the median of BENCH_ROUNDS (3) after BENCH_WARMUP seconds (60) of /last load. Needs: the local
# PostgreSQL on 127.0.0.1:5432 with trust auth for postgres, psql, pgbench, wrk (apt-get install -y wrk), curl,
# python3, Java 17. Seeds its own database, builds and starts the jar itself, stops everything it started.
set -euo pipefail
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-deribit_tracker_bench}
APP_PORT=${BENCH_APP_PORT:-18181}
MGMT_PORT=${BENCH_MANAGEMENT_PORT:-18182}
BARE_PORT=${BENCH_BARE_PORT:-18183}
HEAP=${BENCH_HEAP:--Xmx256m}
DURATION=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP:-60}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=32
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
WORK=$(mktemp -d)
# shellcheck source=bench/common.sh
source bench/common.sh
APP_PID=
BARE_PID=

cleanup() {
    for pid in $BARE_PID $APP_PID; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in psql wrk java curl python3 bc; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
load() { cut -d" " -f1-3 /proc/loadavg; }

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load average $(load)"
echo "== $(java -version 2>&1 | head -1); $("${PSQL[@]}" -d postgres -Atc 'SELECT version()' | cut -d, -f1)"
echo "== warm-up ${WARMUP}s, ${ROUNDS} rounds of ${DURATION}s, medians"

echo "== build"
./mvnw -B -q -DskipTests package
mkdir -p "$WORK/jar" && (cd "$WORK/jar" && jar xf "$OLDPWD/target/deribit-tracker.jar")

fresh_database
start_app /api-doc -XX:+ExitOnOutOfMemoryError
java -cp "$WORK/jar/BOOT-INF/lib/*" bench/BareVertx.java "$BARE_PORT" > "$WORK/bare.log" 2>&1 &
BARE_PID=$!
for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$BARE_PORT/" && break
    sleep 0.5
done

seed_year
YEAR="http://127.0.0.1:$APP_PORT/get_between?ticker=btc_usd&start=$START&end=$END"
LAST="http://127.0.0.1:$APP_PORT/last?ticker=btc_usd"

echo "== warm-up: /last for ${WARMUP}s, two year-long answers"
wrk -t 2 -c "$CONNECTIONS" -d "${WARMUP}s" "$LAST" > /dev/null
curl -fsS -o /dev/null "$YEAR"; curl -fsS -o /dev/null -H 'Accept: text/csv' "$YEAR"

echo "== 1. one year (load $(load))"
COPY_SQL="\\copy (SELECT ticker, extract(epoch FROM ts)::bigint AS timestamp, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS time, price, 'live' AS source FROM index_price WHERE ticker = 'btc_usd' AND ts BETWEEN '$START' AND '$END' ORDER BY ts) TO '$WORK/copy.csv' WITH (FORMAT csv, HEADER)"
p=(); j=(); jf=(); c=(); cf=()
for _ in $(seq 1 "$ROUNDS"); do
    t0=$(date +%s.%N); "${PSQL[@]}" -d "$DB" -c "$COPY_SQL"; t1=$(date +%s.%N)
    p+=("$(echo "$t1 - $t0" | bc -l)")
    read -r first total < <(curl -fsS -o "$WORK/app.json" -w '%{time_starttransfer} %{time_total}\n' "$YEAR")
    jf+=("$first"); j+=("$total")
    read -r first total < <(curl -fsS -o "$WORK/app.csv" -w '%{time_starttransfer} %{time_total}\n' -H 'Accept: text/csv' "$YEAR")
    cf+=("$first"); c+=("$total")
done
[[ $(($(wc -l < "$WORK/app.csv") - 1)) -eq $ROWS && $(grep -o '"ticker"' "$WORK/app.json" | wc -l) -eq $ROWS ]] \
    || { echo "row counts differ" >&2; exit 1; }
P=$(median "${p[@]}"); J=$(median "${j[@]}"); C=$(median "${c[@]}"); JF=$(median "${jf[@]}"); CF=$(median "${cf[@]}")
printf '   psql \\copy: %.3f s (%s MB CSV)\n' "$P" "$(($(stat -c %s "$WORK/copy.csv") / 1000000))"
printf '   app JSON:   %.3f s (%s MB), first byte %.3f s (%.1f %%), ratio to psql %.2f\n' "$J" \
    "$(($(stat -c %s "$WORK/app.json") / 1000000))" "$JF" "$(echo "100 * $JF / $J" | bc -l)" "$(echo "$J / $P" | bc -l)"
printf '   app CSV:    %.3f s (%s MB), first byte %.3f s (%.1f %%), ratio to psql %.2f\n' "$C" \
    "$(($(stat -c %s "$WORK/app.csv") / 1000000))" "$CF" "$(echo "100 * $CF / $C" | bc -l)" "$(echo "$C / $P" | bc -l)"

echo "== 2. /last at $CONNECTIONS connections (load $(load))"
cat > "$WORK/last.sql" <<'SQL'
SELECT ticker, extract(epoch FROM ts)::bigint AS epoch_second, price::text AS price, CASE WHEN source IN ('ws', 'http') THEN 'live' ELSE source END AS source FROM index_price WHERE ticker = 'btc_usd' ORDER BY ts DESC LIMIT 1;
SQL
wrk -t 2 -c "$CONNECTIONS" -d 10s "http://127.0.0.1:$BARE_PORT/" > /dev/null
pg=(); app=(); app99=(); bare=(); bare99=()
for _ in $(seq 1 "$ROUNDS"); do
    pg+=("$("$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" \
        -f "$WORK/last.sql" "$DB" 2>&1 | awk '/^tps = / {print $3}')")
    wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --latency "$LAST" > "$WORK/wrk.txt"
    if grep -q "Non-2xx" "$WORK/wrk.txt"; then echo "wrk saw errors:" >&2; cat "$WORK/wrk.txt" >&2; exit 1; fi
    app+=("$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.txt")"); app99+=("$(awk '/ 99%/ {print $2}' "$WORK/wrk.txt")")
    wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --latency "http://127.0.0.1:$BARE_PORT/" > "$WORK/bare.txt"
    bare+=("$(awk '/^Requests\/sec:/ {print $2}' "$WORK/bare.txt")"); bare99+=("$(awk '/ 99%/ {print $2}' "$WORK/bare.txt")")
done
PG=$(median "${pg[@]}"); APP=$(median "${app[@]}"); BARE=$(median "${bare[@]}")
printf '   pgbench (prepared, %s clients): %.0f tps   [%s]\n' "$CONNECTIONS" "$PG" "${pg[*]}"
printf '   bare Vert.x fixed bytes:        %.0f req/s, p99 %s   [%s]\n' "$BARE" "$(median "${bare99[@]%ms}")ms" "${bare[*]}"
printf '   app /last:                      %.0f req/s, p99 %s   [%s; p99 %s]\n' "$APP" "$(median "${app99[@]%ms}")ms" "${app[*]}" "${app99[*]}"
printf '   app/pgbench %.2f (target >= 0.45), app/bare %.2f\n' "$(echo "$APP / $PG" | bc -l)" "$(echo "$APP / $BARE" | bc -l)"

echo "== 3. 20 concurrent year-long requests (load $(load))"
for i in $(seq 1 20); do
    accept=application/json; [[ $((i % 2)) -eq 0 ]] && accept=text/csv
    (code=$(curl -sS -o "$WORK/c$i.out" -w '%{http_code}' -H "Accept: $accept" "$YEAR" 2>"$WORK/c$i.err"); echo "$code $? $accept" > "$WORK/c$i.status") &
done
wait $(jobs -p | grep -v "^$APP_PID$" | grep -v "^$BARE_PID$") 2>/dev/null || true
whole=0; refused=0; broken=0
for i in $(seq 1 20); do
    read -r code rc accept < "$WORK/c$i.status" || true
    if [[ $code == 200 ]]; then
        if [[ $accept == text/csv ]]; then n=$(($(wc -l < "$WORK/c$i.out") - 1)); else n=$(grep -o '"ticker"' "$WORK/c$i.out" | wc -l); fi
        if [[ $n -eq $ROWS ]]; then whole=$((whole + 1)); else broken=$((broken + 1)); fi
    elif [[ $code == 503 ]] && grep -q problem "$WORK/c$i.out" 2>/dev/null || [[ $code == 503 ]]; then refused=$((refused + 1))
    else broken=$((broken + 1)); fi
done
kill -0 "$APP_PID" 2>/dev/null || { echo "the app died:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
OOM=$(grep -c OutOfMemoryError "$WORK/app.log" || true)
printf '   whole %d, refused (503) %d, truncated or failed %d, OutOfMemoryError %d, app peak RSS %s\n' \
    "$whole" "$refused" "$broken" "$OOM" "$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$APP_PID/status)"

echo "== 4. /last p99 while 6 year-long answers stream to slow clients (2 MB/s each) (load $(load))"
slow=()
for i in $(seq 1 6); do curl -s -o /dev/null --limit-rate 2M "$YEAR" & slow+=($!); done
sleep 2
p99s=()
for _ in $(seq 1 "$ROUNDS"); do
    wrk -t 1 -c 4 -d 8s --latency "$LAST" > "$WORK/iso.txt"
    p99s+=("$(awk '/ 99%/ {print $2}' "$WORK/iso.txt")")
done
kill "${slow[@]}" 2>/dev/null || true; wait "${slow[@]}" 2>/dev/null || true
printf '   /last p99 %s   [%s] (target <= 50 ms)\n' "$(median "${p99s[@]%ms}")ms" "${p99s[*]}"

echo "== 5. freshness: INSERT of a new slot -> /last shows it (load $(load))"
python3 - "$APP_PORT" "$DB" "$PG_HOST" "$PG_PORT" <<'PY'
import json, statistics, subprocess, sys, time, urllib.request
port, db, host, pgport = sys.argv[1:]
psql = ["psql", "-h", host, "-p", pgport, "-U", "postgres", "-X", "-q", "-At", "-d", db, "-c"]
delays = []
for i in range(20):
    slot = 1767225600 + 60 * i   # 2026-01-01 onwards: newer than the seeded year
    urllib.request.urlopen(f"http://127.0.0.1:{port}/last?ticker=btc_usd").read()
    # psql runs the INSERT in the background; the clock starts at the row's own inserted_at (the transaction's start,
    # same machine clock), so psql's start-up is not counted but the INSERT and its commit are
    writer = subprocess.Popen(psql + [f"INSERT INTO index_price (ticker, ts, price, source) VALUES ('btc_usd', to_timestamp({slot}), 1, 'ws')"])
    while json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/last?ticker=btc_usd").read())["timestamp"] != slot:
        pass
    visible = time.time()
    writer.wait()
    inserted = float(subprocess.run(psql + [f"SELECT extract(epoch FROM inserted_at) FROM index_price WHERE ticker = 'btc_usd' AND ts = to_timestamp({slot})"],
                                    check=True, capture_output=True, text=True).stdout)
    delays.append((visible - inserted) * 1000)
delays.sort()
print(f"   median {statistics.median(delays):.1f} ms, p90 {delays[int(len(delays) * 0.9) - 1]:.1f} ms, "
      f"max {delays[-1]:.1f} ms over {len(delays)} slots, from the INSERT's transaction start (target <= 250 ms)")
PY
echo "== done (load $(load))"
