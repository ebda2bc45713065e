package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListFormatTest {

    private static final List<ListFormat> LISTS = List.of(ListFormat.JSON, ListFormat.CSV);

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
            "''                                   | JSON",
            "*/*                                  | JSON",
            "application/json                     | JSON",
            "text/csv                             | CSV",
            "text/csv;charset=UTF-8               | CSV",
            "text/*                               | CSV",
            "text/csv;q=0.5, application/json     | JSON",
            "application/json;q=0.2, text/csv     | CSV",
            "text/html, text/csv;q=0.9, */*;q=0.1 | CSV",
            "application/json;q=0, text/csv;q=0.1 | CSV",
    })
    void picksWhatTheClientPrefers(String accept, ListFormat expected) {
        assertThat(ListFormat.negotiate(accept, LISTS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html", "application/json;q=0", "text/csv;charset=utf-16", "application/json;q=0, text/csv;q=0",
            "text/csv;charset=utf-16, application/xml", "this is not a media type/", "text/csv;q=abc"})
    void refusesWhatItCannotHonour(String accept) {
        assertThatThrownBy(() -> ListFormat.negotiate(accept, LISTS)).isInstanceOf(NotAcceptableException.class);
    }
}
