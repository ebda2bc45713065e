package io.deribittracker.collector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * One price to store: what Deribit answered for one index in one slot.
 *
 * @param ticker     the Deribit index name, e.g. {@code btc_usd}
 * @param slot       the interval-aligned instant the sample stands for (the table's {@code ts})
 * @param price      the index price exactly as Deribit wrote it
 * @param observedAt Deribit's clock when it answered ({@code usOut}); null if the reply had none
 * @param source     {@code ws} or {@code http}: which path fetched it
 */
public record IndexPriceSample(String ticker, Instant slot, BigDecimal price, Instant observedAt, String source) {

    /** Header naming the path a reply came by: {@code ws} or {@code http}. */
    public static final String SOURCE = "DeribitSource";


    /**
     * The sample in a {@code public/get_index_price} result: {@code {"index_price": 91234.56, ...}}.
     *
     * @param usOut Deribit's send time in microseconds since the epoch, or null
     */
    public static IndexPriceSample fromReply(@Header("ticker") String ticker, @Header("slot") Instant slot,
                                             @Body JsonNode result, @Header(JsonRpcCodec.US_OUT) Long usOut,
                                             @Header(SOURCE) String source) {
        JsonNode price = result.get("index_price");
        if (price == null || !price.isNumber()) {
            throw new IllegalArgumentException("Deribit's get_index_price result has no numeric index_price: " + result);
        }
        Instant observedAt = usOut == null ? null : Instant.EPOCH.plus(usOut, ChronoUnit.MICROS);
        return new IndexPriceSample(ticker, slot, price.decimalValue(), observedAt, source == null ? "ws" : source);
    }

    /** The named parameters of the insert statement, typed for the PostgreSQL driver. */
    public Map<String, Object> sqlParameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ticker", ticker);
        parameters.put("ts", OffsetDateTime.ofInstant(slot, ZoneOffset.UTC));
        parameters.put("price", price);
        parameters.put("observedAt", observedAt == null ? null : OffsetDateTime.ofInstant(observedAt, ZoneOffset.UTC));
        parameters.put("source", source);
        return parameters;
    }
}
