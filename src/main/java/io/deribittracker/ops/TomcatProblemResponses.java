package io.deribittracker.ops;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every error the servlet stack answers by itself, below the application's own error handling, is a problem too:
 * Tomcat's error report ({@link ProblemErrorReportValve}), Spring Security's firewall (an unknown method like FOO or
 * PROPFIND, TRACE, a control character in a parameter name: 400), and {@link MalformedRequestFilter}'s checks.
 * Clients that hang up are logged at DEBUG ({@link ClientAbortFilter}). Registered in every web server context that
 * runs Tomcat: the main one and, with a separate management port, actuator's ({@link ManagementProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
class TomcatProblemResponses {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ErrorReportCustomizer();
    }

    private static final class ErrorReportCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Host host = (Host) context.getParent();
                    // Spring Boot adds its own ErrorReportValve (no stack traces); this one replaces it and Tomcat's
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    ((StandardHost) host).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                });
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's customizer has added its valve
            }
    }

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> Problems.write(response, 400,
                "The request was refused: its method, path or parameters are not acceptable.");
    }

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequests() {
        FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(new MalformedRequestFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ErrorPageProblemFilter> errorPageProblems(
            @org.springframework.beans.factory.annotation.Value("${server.error.path:/error}") String errorPath) {
        FilterRegistrationBean<ErrorPageProblemFilter> registration = new FilterRegistrationBean<>(new ErrorPageProblemFilter(errorPath));
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ClientAbortFilter> clientAborts() {
        FilterRegistrationBean<ClientAbortFilter> registration = new FilterRegistrationBean<>(new ClientAbortFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
