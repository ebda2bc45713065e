package io.deribittracker.collector;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The JSON reader for Deribit's frames. Prices are read as {@link java.math.BigDecimal} with their exact
 * digits: the default {@code double} turns {@code 7131.214606410254} into something else.
 */
public final class DeribitJson {

    private DeribitJson() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }
}
