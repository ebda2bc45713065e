package io.deribittracker.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed admin logins per client address, whichever door they came through (HTTP Basic on any path, Hawtio's
 * login page), and locks a client out for the rest of the window once it has failed too often. Spring Security
 * reports Basic failures and successes as events carrying the client's address; {@link AdminLoginThrottleFilter}
 * reports Hawtio's and answers 429 to a locked-out client.
 */
@Component
class AdminLoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(AdminLoginThrottle.class);
    /** Bounds the memory many distinct clients can take; clients with no recent failure are forgotten first. */
    private static final int MAX_CLIENTS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    AdminLoginThrottle(@Value("${admin.login-throttle.max-failures}") int maxFailures,
                       @Value("${admin.login-throttle.window}") Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long the client must wait before it may try again; zero when it may try now. */
    Duration retryAfter(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            forgetOld(recent, now);
            if (recent.size() < maxFailures) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(now, recent.peekFirst().plus(window));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    void failed(String client) {
        if (failures.size() >= MAX_CLIENTS) {
            Instant now = clock.instant();
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    forgetOld(recent, now);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            if (recent.size() == maxFailures) {
                LOG.warn("Admin login failed {} times within {} from {}: further attempts refused (429) for up to {}",
                        maxFailures, window, client, window);
            }
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    void succeeded(String client) {
        failures.remove(client);
    }

    private void forgetOld(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            failed(details.getRemoteAddress());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            succeeded(details.getRemoteAddress());
        }
    }
}
