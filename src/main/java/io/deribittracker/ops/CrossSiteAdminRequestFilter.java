package io.deribittracker.ops;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses admin requests another site's page made the browser send. A browser that once logged in with HTTP Basic
 * keeps sending the credentials, to any request for the service, whoever's page asked for it; a link or an image on
 * another site could then make Jolokia stop a route ({@code GET /actuator/jolokia/exec/…}). Browsers say where a
 * request comes from in {@code Sec-Fetch-Site}: Hawtio's own calls are {@code same-origin}, a typed address or a
 * bookmark {@code none}; anything else is refused. Clients that are not browsers (curl, Prometheus) send no such
 * header and are unaffected.
 */
class CrossSiteAdminRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            Problems.write(response, 403, "Admin endpoints answer only requests from their own pages or a client "
                    + "that is not a browser (Sec-Fetch-Site: " + (site.matches("[a-z-]{1,20}") ? site : "?") + ").");
            return;
        }
        chain.doFilter(request, response);
    }
}
