package io.deribittracker.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A placeholder password is the operator's to fix, not a fault of the service: Spring Boot shows it under
 * "APPLICATION FAILED TO START" with the reason and what to do, instead of "Application run failed" and a stack
 * trace of bean creation that buries the one line that matters. Registered in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlaceholderPasswordFailureAnalyzer extends AbstractFailureAnalyzer<PlaceholderPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PlaceholderPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + String.join(" and ", cause.settings())
                + " to a password of your own: in .env for docker compose, else in the service's environment.", cause);
    }
}
