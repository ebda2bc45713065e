#!/usr/bin/env bash
# The spool's bound on disk: 30 days of the default configuration (2 tickers x 1,440 slots a day x 30 = 86,400
# entries), written in the service's own entry format (SpoolEntry), then measured: bytes per entry, disk used
# (du, the file system's blocks), and the time to list the directory (what the writer does at every poll).
set -euo pipefail
dir="$(mktemp -d "${TMPDIR:-/tmp}/spool-size.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
start=$(( $(date +%s) / 60 * 60 * 1000 - 30 * 86400 * 1000 ))
entries=0
for ((i = 0; i < 43200; i++)); do
    slot=$((start + i * 60000))
    iso=$(date -u -d "@$((slot / 1000))" +%Y-%m-%dT%H:%M:%SZ)
    for ticker in btc_usd eth_usd; do
        printf '{"ticker":"%s","slot":"%s","price":91234.56,"observedAt":"%s","source":"ws"}' \
            "$ticker" "$iso" "${iso%Z}.004512Z" > "$dir/$(printf '%014d' "$slot")-$ticker.json"
        entries=$((entries + 1))
    done
done
bytes=$(find "$dir" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "entries: $entries"
echo "bytes of content: $bytes ($((bytes / entries)) per entry)"
echo "disk used (du): $(du -sk "$dir" | cut -f1) KiB on $(df -T "$dir" | awk 'NR == 2 {print $2}')"
/usr/bin/time -f "listing the directory: %e s" ls -f "$dir" > /dev/null
