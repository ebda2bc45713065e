package io.deribittracker.api;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} page (whitelabel HTML for browsers, its own JSON for others) for the errors
 * that do not pass through Spring MVC's exception handling: a {@code sendError} from a filter or from the Camel
 * consumer, a request the servlet container itself rejects. Those too become {@code application/problem+json},
 * without a stack trace or exception message. (404, 405 and 406 from Spring MVC are ProblemDetails already:
 * {@code spring.mvc.problemdetails.enabled}.)
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded here by the container: there is no such resource
            ProblemDetail notFound = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource.");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(notFound);
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            LOG.error("{} {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status, failure);
        }
        problem.setDetail(status.is5xxServerError()
                ? "The request failed on our side."
                : "The request could not be served: " + status.getReasonPhrase() + ".");
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/_.~-]", "_")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
