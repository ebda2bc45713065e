package io.deribittracker.ops;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Without an admin login ({@code ADMIN_USER} and {@code ADMIN_PASSWORD}) nobody could log in to Hawtio or the
 * protected actuator endpoints, so they are not offered at all: only health and info stay exposed.
 *
 * <p>The lock-down is a property source in front of all others, so that a stray
 * {@code MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE} cannot open the endpoints. It decides when a property is read,
 * not when it is added: property sources that arrive later (test properties, for one) still count.
 * {@link SecurityConfiguration} logs the one WARN line that says so.
 */
public class AdminLockdownEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "adminLockdown";

    static final Map<String, String> LOCKED = Map.of(
            "management.endpoints.web.exposure.include", "health,info",
            "management.endpoints.jmx.exposure.include", "health,info");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            environment.getPropertySources().addFirst(new LockdownPropertySource(environment));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Answers only for the {@link #LOCKED} names, and only while the admin login is incomplete. */
    static final class LockdownPropertySource extends PropertySource<Map<String, String>> {

        // not the source object: Spring Boot would take an environment there for a container of more sources
        private final ConfigurableEnvironment environment;

        LockdownPropertySource(ConfigurableEnvironment environment) {
            super(PROPERTY_SOURCE, LOCKED);
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            String locked = LOCKED.get(name);
            // reading admin.* asks this source too, but for a name it never answers: no re-entry, no guard needed
            boolean open = locked == null
                    || AdminProperties.isSet(environment.getProperty(AdminProperties.USER_PROPERTY))
                    && AdminProperties.isSet(environment.getProperty(AdminProperties.PASSWORD_PROPERTY));
            return open ? null : locked;
        }
    }
}
