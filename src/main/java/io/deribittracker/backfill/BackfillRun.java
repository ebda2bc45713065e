package io.deribittracker.backfill;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One back-fill run: the slots it looks for and, per index, what became of them. */
public final class BackfillRun {

    private final List<MissingSlot> slots;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Instant startedAt;
    private volatile String abortedBecause;

    /** @param knownUnavailable slots an earlier run found no trade for: counted as missing, not asked for again */
    BackfillRun(List<String> tickers, List<MissingSlot> missing, Set<MissingSlot> knownUnavailable, Instant startedAt) {
        this.slots = missing.stream().filter(slot -> !knownUnavailable.contains(slot)).toList();
        this.startedAt = startedAt;
        tickers.forEach(ticker -> tallies.put(ticker, new Tally()));
        missing.forEach(slot -> tallies.get(slot.ticker()).missing++);
    }

    public List<MissingSlot> getSlots() {
        return slots;
    }

    /** False once the run was stopped, or this slot's index was refused: no request is made for it. */
    public boolean shouldFetch(MissingSlot slot) {
        return abortedBecause == null && tallies.get(slot.ticker()).refusedBecause == null;
    }

    void filled(String ticker) {
        tallies.get(ticker).filled++;
    }

    void unavailable(String ticker) {
        tallies.get(ticker).unavailable++;
    }

    void alreadyStored(String ticker) {
        tallies.get(ticker).alreadyStored++;
    }

    void refused(String ticker, String reason) {
        tallies.get(ticker).refusedBecause = reason;
    }

    void abort(String reason) {
        abortedBecause = reason;
    }

    /** Per index, the slots of the window that still have no row after this run. */
    Map<String, Integer> left() {
        return tallies.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().left(),
                (a, b) -> a, LinkedHashMap::new));
    }

    /** The run's one log line: per index, missing, filled, left (and why, when an index or the run was cut short). */
    String summary(String window, Instant now) {
        String perTicker = tallies.entrySet().stream()
                .map(e -> e.getKey() + " missing " + e.getValue().missing + ", filled " + e.getValue().filled
                        + ", left " + e.getValue().left()
                        + (e.getValue().refusedBecause == null ? "" : " (history refused: " + e.getValue().refusedBecause + ")"))
                .collect(Collectors.joining("; "));
        return "Back-fill of the last " + window + ": " + perTicker
                + (abortedBecause == null ? "" : "; run stopped: " + abortedBecause)
                + " (" + Duration.between(startedAt, now).toMillis() / 1000.0 + " s)";
    }

    private static final class Tally {
        int missing;
        int filled;
        int unavailable;
        int alreadyStored;
        volatile String refusedBecause;

        int left() {
            return missing - filled - alreadyStored;
        }
    }
}
