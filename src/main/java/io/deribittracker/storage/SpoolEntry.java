package io.deribittracker.storage;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deribittracker.collector.DeribitJson;
import io.deribittracker.collector.IndexPriceSample;

/**
 * One sample as a file in the spool: a small JSON object, named so that the directory sorts in slot order.
 * The price is written with exactly its digits, and read back the same way.
 */
public final class SpoolEntry {

    private static final ObjectMapper JSON = DeribitJson.objectMapper();
    /** Slots as epoch milliseconds, zero-padded: names sort by slot until the year 5138. */
    private static final String NAME = "%014d-%s.json";

    private SpoolEntry() {
    }

    /** {@code 01795516140000-btc_usd.json}: one name per (slot, ticker), so a second copy of a slot replaces the first. */
    public static String fileName(IndexPriceSample sample) {
        return NAME.formatted(sample.slot().toEpochMilli(), sample.ticker());
    }

    /** The same sample marked as the demo's: its rows must never pass for real prices. */
    public static IndexPriceSample asDemo(IndexPriceSample sample) {
        return new IndexPriceSample(sample.ticker(), sample.slot(), sample.price(), sample.observedAt(), "demo");
    }

    public static String write(IndexPriceSample sample) {
        ObjectNode entry = JSON.createObjectNode()
                .put("ticker", sample.ticker())
                .put("slot", sample.slot().toString())
                .put("price", sample.price())
                .put("observedAt", sample.observedAt() == null ? null : sample.observedAt().toString())
                .put("source", sample.source());
        return entry.toString();
    }

    /** @throws CorruptSpoolEntryException when the entry is not a whole sample (truncated, edited, not JSON) */
    public static IndexPriceSample read(String entry) throws CorruptSpoolEntryException {
        try {
            JsonNode node = JSON.readTree(entry);
            JsonNode price = node.path("price");
            if (!price.isNumber()) {
                throw new IllegalArgumentException("price is not a number");
            }
            String observedAt = node.path("observedAt").textValue();
            return new IndexPriceSample(required(node, "ticker"), Instant.parse(required(node, "slot")),
                    price.decimalValue(), observedAt == null ? null : Instant.parse(observedAt),
                    required(node, "source"));
        } catch (Exception e) {
            throw new CorruptSpoolEntryException(e);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = node.path(field).textValue();
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
