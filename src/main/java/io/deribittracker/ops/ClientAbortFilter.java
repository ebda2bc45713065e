package io.deribittracker.ops;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A client that goes away before its answer is written (a closed Hawtio tab, a probe that timed out) is not the
 * service's fault: one DEBUG line, no stack trace, instead of Tomcat's ERROR with a few hundred lines of trace.
 */
class ClientAbortFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAbortFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DisconnectedClientHelper.isClientDisconnectedException(e)) {
                throw e;
            }
            LOG.debug("Client went away before the answer to {} {} was written: {}", request.getMethod(),
                    request.getRequestURI(), e.toString());
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
