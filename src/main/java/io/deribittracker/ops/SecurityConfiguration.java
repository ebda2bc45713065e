package io.deribittracker.ops;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may see what. Rules by path, so that they hold on whichever port a path is served.
 *
 * <ul>
 *   <li>{@code /actuator/**} (Prometheus, Jolokia, env, ...) is for the admin only, by HTTP Basic or after a Hawtio
 *       login ({@link HawtioSessionAuthenticationFilter}); without credentials a 401 with
 *       {@code WWW-Authenticate: Basic}; except the {@link #PUBLIC_ACTUATOR} paths: health, info, and Hawtio's UI
 *       shell and login page (Hawtio guards its own API; all data its UI shows comes from Jolokia).</li>
 *   <li>Every other path is public: the query API and its documentation, static assets, {@code /error}, and paths
 *       that match nothing (404, not 401). Credentials sent to a public path are checked, so that the admin sees
 *       health details and the full info, but wrong ones are ignored: a stale or mistyped {@code Authorization}
 *       header never turns the API, its documentation or a health probe into a 401.</li>
 *   <li>Failed logins are throttled per client on every door ({@link AdminLoginThrottle}).</li>
 *   <li>Admin requests another site's page sent are refused ({@link CrossSiteAdminRequestFilter}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
class SecurityConfiguration {

    static final String ADMIN_ROLE = "ADMIN";
    static final String ADMIN_AUTHORITY = "ROLE_" + ADMIN_ROLE;
    static final String REALM = "deribit-tracker";

    /** The paths under {@code /actuator} that anybody may use; every path outside {@code /actuator} is public. */
    static final String[] PUBLIC_ACTUATOR = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/hawtio", "/actuator/hawtio/**"};

    private static final RequestMatcher ADMIN_ONLY = new AndRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
            new NegatedRequestMatcher(new OrRequestMatcher(java.util.Arrays.stream(PUBLIC_ACTUATOR)
                    .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList())));

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    AuthenticationManager adminAuthenticationManager(AuthenticationProvider adminAuthenticationProvider,
                                                     AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(adminAuthenticationProvider);
        manager.setAuthenticationEventPublisher(events); // AdminLoginThrottle counts the failures
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminOnly(HttpSecurity http, AuthenticationManager admin, AdminLoginThrottle throttle)
            throws Exception {
        return common(http.securityMatcher(ADMIN_ONLY), throttle, false)
                .addFilterBefore(new CrossSiteAdminRequestFilter(), BasicAuthenticationFilter.class)
                .authenticationManager(admin)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ADMIN_AUTHORITY))
                .httpBasic(basic -> basic.realmName(REALM))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http, AuthenticationManager admin, AdminLoginThrottle throttle)
            throws Exception {
        return common(http, throttle, true)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // without an entry point, a failed Basic login continues as anonymous instead of answering 401
                .addFilterBefore(new BasicAuthenticationFilter(admin), AnonymousAuthenticationFilter.class)
                .build();
    }

    private static HttpSecurity common(HttpSecurity http, AdminLoginThrottle throttle, boolean publicPaths) throws Exception {
        return http
                .addFilterBefore(new AdminLoginThrottleFilter(throttle, publicPaths), BasicAuthenticationFilter.class)
                .addFilterBefore(new HawtioSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                // No CSRF tokens: the public API is stateless GET; on admin paths another site's request is refused
                // by CrossSiteAdminRequestFilter (cached Basic credentials), and Hawtio's session cookie is
                // SameSite=Strict (application.yml).
                .csrf(csrf -> csrf.disable())
                // Basic needs no session; Hawtio creates its own when someone logs in there. Hawtio's session id must
                // not change under its UI's feet (it fires many Jolokia requests at once), so no fixation strategy
                // here: the login itself happens in Hawtio.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
    }

    /**
     * Checks HTTP Basic credentials against {@link AdminProperties}. Being an {@link AuthenticationProvider} bean it
     * also keeps Spring Boot from creating its default user with a generated password (and logging it).
     */
    @Bean
    AuthenticationProvider adminAuthenticationProvider(AdminProperties admin) {
        if (admin.configured()) {
            LOG.info("Admin login configured for user '{}': actuator endpoints accept HTTP Basic, Hawtio its login page",
                    admin.user());
        } else {
            LOG.warn("ADMIN_USER/ADMIN_PASSWORD not set: Hawtio and every actuator endpoint except health and info are OFF");
        }
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String user = authentication.getName();
                Object credentials = authentication.getCredentials();
                if (!admin.matches(user, credentials == null ? null : credentials.toString())) {
                    throw new BadCredentialsException("Bad credentials");
                }
                return UsernamePasswordAuthenticationToken.authenticated(user, null,
                        List.of(new SimpleGrantedAuthority(ADMIN_AUTHORITY)));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
