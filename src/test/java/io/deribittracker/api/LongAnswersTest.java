package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.deribittracker.support.HeldResultsSocketFactory;
import io.deribittracker.support.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Long answers: streamed (the first bytes leave before the database has sent the last row), bounded (beyond the concurrency limit a 503 at
 * once, every other answer whole), isolated (/last stays fast while long answers stream to slow readers), and
 * compressed on request without giving any of that up. Data: 300,000 minutes of sol_usd (~30 MB of JSON).
 */
@ExtendWith(OutputCaptureExtension.class)
class LongAnswersTest extends ApiReplica {

    @Autowired
    LoggingSystem logging;

    static final int ROWS = 300_000;
    static final long T0 = 1_700_000_040L;
    static final String LONG = "/all?ticker=sol";

    @Value("${tracker.api.max-concurrent-lists}")
    int maxConcurrentLists;

    @BeforeEach
    void aLongHistory() {
        Integer stored = jdbc.queryForObject("SELECT count(*) FROM index_price WHERE ticker = 'sol_usd'", Integer.class);
        if (stored == null || stored != ROWS) {
            jdbc.update("DELETE FROM index_price WHERE ticker = 'sol_usd'");
            jdbc.update("INSERT INTO index_price (ticker, ts, price) SELECT 'sol_usd', to_timestamp(?) + n * interval '1 minute', "
                    + "n FROM generate_series(0, ?) AS n", T0, ROWS - 1);
            // as autovacuum would soon: without statistics the planner sorts instead of reading the index in order
            jdbc.execute("ANALYZE index_price");
        }
        jdbc.update("INSERT INTO index_price (ticker, ts, price) VALUES ('btc_usd', now(), 1) ON CONFLICT DO NOTHING");
    }

