package io.deribittracker.ops;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without an admin login ({@code ADMIN_USER} and {@code ADMIN_PASSWORD}) nobody could log in to Hawtio or the
 * protected actuator endpoints, so they are not offered at all: only health and info stay exposed. This wins over
 * every other property source on purpose, so that a stray {@code MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE} cannot
 * open them. {@link SecurityConfiguration} logs the one WARN line that says so.
 */
public class AdminLockdownEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "adminLockdown";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean configured = AdminProperties.isSet(environment.getProperty(AdminProperties.USER_PROPERTY))
                && AdminProperties.isSet(environment.getProperty(AdminProperties.PASSWORD_PROPERTY));
        if (!configured) {
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                    "management.endpoints.web.exposure.include", "health,info",
                    "management.endpoints.jmx.exposure.include", "health,info",
                    "hawtio.authenticationEnabled", "true")));
        }
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml, environment variables) is loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
