package io.deribittracker.ops;

import java.io.IOException;
import java.util.List;

import javax.security.auth.Subject;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone who logged in on Hawtio's login page is logged in for the protected actuator endpoints too: Hawtio keeps
 * the JAAS subject in the HTTP session (attribute {@code subject}), and if {@link AdminLoginModule} authenticated it,
 * this filter presents the same user to Spring Security for the current request. Hawtio's UI needs this for its
 * Jolokia calls, which Spring Security guards like every other actuator endpoint. Nothing is stored: the Hawtio
 * session stays the one source of truth, so Hawtio's logout ends both.
 */
class HawtioSessionAuthenticationFilter extends OncePerRequestFilter {

    /** The session attribute Hawtio's {@code AuthSessionHelpers} stores the logged-in subject under. */
    static final String HAWTIO_SUBJECT = "subject";

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && holder.getContext().getAuthentication() == null
                && session.getAttribute(HAWTIO_SUBJECT) instanceof Subject subject) {
            subject.getPrincipals(AdminLoginModule.AdminPrincipal.class).stream().findFirst().ifPresent(admin -> {
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin.getName(), null,
                        List.of(new SimpleGrantedAuthority(SecurityConfiguration.ADMIN_AUTHORITY))));
                holder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
