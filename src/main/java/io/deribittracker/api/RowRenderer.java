package io.deribittracker.api;

import java.util.Map;

/**
 * How the rows of one kind of answer are written: as JSON objects and as CSV lines. The single definition of a
 * record's shape on the wire, used for a whole list (streamed) and for one record ({@code /last}) alike. Rendering
 * is done by hand into text because it runs once per row of answers that can be a year long; every value a query
 * returns is ASCII by construction (index names, digits, ISO instants, source names), so no escaping is needed.
 */
interface RowRenderer {

    /** The CSV header line, without the line end. */
    String csvHeader();

    void appendJson(StringBuilder out, Map<String, Object> row);

    /** One CSV line, without the line end. */
    void appendCsv(StringBuilder out, Map<String, Object> row);

    /**
     * PostgreSQL's numeric text is already a valid JSON number, except for the special values numeric allows
     * (NaN, Infinity), which JSON cannot express: those become null rather than invalid JSON.
     */
    static String jsonNumber(String numeric) {
        char first = numeric.charAt(0);
        return (first >= '0' && first <= '9')
                || (first == '-' && numeric.length() > 1 && Character.isDigit(numeric.charAt(1))) ? numeric : "null";
    }

    /** The slot of a row, as every query selects it: {@code epoch_second}. */
    static long epochSecond(Map<String, Object> row) {
        return ((Number) row.get("epoch_second")).longValue();
    }
}
