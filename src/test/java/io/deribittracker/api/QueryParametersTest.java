package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private static final List<String> DECLARED = List.of("ticker", "start");

    @Test
    void decodesLikeAFormSoAnUnencodedPlusIsASpace() {
        QueryParameters query = QueryParameters.parse("ticker=btc&start=2026-11-24T13:00:00+03:00", DECLARED);

        assertThat(query.optional("start")).hasValue("2026-11-24T13:00:00 03:00");
    }

    @Test
    void aMalformedEscapeIsA400NamingTheParameter() {
        assertThatThrownBy(() -> QueryParameters.parse("ticker=btc&start=%ZZ", DECLARED))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("malformed")
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("start"));
    }

    @Test
    void emptyPairsAreIgnored() {
        QueryParameters query = QueryParameters.parse("&ticker=btc&&", DECLARED);

        assertThat(query.required("ticker", "")).isEqualTo("btc");
    }
}
