package io.deribittracker.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * How {@code /candles} writes its buckets: a JSON array of {@link Candle}s or CSV
 * ({@code ticker,timestamp,time,open,high,low,close,samples}). Prices are PostgreSQL's numeric text, written verbatim
 * as in the price lists, so a candle's open is digit for digit the stored price it stands for.
 */
enum CandleRowFormat implements RowFormat {

    JSON(PriceRowFormat.JSON, "[", "]", ",") {
        @Override
        void appendRow(StringBuilder out, String ticker, long epochSecond, Map<String, Object> row) {
            out.append("{\"ticker\":\"").append(ticker)
                    .append("\",\"time\":\"").append(Instant.ofEpochSecond(epochSecond))
                    .append("\",\"timestamp\":").append(epochSecond)
                    .append(",\"open\":").append(PriceRowFormat.jsonNumber((String) row.get("open")))
                    .append(",\"high\":").append(PriceRowFormat.jsonNumber((String) row.get("high")))
                    .append(",\"low\":").append(PriceRowFormat.jsonNumber((String) row.get("low")))
                    .append(",\"close\":").append(PriceRowFormat.jsonNumber((String) row.get("close")))
                    .append(",\"samples\":").append(((Number) row.get("samples")).longValue()).append('}');
        }
    },

    CSV(PriceRowFormat.CSV, "ticker,timestamp,time,open,high,low,close,samples\r\n", "", "") {
        @Override
        void appendRow(StringBuilder out, String ticker, long epochSecond, Map<String, Object> row) {
            out.append(ticker).append(',').append(epochSecond).append(',').append(Instant.ofEpochSecond(epochSecond))
                    .append(',').append(row.get("open")).append(',').append(row.get("high"))
                    .append(',').append(row.get("low")).append(',').append(row.get("close"))
                    .append(',').append(((Number) row.get("samples")).longValue()).append("\r\n");
        }
    };

    private final PriceRowFormat like;
    private final byte[] start;
    private final byte[] end;
    private final String separator;

    CandleRowFormat(PriceRowFormat like, String start, String end, String separator) {
        this.like = like;
        this.start = start.getBytes(StandardCharsets.US_ASCII);
        this.end = end.getBytes(StandardCharsets.US_ASCII);
        this.separator = separator;
    }

    /** The candle format of the chosen list format: the choice (format parameter, Accept) is the same for every list. */
    static CandleRowFormat like(PriceRowFormat format) {
        return format == PriceRowFormat.CSV ? CSV : JSON;
    }

    @Override
    public String contentType() {
        return like.contentType();
    }

    @Override
    public boolean csv() {
        return like.csv();
    }

    @Override
    public byte[] start() {
        return start;
    }

    @Override
    public byte[] end() {
        return end;
    }

    @Override
    public void append(StringBuilder out, boolean first, String ticker, Map<String, Object> row) {
        if (!first) {
            out.append(separator);
        }
        appendRow(out, ticker, ((Number) row.get("epoch_second")).longValue(), row);
    }

    abstract void appendRow(StringBuilder out, String ticker, long epochSecond, Map<String, Object> row);
}
