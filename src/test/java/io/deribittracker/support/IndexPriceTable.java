package io.deribittracker.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads {@code index_price} the way a test wants to see it. */
public record IndexPriceTable(JdbcTemplate jdbc) {

    public record Row(String ticker, Instant slot, BigDecimal price, String source) {
    }

    public List<Row> rowsSince(Instant from) {
        return jdbc.query("SELECT ticker, ts, price, source FROM index_price WHERE ts >= ? ORDER BY ts, ticker",
                (rs, i) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3), rs.getString(4)),
                java.sql.Timestamp.from(from));
    }

    /** Slots stored for a ticker since {@code from}, oldest first. */
    public List<Instant> slotsSince(String ticker, Instant from) {
        return rowsSince(from).stream().filter(r -> r.ticker().equals(ticker)).map(Row::slot).toList();
    }

    /** (ticker, slot) pairs stored more than once; the primary key should make this always empty. */
    public List<Map<String, Object>> duplicates() {
        return jdbc.queryForList("SELECT ticker, ts, count(*) FROM index_price GROUP BY ticker, ts HAVING count(*) > 1");
    }
}
