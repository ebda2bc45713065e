package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceRowFormatTest {

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
            "''                                   | JSON",
            "*/*                                  | JSON",
            "application/json                     | JSON",
            "text/csv                             | CSV",
            "text/*                               | CSV",
            "text/csv;q=0.5, application/json     | JSON",
            "application/json;q=0.2, text/csv     | CSV",
            "text/html, text/csv;q=0.9, */*;q=0.1 | CSV",
    })
    void picksWhatTheClientPrefers(String accept, PriceRowFormat expected) {
        assertThat(PriceRowFormat.negotiate(accept)).isEqualTo(expected);
    }
}
