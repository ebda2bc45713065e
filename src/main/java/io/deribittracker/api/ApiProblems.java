package io.deribittracker.api;

import io.deribittracker.storage.DatabaseErrors;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns whatever stopped a request into the RFC 9457 problem the client gets (the api-problems route configuration
 * in rest-api.camel.yaml writes it). Bad input is the client's to fix and says how; an unreachable database or a
 * full house of list answers is a 503 the client may retry; anything else is our bug: logged with its stack trace
 * here, and answered with a 500 that reveals nothing of it.
 */
@Component
public class ApiProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    public Problem describe(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        if (failure instanceof InvalidParameterException invalid) {
            return new Problem(Problem.INVALID_PARAMETER, "Invalid query parameter", 400, invalid.getMessage(),
                    invalid.parameter());
        }
        if (failure instanceof NoPriceYetException noPrice) {
            return new Problem(Problem.NO_PRICE_YET, "No price recorded yet", 404, noPrice.getMessage(),
                    QueryParameters.TICKER);
        }
        if (failure instanceof NotAcceptableException notAcceptable) {
            return new Problem(Problem.NOT_ACCEPTABLE, "Not acceptable", 406, notAcceptable.getMessage(), null);
        }
        if (failure instanceof TooManyListsException busy) {
            LOG.debug("Answering 503: {}", busy.getMessage());
            return new Problem(Problem.BUSY, "Too many list answers in progress", 503, busy.getMessage(), null);
        }
        if (DatabaseErrors.isUnreachable(failure)) {
            // DatabaseProbe logs the outage once; a line per request would grow with the traffic
            LOG.debug("Answering 503: the database is unreachable ({})", failure.getMessage());
            return new Problem(Problem.DATABASE_UNAVAILABLE, "Database unavailable", 503,
                    "The price database did not answer in time. Try again in a few seconds.", null);
        }
        LOG.error("Answering 500 to a request that failed unexpectedly", failure);
        return new Problem(Problem.INTERNAL_ERROR, "Internal error", 500,
                "The request failed on our side; it has been logged.", null);
    }
}
