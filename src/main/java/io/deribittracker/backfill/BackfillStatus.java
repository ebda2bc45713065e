package io.deribittracker.backfill;

import java.util.Map;

import org.springframework.stereotype.Component;

/** What the last back-fill run left missing, per index, for the {@code collector} health details. */
@Component
public class BackfillStatus {

    private volatile Map<String, Integer> missingSlots = Map.of();

    /** Slots within the back-fill window that still had no row when the last run ended (empty before the first). */
    public Map<String, Integer> missingSlots() {
        return missingSlots;
    }

    void update(Map<String, Integer> left) {
        missingSlots = Map.copyOf(left);
    }
}
