package io.deribittracker.api;

import java.time.Instant;
import java.util.Map;

/**
 * A candle as the API writes it, from a row of {@link CandleQuery}:
 * {@code {"ticker":"eth_usd","time":"2024-03-01T00:00:00Z","timestamp":1709251200,"open":3000.12,"high":3050.5,
 * "low":2990.01,"close":3044.9,"samples":60}} and CSV {@code ticker,timestamp,time,open,high,low,close,samples}.
 * The ticker is the query's (the aggregate does not select it). The OpenAPI schema of the same object is
 * {@link Candle}.
 */
record CandleRows(String ticker) implements RowRenderer {

    @Override
    public String csvHeader() {
        return "ticker,timestamp,time,open,high,low,close,samples";
    }

    @Override
    public void appendJson(StringBuilder out, Map<String, Object> row) {
        long epochSecond = RowRenderer.epochSecond(row);
        out.append("{\"ticker\":\"").append(ticker)
                .append("\",\"time\":\"").append(Instant.ofEpochSecond(epochSecond))
                .append("\",\"timestamp\":").append(epochSecond)
                .append(",\"open\":").append(RowRenderer.jsonNumber((String) row.get("open")))
                .append(",\"high\":").append(RowRenderer.jsonNumber((String) row.get("high")))
                .append(",\"low\":").append(RowRenderer.jsonNumber((String) row.get("low")))
                .append(",\"close\":").append(RowRenderer.jsonNumber((String) row.get("close")))
                .append(",\"samples\":").append(((Number) row.get("samples")).longValue()).append('}');
    }

    @Override
    public void appendCsv(StringBuilder out, Map<String, Object> row) {
        long epochSecond = RowRenderer.epochSecond(row);
        out.append(ticker).append(',').append(epochSecond).append(',').append(Instant.ofEpochSecond(epochSecond))
                .append(',').append(row.get("open")).append(',').append(row.get("high"))
                .append(',').append(row.get("low")).append(',').append(row.get("close"))
                .append(',').append(((Number) row.get("samples")).longValue());
    }
}
