package io.deribittracker.ops;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link AdminLoginThrottle} to a request, before any credential is checked. A locked-out client's login
 * attempt (an {@code Authorization} header, or a POST to Hawtio's login) gets 429 with {@code Retry-After} on
 * protected paths and on Hawtio's login; on public paths its credentials are ignored and it is served as anybody
 * is, so that the public health endpoint cannot serve as a password oracle nor a lockout keep anyone from the API.
 * Hawtio's login answers are counted here, since Hawtio checks the password itself.
 */
class AdminLoginThrottleFilter extends OncePerRequestFilter {

    static final String HAWTIO_LOGIN = "/actuator/hawtio/auth/login";

    private static final RequestMatcher HAWTIO_LOGIN_REQUEST =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, HAWTIO_LOGIN);

    private final AdminLoginThrottle throttle;
    private final boolean publicPaths;

    /** @param publicPaths whether this filter guards the public paths (credentials ignored) or the protected ones */
    AdminLoginThrottleFilter(AdminLoginThrottle throttle, boolean publicPaths) {
        this.throttle = throttle;
        this.publicPaths = publicPaths;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        boolean hawtioLogin = HAWTIO_LOGIN_REQUEST.matches(request);
        boolean credentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (hawtioLogin || credentials) {
            Duration wait = throttle.retryAfter(client);
            if (!wait.isZero()) {
                if (publicPaths && !hawtioLogin) {
                    chain.doFilter(new WithoutCredentials(request), response);
                } else {
                    tooManyAttempts(response, wait);
                }
                return;
            }
        }
        chain.doFilter(request, response);
        if (hawtioLogin) {
            int status = response.getStatus();
            if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
                throttle.failed(client);
            } else if (status == HttpServletResponse.SC_OK) {
                throttle.succeeded(client);
            }
        }
    }

    private static void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Too many failed admin logins from this address; try again in " + seconds + " s.\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The request as the client sent it, minus its credentials. */
    private static final class WithoutCredentials extends HttpServletRequestWrapper {

        WithoutCredentials(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }
    }
}
