package io.deribittracker.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes an RFC 9457 problem for the layers below Spring MVC (Tomcat's valve, servlet filters, Spring Security's
 * handlers), where no message converter is at hand. The detail is always our own sentence, never the client's input.
 */
final class Problems {

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        write(response.getOutputStream(), status, detail);
    }

    static void write(OutputStream out, int status, String detail) throws IOException {
        out.write(json(status, detail).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String json(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
