package io.deribittracker.api;

import java.time.Instant;
import java.util.Map;

/**
 * A stored price as the API writes it, from a row of {@link PriceQuery#SQL}:
 * {@code {"ticker":"btc_usd","price":91234.56,"timestamp":1795516140,"time":"2026-11-24T10:29:00Z","source":"live"}}
 * and CSV {@code ticker,timestamp,time,price,source}. The OpenAPI schema of the same record is {@link PriceRecord}.
 */
enum PriceRows implements RowRenderer {
    INSTANCE;

    @Override
    public String csvHeader() {
        return "ticker,timestamp,time,price,source";
    }

    @Override
    public void appendJson(StringBuilder out, Map<String, Object> row) {
        long epochSecond = RowRenderer.epochSecond(row);
        out.append("{\"ticker\":\"").append(row.get("ticker"))
                .append("\",\"price\":").append(RowRenderer.jsonNumber((String) row.get("price")))
                .append(",\"timestamp\":").append(epochSecond)
                .append(",\"time\":\"").append(Instant.ofEpochSecond(epochSecond))
                .append("\",\"source\":\"").append(row.get("source")).append("\"}");
    }

    @Override
    public void appendCsv(StringBuilder out, Map<String, Object> row) {
        long epochSecond = RowRenderer.epochSecond(row);
        out.append(row.get("ticker")).append(',').append(epochSecond).append(',')
                .append(Instant.ofEpochSecond(epochSecond)).append(',').append(row.get("price"))
                .append(',').append(row.get("source"));
    }
}
