package io.deribittracker.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code start} and {@code end}: UNIX seconds, or ISO-8601 in the forms people (and the original service's
 * documentation) actually send. Everything is read as UTC unless the value carries an offset.
 *
 * <p>Why the space before an offset: {@code ?start=2026-11-24T13:00:00+03:00} sent without URL-encoding turns the
 * {@code +} into a space on the way in, and refusing that would punish the most common client mistake for no gain
 * (a space can mean nothing else there).
 */
final class TimeParameter {

    /** The API's range: 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, i.e. 0 to 253402300799 in UNIX seconds. */
    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = Instant.ofEpochSecond(253_402_300_799L);

    public static final String ACCEPTED_FORMS = "Use UNIX seconds (0 to 253402300799, fractions allowed as in 1795514400.5; "
            + "milliseconds are out of range) "
            + "or ISO-8601: 2026-11-24T10:00:00Z, 2026-11-24T13:00:00+03:00, 2026-11-24T10:00:00.250Z, "
            + "2026-11-24T10:00:00 (UTC), 2026-11-24 10:00:00 (UTC), or 2026-11-24 (00:00 UTC).";

    /** Whole or fractional ({@code time.time()} in Python, {@code Date.now() / 1000} in JavaScript), to the nanosecond. */
    private static final Pattern UNIX_SECONDS = Pattern.compile("-?\\d+(?:\\.\\d{1,9})?");
    private static final Pattern ISO = Pattern.compile(
            "(?<date>\\d{4}-\\d{2}-\\d{2})"
                    + "(?:[Tt ](?<time>\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)"
                    + "(?<zone>[Zz]|[+\\- ]\\d{2}(?::?\\d{2})?)?)?");

    private TimeParameter() {
    }

    /** The instant {@code value} names, or a 400 naming {@code parameter} and the accepted forms. */
    public static Instant parse(String parameter, String value) {
        if (value.isBlank()) {
            throw new InvalidParameterException(parameter, parameter + " must not be empty. " + ACCEPTED_FORMS);
        }
        Instant instant = UNIX_SECONDS.matcher(value).matches() ? fromUnixSeconds(parameter, value) : fromIso(parameter, value);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw outOfRange(parameter, value);
        }
        return instant;
    }

    /**
     * An inclusive bound as PostgreSQL stores time (microseconds), rounded so that it still includes exactly what
     * the client asked for: a start rounds up, an end rounds down (rounding an end of {@code 59.9999996} to the
     * nearest would wrongly include the slot at 60).
     */
    public static OffsetDateTime sqlBound(Instant instant, boolean start) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        Instant bound = start && instant.getNano() % 1000 != 0 ? truncated.plus(1, ChronoUnit.MICROS) : truncated;
        return OffsetDateTime.ofInstant(bound, ZoneOffset.UTC);
    }

    private static Instant fromUnixSeconds(String parameter, String value) {
        try {
            BigDecimal seconds = new BigDecimal(value);
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
            throw outOfRange(parameter, value);
        }
    }

    private static Instant fromIso(String parameter, String value) {
        Matcher iso = ISO.matcher(value);
        if (!iso.matches()) {
            throw new InvalidParameterException(parameter,
                    parameter + " '" + value + "' is not a time this API understands. " + ACCEPTED_FORMS);
        }
        try {
            LocalDate date = LocalDate.parse(iso.group("date"));
            String time = iso.group("time");
            LocalTime localTime = time == null ? LocalTime.MIDNIGHT : LocalTime.parse(time.replace(',', '.'));
            String zone = iso.group("zone");
            ZoneOffset offset = zone == null ? ZoneOffset.UTC : ZoneOffset.of(zone.replace(' ', '+').toUpperCase());
            return date.atTime(localTime).toInstant(offset);
        } catch (DateTimeException e) {
            // the shape is right but a field is not (month 13, hour 25, offset +19:00)
            throw new InvalidParameterException(parameter,
                    parameter + " '" + value + "' is not a valid date or time. " + ACCEPTED_FORMS);
        }
    }

    private static InvalidParameterException outOfRange(String parameter, String value) {
        return new InvalidParameterException(parameter, parameter + " '" + value + "' is out of range. " + ACCEPTED_FORMS);
    }
}
