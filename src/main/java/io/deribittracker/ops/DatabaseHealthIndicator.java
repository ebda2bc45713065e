package io.deribittracker.ops;

import java.time.Duration;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code db} in health and readiness: the latest {@link DatabaseProbe} reading, so that the answer comes at once
 * whatever state the database is in (Spring Boot's own indicator waits for a connection, seconds when it is down).
 */
@Component("db")
class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseProbe probe;

    DatabaseHealthIndicator(DatabaseProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        DatabaseProbe.Reading reading = probe.latest();
        Duration age = Duration.between(reading.at(), probe.now());
        if (age.compareTo(probe.overdueAfter()) > 0) {
            return Health.down().withDetail("error", "no database probe for " + age.toSeconds() + " s").build();
        }
        Health.Builder builder = reading.reachable() ? Health.up() : Health.down().withDetail("error", reading.error());
        return builder.withDetail("database", "PostgreSQL").withDetail("checkedAt", reading.at().toString()).build();
    }
}
