#!/usr/bin/env bash
# Back-fill duration of one day for two tickers at the rate limit: a new install with the default configuration
# (btc_usd, eth_usd every 60 s; BACKFILL_WINDOW=24h; 5 history requests/s) against the local stub exchange, whose
# history has a trade near every minute. Needs the local PostgreSQL (127.0.0.1:5432, trust). Takes about 20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export TRACKER_TEST_DB_PREFIX="${TRACKER_TEST_DB_PREFIX:-deribit_tracker_bench}"
./mvnw -B -o -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=BackfillDayBench -Dfailsafe.failIfNoSpecifiedTests=false
grep '^BENCH' target/failsafe-reports/io.deribittracker.bench.BackfillDayBench-output.txt
