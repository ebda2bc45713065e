package io.deribittracker.ops;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hawtio's UI asks {@code <hawtio>/user} who is logged in before it shows anything. Hawtio's own servlet answers
 * "nobody" with 403, which the browser logs as a failed request and the UI as an error ("Failed to fetch user"), on
 * every visit to the login page. This answers "nobody" with {@code 204 No Content} instead: the UI reads an answer
 * without a user name, takes it for "not logged in" (without logging an error) and shows its login page. Someone
 * logged in (Hawtio keeps the name in the session attribute {@code user}) still gets Hawtio's own answer.
 */
class HawtioNobodyLoggedInFilter extends OncePerRequestFilter {

    /** The session attribute Hawtio's login stores the user name under, and its {@code /user} servlet reads. */
    static final String HAWTIO_USER = "user";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(HAWTIO_USER) == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }
}
