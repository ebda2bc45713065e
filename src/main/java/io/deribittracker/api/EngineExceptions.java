package io.deribittracker.api;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the platform-http consumer reports when it could not write a response (camel.rest.endpoint-property): a
 * client that went away, or a response already cut or sent by the route ({@link ListAnswers}), is routine and
 * logged at DEBUG without a stack trace; anything else is a WARN naming it. The client's own answer is decided
 * elsewhere (an API problem, or a cut connection).
 */
@Component
class EngineExceptions implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EngineExceptions.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (PublicErrors.isClientGone(exception) || exception instanceof IllegalStateException) {
            LOG.debug("Response not written ({}): {}", message, String.valueOf(exception));
        } else {
            LOG.warn("Response not written ({}): {}", message, String.valueOf(exception));
        }
    }
}
