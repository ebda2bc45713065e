package io.deribittracker.collector;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the {@code index_price} of a {@code public/get_index_price} result can be a price: a JSON number (not a
 * string, not null), positive, and within {@code collector.plausible-price.min} … {@code max}. Anything else is
 * logged with its value and refused, so that the slot is retried and asked over HTTP rather than stored.
 */
@Component("plausiblePrice")
public class PlausiblePrice {

    private static final Logger LOG = LoggerFactory.getLogger(PlausiblePrice.class);

    private final BigDecimal min;
    private final BigDecimal max;

    public PlausiblePrice(@Value("${collector.plausible-price.min}") BigDecimal min,
                          @Value("${collector.plausible-price.max}") BigDecimal max) {
        if (min.signum() <= 0 || min.compareTo(max) >= 0) {
            throw new IllegalArgumentException("collector.plausible-price: min must be positive and below max, was "
                    + min + " … " + max);
        }
        this.min = min;
        this.max = max;
    }

    /** Passes a plausible result through; refuses any other. */
    public void check(@Header("ticker") String ticker, @Header("slot") Instant slot, @Body JsonNode result)
            throws UnusableReplyException {
        JsonNode price = result == null ? null : result.get("index_price");
        String problem = problem(price);
        if (problem != null) {
            String message = "Deribit sent " + ticker + " index_price " + price + " for slot " + slot + ": " + problem
                    + "; not stored";
            LOG.warn(message);
            throw new UnusableReplyException(message);
        }
    }

    private String problem(JsonNode price) {
        if (price == null || price.isNull()) {
            return "no price";
        }
        if (!price.isNumber()) {
            return "not a number";
        }
        BigDecimal value = price.decimalValue();
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return "outside the plausible range " + min.toPlainString() + " … " + max.toPlainString();
        }
        return null;
    }
}
