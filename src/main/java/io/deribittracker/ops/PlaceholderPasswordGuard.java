package io.deribittracker.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start while a password is still one of the placeholders {@code .env.example} documents: a production
 * stack copied from the example must not run with a password everyone can read. Says which setting to change
 * ({@link PlaceholderPasswordFailureAnalyzer} prints it as Spring Boot's start-up failure report).
 */
@Component
class PlaceholderPasswordGuard {

    /**
     * The placeholders of {@code .env.example}, by the variable that carries them; PlaceholderPasswordGuardTest reads
     * that file, so a placeholder changed there and not here fails the build.
     */
    static final Map<String, String> PLACEHOLDERS = Map.of(
            "ADMIN_PASSWORD", "change-me-admin",
            "POSTGRES_PASSWORD / SPRING_DATASOURCE_PASSWORD", "change-me-db");

    PlaceholderPasswordGuard(@Value("${admin.password:}") String adminPassword,
                             @Value("${spring.datasource.password:}") String databasePassword) {
        List<String> placeholders = new ArrayList<>();
        if (PLACEHOLDERS.get("ADMIN_PASSWORD").equals(adminPassword)) {
            placeholders.add("ADMIN_PASSWORD");
        }
        if (PLACEHOLDERS.get("POSTGRES_PASSWORD / SPRING_DATASOURCE_PASSWORD").equals(databasePassword)) {
            placeholders.add("POSTGRES_PASSWORD / SPRING_DATASOURCE_PASSWORD");
        }
        if (!placeholders.isEmpty()) {
            throw new PlaceholderPasswordException(placeholders);
        }
    }
}
