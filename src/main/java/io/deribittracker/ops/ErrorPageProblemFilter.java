package io.deribittracker.ops;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet container's error page ({@code /error}) as a problem. Errors sent with {@code sendError} (Spring
 * Security's 401 and 403, a filter's refusal) are forwarded there, where actuator's own error endpoint would answer
 * its JSON map; asked for directly, it would answer 200. Neither is a problem document, so this filter answers both
 * before that endpoint is reached: the forwarded status with a sentence of ours (never an exception message), and 404
 * for a direct request.
 */
class ErrorPageProblemFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPageProblemFilter.class);

    private final String errorPath;

    ErrorPageProblemFilter(String errorPath) {
        this.errorPath = errorPath;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + errorPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer status)) {
            Problems.write(response, 404, "No such resource.");
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            LOG.error("{} failed with {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status, failure);
        }
        Problems.write(response, status, status >= 500 ? "The request failed on our side."
                : "The request could not be served: " + (known == null ? "error " + status : known.getReasonPhrase()) + ".");
    }
}
