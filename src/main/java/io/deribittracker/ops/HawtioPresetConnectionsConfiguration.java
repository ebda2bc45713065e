package io.deribittracker.ops;

import java.io.IOException;

import io.hawt.springboot.EndpointPathResolver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Hawtio's UI asks {@code <hawtio>/preset-connections} for remote connections to offer, on every page load. Hawtio's
 * WAR answers it with a servlet from {@code hawtio-connect}, which is neither part of hawtio-springboot nor published
 * for Hawtio 5, so the browser logged a 404 each time. This answers what that servlet answers by default: no preset
 * connections. Registered where Hawtio registers its own servlets (the management context, on whichever port actuator
 * is served).
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnClass(EndpointPathResolver.class)
class HawtioPresetConnectionsConfiguration {

    @Bean
    ServletRegistrationBean<HttpServlet> hawtioPresetConnections(ObjectProvider<EndpointPathResolver> paths) {
        HttpServlet none = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.getOutputStream().write('[');
                response.getOutputStream().write(']');
            }
        };
        EndpointPathResolver hawtio = paths.getIfAvailable();
        ServletRegistrationBean<HttpServlet> registration = new ServletRegistrationBean<>(none,
                (hawtio == null ? "/actuator/hawtio" : hawtio.resolve("hawtio")) + "/preset-connections");
        registration.setEnabled(hawtio != null); // Hawtio is off without an admin login
        return registration;
    }
}
