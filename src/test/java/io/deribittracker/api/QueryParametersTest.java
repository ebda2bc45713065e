package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

    /** name -> required, as the Rest DSL declares them */
    private static final Map<String, Boolean> DECLARED = Map.of("ticker", true, "start", false);

    @Test
    void decodesLikeAFormSoAnUnencodedPlusIsASpace() {
        QueryParameters query = QueryParameters.parse("ticker=btc&start=2026-11-24T13:00:00+03:00", DECLARED);

        assertThat(query.get("start", "")).isEqualTo("2026-11-24T13:00:00 03:00");
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

        assertThat(query.get("ticker", "")).isEqualTo("btc");
    }

    @Test
    void aRequiredParameterLeftOutIsA400AndAnOptionalOneIsNull() {
        QueryParameters query = QueryParameters.parse("", DECLARED);

        assertThat(query.get("start", "")).isNull();
        assertThatThrownBy(() -> query.get("ticker", "")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("is required");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ticker=btc%00", "ticker=btc%0d%0a", "ticker=%7fbtc", "ticker=btc&start=1%09"})
    void aControlCharacterInAValueIsA400(String rawQuery) {
        assertThatThrownBy(() -> QueryParameters.parse(rawQuery, DECLARED)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("control character");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tick%00er=btc", "%0d%0a=btc", "%7f=1"})
    void aNameWithAControlCharacterIsAnUnknownParameterShownAsSent(String rawQuery) {
        assertThatThrownBy(() -> QueryParameters.parse(rawQuery, DECLARED)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Unknown query parameter '" + rawQuery.substring(0, rawQuery.indexOf('=')) + "'");
    }
}
