package io.deribittracker.ops;

import io.hawt.springboot.EndpointPathResolver;
import io.hawt.web.auth.AuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Hawtio's {@link AuthenticationFilter} runs every Jolokia request inside a JAAS {@code doAs} and logs whatever the
 * request throws at INFO with its whole stack trace: a Hawtio tab closed while Jolokia writes its answer became a
 * {@code Broken pipe} trace of a few hundred lines. {@link ClientAbortFilter} therefore also runs inside Hawtio's
 * filter on the Jolokia path, where it sees the abort first. Hawtio registers its filter without an order (the last
 * one); it is moved one place up, ours takes the last place.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnClass(AuthenticationFilter.class)
class HawtioClientAbortConfiguration {

    /** The bean name of Hawtio's filter registration in {@code HawtioManagementConfiguration}. */
    private static final String HAWTIO_JOLOKIA_FILTER = "jolokiaAuthenticationFilter";

    @Bean
    static BeanPostProcessor hawtioJolokiaFilterBeforeLast() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (HAWTIO_JOLOKIA_FILTER.equals(name) && bean instanceof FilterRegistrationBean<?> registration) {
                    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<ClientAbortFilter> clientAbortsInsideHawtio(ObjectProvider<EndpointPathResolver> paths) {
        EndpointPathResolver hawtio = paths.getIfAvailable();
        FilterRegistrationBean<ClientAbortFilter> registration = new FilterRegistrationBean<>(new ClientAbortFilter());
        registration.addUrlPatterns((hawtio == null ? "/actuator/jolokia" : hawtio.resolve("jolokia")) + "/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.setEnabled(hawtio != null); // Hawtio is off without an admin login
        return registration;
    }
}
