# What the benchmarks share: the database they seed, the app they start on it, and the year of minutes they ask for.
# Sourced by bench/run.sh and bench/candles.sh once they have set DB, APP_PORT, MGMT_PORT, HEAP and WORK.

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PSQL=(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
START=2025-01-01T00:00:00Z
END=2025-12-31T23:59:00Z
ROWS=525600

fresh_database() {
    echo "== fresh database $DB"
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
}

# start_app PROBE_PATH [JVM option ...]: the packaged jar on $DB, collector off, the API on $APP_PORT and actuator on
# $MGMT_PORT; sets APP_PID and returns once PROBE_PATH answers (exits, with the app's log, if the app does first)
start_app() {
    local probe=$1
    shift
    echo "== start the app ($HEAP${*:+ $*}, collector off) on :$APP_PORT (management :$MGMT_PORT)"
    java "$HEAP" "$@" -jar target/deribit-tracker.jar --server.port="$APP_PORT" \
        --management.server.port="$MGMT_PORT" --collector.enabled=false \
        --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --spring.datasource.username=postgres \
        --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 360); do
        curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT$probe" && return 0
        kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
        sleep 0.5
    done
    echo "bench: the app did not answer $probe within 3 minutes" >&2
    exit 1
}

# one row a minute from $START to $END for btc_usd (a wave) and eth_usd (a saw), into the table the app's Flyway made
seed_year() {
    echo "== seed one year of btc_usd and eth_usd, one row a minute"
    "${PSQL[@]}" -d "$DB" <<SQL
INSERT INTO index_price (ticker, ts, price, source)
SELECT 'btc_usd', timestamptz '$START' + g * interval '1 minute',
       round((90000 + 5000 * sin(g / 1000.0) + (g % 97) / 7.0)::numeric, 2), 'ws'
FROM generate_series(0, $ROWS - 1) AS g;
INSERT INTO index_price (ticker, ts, price, source)
SELECT 'eth_usd', timestamptz '$START' + g * interval '1 minute', 3000 + (g % 1000) / 100.0, 'ws'
FROM generate_series(0, $ROWS - 1) AS g;
VACUUM ANALYZE index_price;
SQL
}
