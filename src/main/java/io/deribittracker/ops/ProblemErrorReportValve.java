package io.deribittracker.ops;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, the body of every error Tomcat answers itself (a request line or header block over the limit,
 * raw control characters, a second Host header, an unsupported method or HTTP version...), as a problem instead of an
 * HTML page, and the body of an error status the application set without writing one. Tomcat calls it only when
 * nothing else wrote a body. A method Tomcat does not implement (CONNECT) is the client's mistake here, so it is a 400,
 * not Tomcat's 501.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        // an error Tomcat or a filter sent (sendError), reported once; or an error status the application set and
        // answered without a body (actuator's 404 for an unknown health group)
        boolean sentAsError = response.isError();
        if (sentAsError && !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is broken: nobody would read a report
        }
        if (status == 501) {
            status = 400;
            response.setStatus(status);
        }
        String detail = status >= 500 ? "The server could not complete the request (status " + status + ")."
                : sentAsError ? "The request is not valid HTTP, or not HTTP this service accepts (status " + status + ")."
                : "The request could not be served (status " + status + ").";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(status, detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response was committed meanwhile: nothing more to say
        }
    }
}
