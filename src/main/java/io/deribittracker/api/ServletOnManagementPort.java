package io.deribittracker.api;

import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * {@code server.port} (SERVER_PORT) belongs to the public Vert.x server ({@link PublicHttpServer}); Spring Boot's
 * servlet container keeps only its management child context, on {@code management.server.port} (actuator, Hawtio).
 * Port -1 is Spring Boot's documented way to create the main web application context without opening its port.
 * Runs after Spring Boot's own customizer, which copies {@code server.port}.
 */
@Component
class ServletOnManagementPort implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        factory.setPort(-1);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
