package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParameterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1795514400                    | 2026-11-24T10:00:00Z",
            "0                             | 1970-01-01T00:00:00Z",
            "253402300799                  | 9999-12-31T23:59:59Z",
            "1795514400.5                  | 2026-11-24T10:00:00.500Z",
            "1795514400.000000001          | 2026-11-24T10:00:00.000000001Z",
            "2026-11-24T10:00:00Z          | 2026-11-24T10:00:00Z",
            "2026-11-24t10:00:00z          | 2026-11-24T10:00:00Z",
            "2026-11-24T13:00:00+03:00     | 2026-11-24T10:00:00Z",
            "2026-11-24T07:00:00-03:00     | 2026-11-24T10:00:00Z",
            "2026-11-24T13:00:00+0300      | 2026-11-24T10:00:00Z",
            "'2026-11-24T13:00:00 03:00'   | 2026-11-24T10:00:00Z",
            "2026-11-24T10:00:00.250Z      | 2026-11-24T10:00:00.250Z",
            "2026-11-24T10:00:00.123456789 | 2026-11-24T10:00:00.123456789Z",
            "2026-11-24T10:00:00           | 2026-11-24T10:00:00Z",
            "2026-11-24T10:00              | 2026-11-24T10:00:00Z",
            "'2026-11-24 10:00:00'         | 2026-11-24T10:00:00Z",
            "'2026-11-24 13:00:00 03:00'   | 2026-11-24T10:00:00Z",
            "2026-11-24                    | 2026-11-24T00:00:00Z",
    })
    void understands(String value, String expected) {
        assertThat(TimeParameter.parse("start", value)).isEqualTo(Instant.parse(expected));
    }

    /** PostgreSQL keeps microseconds: a start rounds up, an end down, so both stay inclusive of exactly what was asked. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1795514459.9999996 | 2026-11-24T10:01:00Z        | 2026-11-24T10:00:59.999999Z",
            "1795514460.0000004 | 2026-11-24T10:01:00.000001Z | 2026-11-24T10:01:00Z",
            "1795514460.5       | 2026-11-24T10:01:00.500Z    | 2026-11-24T10:01:00.500Z",
    })
    void boundsRoundTowardsTheInsideOfTheWindow(String value, String asStart, String asEnd) {
        Instant instant = TimeParameter.parse("start", value);
        assertThat(TimeParameter.sqlBound(instant, true).toInstant()).isEqualTo(Instant.parse(asStart));
        assertThat(TimeParameter.sqlBound(instant, false).toInstant()).isEqualTo(Instant.parse(asEnd));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1795514400000", "253402300800", "-1", "99999999999999999999999", "1969-12-31T23:59:59Z"})
    void rejectsOutOfRangeValuesIncludingMilliseconds(String value) {
        assertThatThrownBy(() -> TimeParameter.parse("end", value))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("out of range")
                .hasMessageContaining("UNIX seconds")
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("end"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-11-24T25:00:00Z", "2026-11-24T10:00:00+19:00",
            "24.11.2026", "2026-11-24T10:00:00ZZ", "1795514400.", "1795514400.1234567891", "1e9", " "})
    void rejectsWhatIsNotATimeAndListsTheAcceptedForms(String value) {
        assertThatThrownBy(() -> TimeParameter.parse("start", value))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("2026-11-24 10:00:00");
    }
}
