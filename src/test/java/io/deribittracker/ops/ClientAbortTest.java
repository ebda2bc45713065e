package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.deribittracker.support.HttpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A client that hangs up while its answer is being written (a closed Hawtio tab, a probe that gave up) is not the
 * service's fault: one DEBUG line, no WARN or ERROR, no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientAbortTest extends OpsReplica {

    private static final String ADMIN = HttpTestClient.basic(OpsAccounts.ADMIN_USER, OpsAccounts.ADMIN_PASSWORD);

    @Autowired
    LoggingSystem logging;

    @BeforeEach
    void showTheDebugLine() {
        // the line is DEBUG; switched on here so that the test sees the abort did happen and was handled
        logging.setLogLevel(ClientAbortFilter.class.getName(), LogLevel.DEBUG);
    }

    @AfterEach
    void restoreLevel() {
        logging.setLogLevel(ClientAbortFilter.class.getName(), null);
    }

    @Test
    void aClientThatHangsUpMidAnswerIsOneDebugLineWithoutStackTrace(CapturedOutput output) throws Exception {
        int logged = output.getAll().length();

        // Jolokia's list of every MBean (Camel's included), 20 times in one bulk request (as Hawtio batches its
        // requests): megabytes, more than the socket buffers on both sides hold, so the server is still writing when
        // the client resets the connection after reading the first bytes
        String bulk = "[" + String.join(",", java.util.Collections.nCopies(20, "{\"type\":\"list\"}")) + "]";
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", managementPort), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /actuator/jolokia HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bulk.length() + "\r\n\r\n" + bulk)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(12);
            assertThat(new String(first, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
            socket.setSoLinger(true, 0); // close with a reset, as a browser killing the tab's connection does
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getAll().substring(logged))
                .contains("Client went away before the answer to POST /actuator/jolokia was written"));
        String log = output.getAll().substring(logged);
        assertThat(log.lines().filter(line -> !line.contains(" DEBUG ")).filter(line -> line.contains(" WARN ")
                        || line.contains(" ERROR ") || line.startsWith("\tat ") || line.contains("Broken pipe")
                        || line.contains("ClientAbortException") || line.contains("Connection reset")))
                .as("a client's hang-up is no WARN, no ERROR and no stack trace in the log").isEmpty();
    }
}
