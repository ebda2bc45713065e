package io.deribittracker.api;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the spec's {@code servers} entry the address the client reached us by. camel-openapi-java either writes
 * {@code http://0.0.0.0} (the bind address, useless to a client) or, with {@code camel.rest.use-x-forward-headers},
 * {@code X-Forwarded-Proto://Host}, and an empty URL when there is no proxy to send X-Forwarded-Proto; an empty
 * server URL resolves against the spec's own address, so Swagger UI would call {@code /api-doc/all}. Supplying the
 * request's own scheme when no proxy did gives {@code http://host:port}, and a proxy's headers still win.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiServerAddress {

    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> openApiRequestScheme() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(request.getHeader(FORWARDED_PROTO) == null ? withScheme(request) : request, response);
            }
        });
        registration.addUrlPatterns("/api-doc", "/api-doc/*");
        return registration;
    }

    private static HttpServletRequest withScheme(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return FORWARDED_PROTO.equalsIgnoreCase(name) ? request.getScheme() : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return FORWARDED_PROTO.equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(request.getScheme())) : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames());
                names.add(FORWARDED_PROTO);
                return Collections.enumeration(names);
            }
        };
    }
}
