package io.deribittracker.ops;

import java.util.List;

/**
 * A password is still a placeholder of {@code .env.example}. A type of its own so that
 * {@link PlaceholderPasswordFailureAnalyzer} can turn it into a one-line reason instead of a stack trace.
 */
class PlaceholderPasswordException extends IllegalStateException {

    private final List<String> settings;

    /** @param settings the variables that still hold their placeholder, e.g. {@code ADMIN_PASSWORD} */
    PlaceholderPasswordException(List<String> settings) {
        super("Refusing to start: " + String.join(" and ", settings)
                + " still the placeholder from .env.example, a password anyone can read.");
        this.settings = List.copyOf(settings);
    }

    List<String> settings() {
        return settings;
    }
}
