package io.deribittracker.ops;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may see what.
 *
 * <ul>
 *   <li>Public: the query API and its documentation, static assets, {@code /error}, {@code /actuator/health/**} and
 *       {@code /actuator/info}, and every path that matches nothing (it answers 404, not 401).</li>
 *   <li>Admin only: the rest of {@code /actuator/**} (Prometheus, Jolokia, env, ...), by HTTP Basic or after a
 *       Hawtio login ({@link HawtioSessionAuthenticationFilter}); without credentials a 401 with
 *       {@code WWW-Authenticate: Basic}.</li>
 *   <li>{@code /actuator/hawtio/**} passes Spring Security: it is Hawtio's own single-page UI with its own login page,
 *       and Hawtio guards its API itself. All data the UI shows comes from Jolokia, which stays admin only.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
public class SecurityConfiguration {

    static final String ADMIN_AUTHORITY = "ROLE_ADMIN";
    static final String REALM = "deribit-tracker";

    /** The stateless public API: GET only, no cookies, so CSRF tokens have nothing to protect there. */
    static final String[] PUBLIC_API = {"/all", "/last", "/get_between"};

    static final String[] PUBLIC = {
            "/all", "/last", "/get_between",
            "/docs", "/docs/**", "/redoc", "/redoc/**", "/api-doc", "/api-doc/**",
            "/webjars/**", "/error",
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            // Hawtio's UI and login page; the data behind it (Jolokia) stays protected
            "/actuator/hawtio", "/actuator/hawtio/**"};

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasAuthority(ADMIN_AUTHORITY)
                        // everything else is public: the API, static assets, and paths that answer 404
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName(REALM))
                .addFilterBefore(new HawtioSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                // The public API is stateless GET: CSRF must not turn POST /all into 403 (the API answers 405).
                // Actuator calls authenticate per request (Basic) or through Hawtio's session, whose cookie is
                // SameSite=Strict (application.yml), which is what keeps other sites from riding on it.
                .csrf(csrf -> csrf.ignoringRequestMatchers(PUBLIC_API).ignoringRequestMatchers("/actuator/**"))
                // Basic needs no session; Hawtio creates its own when someone logs in there. Hawtio's session id must
                // not change under its UI's feet (it fires many Jolokia requests at once), so no fixation strategy
                // here: the login itself happens in Hawtio.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .build();
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
