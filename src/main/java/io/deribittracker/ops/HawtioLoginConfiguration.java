package io.deribittracker.ops;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import io.hawt.springboot.EndpointPathResolver;
import io.hawt.system.ConfigManager;
import io.hawt.web.auth.AuthenticationConfiguration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Lets Hawtio's own login page accept the admin credentials.
 *
 * <p>Hawtio authenticates through JAAS (realm {@code hawtio.realm}, default {@code hawtio}). Its Spring Security
 * bridge lives in {@code hawtio-springboot-security}, which is not published for Hawtio 5, so instead we hand Hawtio
 * a JAAS configuration of our own: {@link AdminLoginModule}, with this context's {@link AdminProperties} in its
 * options. Hawtio collects such "dynamic" configurations when its servlet context listener starts; this listener
 * runs just before it (highest precedence) and registers ours. No JVM-wide JAAS state is touched.
 */
// In the management context, wherever it runs: the main one, or its own child context (and servlet context, where
// Hawtio's servlets are) when management.server.port differs from server.port
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnClass(AuthenticationConfiguration.class)
class HawtioLoginConfiguration {

    @Bean
    ServletListenerRegistrationBean<ServletContextListener> hawtioAdminLogin(ObjectProvider<ConfigManager> hawtioConfig,
                                                                             AdminProperties admin) {
        ServletContextListener listener = new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                ConfigManager config = hawtioConfig.getIfAvailable();
                if (config == null || !admin.configured()) {
                    return; // Hawtio is off: nothing to log in to
                }
                ServletContext servletContext = event.getServletContext();
                // AuthenticationConfiguration reads its settings from the ConfigManager attribute; Hawtio's own
                // listener sets the same instance again right after us
                servletContext.setAttribute(ConfigManager.CONFIG_MANAGER, config);
                AuthenticationConfiguration.getConfiguration(servletContext).addConfiguration(new AdminJaasConfiguration(admin));
            }
        };
        ServletListenerRegistrationBean<ServletContextListener> registration = new ServletListenerRegistrationBean<>(listener);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** "Nobody is logged in" as an answer Hawtio's UI takes without an error ({@link HawtioNobodyLoggedInFilter}). */
    @Bean
    FilterRegistrationBean<HawtioNobodyLoggedInFilter> hawtioNobodyLoggedIn(ObjectProvider<EndpointPathResolver> paths,
                                                                          AdminProperties admin) {
        EndpointPathResolver hawtio = paths.getIfAvailable();
        FilterRegistrationBean<HawtioNobodyLoggedInFilter> registration = new FilterRegistrationBean<>(
                new HawtioNobodyLoggedInFilter());
        registration.addUrlPatterns((hawtio == null ? "/actuator/hawtio" : hawtio.resolve("hawtio")) + "/user");
        registration.setEnabled(hawtio != null && admin.configured()); // Hawtio is off without an admin login
        return registration;
    }

    /** One required login module for every realm name Hawtio asks for. */
    static final class AdminJaasConfiguration extends Configuration {

        private final AppConfigurationEntry[] entries;

        AdminJaasConfiguration(AdminProperties admin) {
            entries = new AppConfigurationEntry[] {new AppConfigurationEntry(AdminLoginModule.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of(AdminLoginModule.ADMIN_OPTION, admin))};
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return entries.clone();
        }
    }
}
