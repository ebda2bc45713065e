package io.deribittracker.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte for byte onto a socket, for what no HTTP client library would send (over-long lines, control
 * characters, duplicate headers): the bytes go out as they are, and the answer is read until it is complete.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code raw} (ISO-8859-1) to 127.0.0.1:{@code port} and returns the whole answer, head and body. */
    public static String exchange(int port, String raw) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer and close before it has read everything (over-long input): read the answer
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                // until the server closes, or the answer is complete (a kept-alive connection stays open)
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                    if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // a reset after the answer: what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean complete(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
        int length = head.indexOf("content-length:");
        if (length >= 0) {
            int end = head.indexOf("\r\n", length);
            int expected = Integer.parseInt(head.substring(length + "content-length:".length(), end < 0 ? head.length() : end).trim());
            return text.length() - headEnd - 4 >= expected;
        }
        return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
    }
}