    /**
     * The database keeps the end of the result (everything after its first megabyte, some 20,000 of the 300,000
     * rows) until the client has its first byte. A buffered body (rendered whole, then sent) would wait for the rows
     * held back, and so would a body compressed whole before it is sent: the first byte would never come. Released,
     * the answer completes, whole.
     */
    @ParameterizedTest(name = "Accept: {0}, Accept-Encoding: {1}")
    @CsvSource({"application/json, identity", "text/csv, identity", "application/json, gzip", "text/csv, gzip"})
    void theFirstBytesLeaveBeforeTheDatabaseHasSentTheLastRow(String accept, String encoding) throws Exception {
        HttpResponse<InputStream> response;
        try (HeldResultsSocketFactory.Hold rest = HeldResultsSocketFactory.holdEachConnectionAfter(1_000_000)) {
            CompletableFuture<HttpResponse<InputStream>> firstByte = CompletableFuture.supplyAsync(() -> {
                HttpResponse<InputStream> head = api.stream(LONG, "Accept", accept, "Accept-Encoding", encoding);
                try {
                    assertThat(head.body().read()).as("first byte").isNotNegative();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return head;
            });
            // not a speed limit: a generous bound on waiting for something that, buffered, never comes
            response = firstByte.get(30, TimeUnit.SECONDS);
        }
        long length = 1 + drain(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).as("Content-Encoding")
                .isEqualTo(encoding.equals("gzip") ? java.util.Optional.of("gzip") : java.util.Optional.empty());
        // a row is 40 bytes or more as text; gzip at level 1 keeps more than a tenth of that
        assertThat(length).as("bytes").isGreaterThan(encoding.equals("gzip") ? ROWS * 4L : ROWS * 40L);
    }

    /**
     * Readers that stop reading hold their list slots (the cursor waits for the socket); one more list is refused at
     * once with a 503 problem and Retry-After, never a truncated 200; and every held answer, read at last, is whole.
     */
    @Test
    void beyondTheLimitAListIsRefusedAndEveryOtherIsWhole() throws Exception {
        List<HttpResponse<InputStream>> held = new ArrayList<>();
        for (int i = 0; i < maxConcurrentLists; i++) {
            HttpResponse<InputStream> response = api.stream(LONG + "&order=" + (i % 2 == 0 ? "asc" : "desc"));
            assertThat(response.statusCode()).isEqualTo(200);
            held.add(response);
        }

        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<HttpResponse<String>>> more = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String path = i % 2 == 0 ? LONG : "/get_between?ticker=sol&start=0&end=1";
                more.add(CompletableFuture.supplyAsync(() -> api.get(path), pool));
            }
            for (CompletableFuture<HttpResponse<String>> refused : more) {
                HttpResponse<String> response = refused.get();
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(HttpTestClient.json(response).get("type").asText()).isEqualTo(Problem.BUSY);
            }
            // /last needs no list slot
            assertThat(api.get("/last?ticker=btc").statusCode()).isEqualTo(200);

            List<CompletableFuture<JsonNode>> whole = held.stream()
                    .map(r -> CompletableFuture.supplyAsync(() -> HttpTestClient.json(r.body()), pool)).toList();
            for (int i = 0; i < whole.size(); i++) {
                JsonNode answer = whole.get(i).get();
                assertThat(answer).hasSize(ROWS);
                long firstSlot = i % 2 == 0 ? T0 : T0 + 60L * (ROWS - 1);
                assertThat(answer.get(0).get("timestamp").asLong()).isEqualTo(firstSlot);
            }
        } finally {
            pool.shutdownNow();
        }
        // the slots are free again
        assertThat(api.get("/get_between?ticker=sol&start=0&end=" + T0).statusCode()).isEqualTo(200);
    }

    /**
     * Six long answers trickling to slow readers do not slow /last down: its p99 stays within 50 ms, or, on a machine
     * so loaded that /last alone is slower than that, within three times its p99 without them (the benchmark measures
     * the absolute figure on a quiet machine). Before the Vert.x engine, /last timed out (5-10 s) here. Measured after
     * the streams' first burst (filling the socket buffers), while they trickle.
     */
    @Test
    void lastStaysFastWhileLongAnswersStreamToSlowReaders() throws Exception {
        long alone = p99OfLast();
        // a slow reader takes 16 KB every 20 ms (800 KB/s), on a schedule rather than by sleeping between reads
        ScheduledExecutorService readers = Executors.newScheduledThreadPool(6);
        List<InputStream> bodies = new ArrayList<>();
        List<AtomicLong> read = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                InputStream body = api.stream(LONG).body();
                AtomicLong bytes = new AtomicLong();
                bodies.add(body);
                read.add(bytes);
                byte[] chunk = new byte[16 * 1024];
                readers.scheduleAtFixedRate(() -> {
                    try {
                        bytes.addAndGet(Math.max(0, body.read(chunk)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, 0, 20, TimeUnit.MILLISECONDS);
            }
            // each answer first fills the socket buffers at full speed (a few MB, CPU-bound); measured once every
            // reader has taken 2 MB at its own pace, which is where long answers spend their life
            await().atMost(Duration.ofSeconds(60)).until(() -> read.stream().allMatch(bytes -> bytes.get() >= 2 * 1024 * 1024));
            long streaming = p99OfLast();
            assertThat(streaming).as("p99 of /last in ms while six long answers stream (alone: %d ms)", alone)
                    .isLessThanOrEqualTo(Math.max(50, 3 * alone));
        } finally {
            readers.shutdownNow();
            for (InputStream body : bodies) {
                body.close();
            }
        }
    }

    private long p99OfLast() {
        long[] millis = new long[300];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            assertThat(api.get("/last?ticker=btc").statusCode()).isEqualTo(200);
            millis[i] = Duration.ofNanos(System.nanoTime() - started).toMillis();
        }
        Arrays.sort(millis);
        return millis[(int) Math.ceil(millis.length * 0.99) - 1];
    }

    /** gzip on request, still streamed (chunked, no Content-Length), and the same bytes once decoded. */
    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/json", "text/csv"})
    void gzipDecodesToThePlainAnswer(String accept) throws IOException {
        String path = "/all?ticker=sol&limit=20000";
        HttpResponse<byte[]> plain = api.bytes(path, "Accept", accept);
        HttpResponse<byte[]> gzipped = api.bytes(path, "Accept", accept, "Accept-Encoding", "gzip");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Content-Length")).isEmpty();
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        try (InputStream decoded = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(decoded.readAllBytes()).isEqualTo(plain.body());
        }
    }

    /** A client that resets the connection halfway through a long answer is not the service's fault. */
    @Test
    void aClientThatHangsUpMidAnswerIsOneDebugLineWithoutStackTrace(CapturedOutput output) throws Exception {
        logging.setLogLevel(ListAnswers.class.getName(), LogLevel.DEBUG); // to see that the hang-up was noticed
        try {
            int logged = output.getAll().length();
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("GET " + LONG + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1))
                        .isEqualTo("HTTP/1.1 200");
                socket.setSoLinger(true, 0); // close with a reset, as a killed program's connection is
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getAll().substring(logged))
                    .contains("A client closed its connection during a list answer"));
            assertThat(output.getAll().substring(logged).lines().filter(line -> line.contains(" WARN ")
                            || line.contains(" ERROR ") || line.startsWith("\tat ") || line.contains("Connection reset")))
                    .as("a client's hang-up is no WARN, no ERROR and no stack trace in the log").isEmpty();
        } finally {
            logging.setLogLevel(ListAnswers.class.getName(), null);
        }
        // and the slot it held is free again
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/all?ticker=sol&limit=1").statusCode() == 200);
    }

    private static long drain(InputStream body) {
        try (body) {
            byte[] buffer = new byte[64 * 1024];
            long count = 0;
            for (int n; (n = body.read(buffer)) >= 0; ) {
                count += n;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
