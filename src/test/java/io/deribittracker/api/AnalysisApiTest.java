package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.TestDatabase;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Candles, coverage and the easier query forms over real HTTP against a real PostgreSQL (an API-only replica).
 * Data: four hours of btc_usd minutes from Sunday 2026-11-22T22:00Z into Monday (so that days and weeks turn), with
 * five slots missing in the 23:10-23:14 stretch; eth_usd: the last 26 hours of minutes up to now, with two known gaps.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests switch the Prometheus registry off unless asked
// closed after the class: its connection pools would otherwise stay open beside every later test's
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AnalysisApiTest {

    /** Sunday 2026-11-22T22:00:00Z */
    static final long T0 = 1_795_384_800L;
    static final int MINUTES = 240;
    /** 23:10 to 23:14 inclusive are not stored: the 15 m bucket of 23:00 holds 10 slots, the 1 h bucket 55 */
    static final List<Integer> MISSING = List.of(70, 71, 72, 73, 74);

    static final String ADMIN_USER = "analysis-admin";
    static final String ADMIN_PASSWORD = "An4lysis-Pw-0e1f";

    @DynamicPropertySource
    static void apiOnly(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("analysis"));
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("collector.enabled", () -> "false");
        registry.add("admin.user", () -> ADMIN_USER);
        registry.add("admin.password", () -> ADMIN_PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    HttpTestClient api;
    /** btc_usd as stored, by UNIX second */
    final TreeMap<Long, BigDecimal> btc = new TreeMap<>();
    /** the newest minute of the eth_usd data, at seeding time */
    Instant ethNewest;

    @BeforeEach
    void seed() {
        api = new HttpTestClient(port);
        jdbc.update("DELETE FROM index_price");
        Random random = new Random(42);
        List<Object[]> rows = new ArrayList<>();
        BigDecimal price = new BigDecimal("91000.00");
        for (int minute = 0; minute < MINUTES; minute++) {
            // one to eight decimals, up or down: open, close, high and low each fall on different slots
            price = price.add(BigDecimal.valueOf(random.nextInt(20_001) - 10_000, 2))
                    .add(BigDecimal.valueOf(random.nextInt(1000), 3 + random.nextInt(6)));
            if (MISSING.contains(minute)) {
                continue;
            }
            long second = T0 + 60L * minute;
            btc.put(second, price);
            rows.add(new Object[] {"btc_usd", Timestamp.from(Instant.ofEpochSecond(second)), price, minute % 7 == 0 ? "http" : "ws"});
        }
        // eth_usd: 26 hours up to the current minute; missing 3 slots 2 h ago and 1 slot 5 h ago; the oldest
        // 10 hours back-filled
        ethNewest = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (int minute = 0; minute <= 26 * 60; minute++) {
            if (minute == 120 || minute == 121 || minute == 122 || minute == 300) {
                continue;
            }
            Instant slot = ethNewest.minus(Duration.ofMinutes(minute));
            rows.add(new Object[] {"eth_usd", Timestamp.from(slot), new BigDecimal("3000.5"), minute > 16 * 60 ? "backfill" : "ws"});
        }
        jdbc.batchUpdate("INSERT INTO index_price (ticker, ts, price, source) VALUES (?, ?, ?, ?)", rows);
    }

    // ---- candles -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "resolution={0}")
    @CsvSource({"1m, 60", "5m, 300", "15m, 900", "30m, 1800", "1h, 3600", "4h, 14400", "1d, 86400", "1w, 604800"})
    void candlesAtEachResolutionAreTheOhlcOfTheStoredRows(String resolution, long width) {
        HttpResponse<String> response = api.get("/candles?ticker=btc&resolution=" + resolution
                + "&start=" + T0 + "&end=" + (T0 + 60L * MINUTES));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        List<Map<String, String>> expected = expectedCandles(width);
        JsonNode candles = HttpTestClient.json(response);
        assertThat(candles).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode candle = candles.get(i);
            Map<String, String> want = expected.get(i);
            assertThat(fieldNames(candle)).containsExactly("ticker", "time", "timestamp", "open", "high", "low", "close", "samples");
            assertThat(candle.get("ticker").asText()).isEqualTo("btc_usd");
            for (String field : List.of("timestamp", "open", "high", "low", "close", "samples")) {
                assertThat(candle.get(field).toString()).as(resolution + " bucket " + i + " " + field).isEqualTo(want.get(field));
            }
            assertThat(candle.get("time").asText()).isEqualTo(Instant.ofEpochSecond(candle.get("timestamp").asLong()).toString());
        }
    }

    @Test
    void aBucketWithMissingSlotsSaysHowManyItHolds() {
        JsonNode candles = HttpTestClient.json(api.get("/candles?ticker=btc_usd&resolution=15m&start=2026-11-22T23:00:00Z"
                + "&end=2026-11-22T23:29:59Z"));

        assertThat(candles).hasSize(2);
        assertThat(candles.get(0).get("time").asText()).isEqualTo("2026-11-22T23:00:00Z");
        assertThat(candles.get(0).get("samples").asLong()).isEqualTo(10);
        assertThat(candles.get(1).get("samples").asLong()).isEqualTo(15);
    }

    @Test
    void weeksStartOnMondayAndDaysAtMidnightUtc() {
        JsonNode weeks = HttpTestClient.json(api.get("/candles?ticker=btc&resolution=1w&start=" + T0));
        JsonNode days = HttpTestClient.json(api.get("/candles?ticker=btc&resolution=1d&start=" + T0));

        assertThat(texts(weeks, "time")).containsExactly("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z");
        assertThat(texts(days, "time")).containsExactly("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z");
        assertThat(weeks.get(0).get("samples").asLong() + weeks.get(1).get("samples").asLong()).isEqualTo(btc.size());
    }

    @Test
    void aStartInsideABucketCountsOnlyTheSlotsFromStartOn() {
        // 22:30:00.5 rounds to no slot: 22:31 is the first included, so the 22:00 hour holds 29 slots
        JsonNode hours = HttpTestClient.json(api.get("/candles?ticker=btc&resolution=1h&start=" + (T0 + 1800) + ".5&end=" + (T0 + 3599)));

        assertThat(hours).hasSize(1);
        assertThat(hours.get(0).get("samples").asLong()).isEqualTo(29);
        assertThat(hours.get(0).get("open").toString()).isEqualTo(btc.get(T0 + 1860).toPlainString());
    }

    @Test
    void candlesNewestFirstWithALimit() {
        JsonNode hours = HttpTestClient.json(api.get("/candles?ticker=btc&resolution=1h&start=" + T0 + "&order=desc&limit=2"));

        assertThat(texts(hours, "time")).containsExactly("2026-11-23T01:00:00Z", "2026-11-23T00:00:00Z");
    }

    @Test
    void candlesOfAnEmptyWindowAreAnEmptyArray() {
        HttpResponse<String> response = api.get("/candles?ticker=btc&resolution=1d&start=2020-01-01&end=2020-02-01");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void candlesAsCsvWithAHeaderAndAFileName() {
        HttpResponse<String> response = api.get("/candles?ticker=btc&resolution=4h&start=" + T0 + "&end=" + (T0 + 7199)
                + "&format=csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"btc_usd-" + T0 + "-" + (T0 + 7199) + ".csv\"");
        Map<String, String> want = expectedCandles(14400).get(0);
        // 22:00 is not a multiple of 4 h: the first 4 h bucket of the day that holds 22:00 starts at 20:00
        assertThat(response.body()).isEqualTo("ticker,timestamp,time,open,high,low,close,samples\r\n"
                + "btc_usd," + want.get("timestamp") + ",2026-11-22T20:00:00Z," + want.get("open") + "," + want.get("high")
                + "," + want.get("low") + "," + want.get("close") + "," + want.get("samples") + "\r\n");
    }

    // ---- the easier query forms --------------------------------------------------------------------------------

    @Test
    void endLeftOutMeansNow() {
        JsonNode since = HttpTestClient.json(api.get("/get_between?ticker=btc&start=" + (T0 + 60L * (MINUTES - 3))));
        JsonNode candles = HttpTestClient.json(api.get("/candles?ticker=eth&resolution=1d&start=2026-01-01"));

        assertThat(timestamps(since)).containsExactly(T0 + 60L * (MINUTES - 3), T0 + 60L * (MINUTES - 2), T0 + 60L * (MINUTES - 1));
        // everything of eth_usd up to the newest slot, stored this very minute
        assertThat(StreamSupport.stream(candles.spliterator(), false).mapToLong(c -> c.get("samples").asLong()).sum())
                .isEqualTo(26 * 60 + 1 - 4);
    }

    @ParameterizedTest(name = "start={0} end={1}")
    @CsvSource({
            "1795384919.5, 1795384980.5, 1795384920, 1795384980",
            "1795384920.0, 1795384979.999999, 1795384920, 1795384920",
            "1795384919.000001, 1795384980, 1795384920, 1795384980",
            "1795384920, 1795384979.9999996, 1795384920, 1795384920",
    })
    void fractionalUnixSecondsAreInclusiveBounds(String start, String end, long first, long last) {
        JsonNode between = HttpTestClient.json(api.get("/get_between?ticker=btc&start=" + start + "&end=" + end));

        List<Long> timestamps = timestamps(between);
        assertThat(timestamps).first().isEqualTo(first);
        assertThat(timestamps).last().isEqualTo(last);
    }

    @Test
    void formatCsvOverridesAcceptAndNamesTheFile() {
        HttpResponse<String> between = api.get("/get_between?ticker=btc&start=" + T0 + "&end=" + (T0 + 60) + "&format=csv",
                "Accept", "application/json");
        HttpResponse<String> all = api.get("/all?ticker=btc&limit=1&format=CSV");

        assertThat(between.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(between.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"btc_usd-" + T0 + "-" + (T0 + 60) + ".csv\"");
        assertThat(between.body()).isEqualTo("ticker,timestamp,time,price,source\r\n"
                + "btc_usd," + T0 + ",2026-11-22T22:00:00Z," + btc.get(T0).toPlainString() + ",live\r\n"
                + "btc_usd," + (T0 + 60) + ",2026-11-22T22:01:00Z," + btc.get(T0 + 60).toPlainString() + ",live\r\n");
        assertThat(all.body()).startsWith("ticker,timestamp,time,price,source\r\n");
        assertThat(all.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"btc_usd-0-253402300799.csv\"");
    }

    @Test
    void formatJsonOverridesAcceptTextCsvAndJsonNamesNoFile() {
        HttpResponse<String> response = api.get("/all?ticker=btc&limit=1&format=json", "Accept", "text/csv");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(HttpTestClient.json(response).get(0).get("timestamp").asLong()).isEqualTo(T0);
    }

    // ---- coverage ----------------------------------------------------------------------------------------------

    @Test
    void tickersShowsWhatIsStoredForEachConfiguredIndex() {
        HttpResponse<String> response = api.get("/tickers");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode tickers = HttpTestClient.json(response);
        assertThat(texts(tickers, "ticker")).containsExactly("btc_usd", "eth_usd");

        JsonNode btcCoverage = tickers.get(0);
        assertThat(btcCoverage.get("aliases").toString()).isEqualTo("[\"BTC\"]");
        assertThat(btcCoverage.get("first").toString()).isEqualTo("{\"timestamp\":" + T0 + ",\"time\":\"2026-11-22T22:00:00Z\"}");
        assertThat(btcCoverage.get("last").get("timestamp").asLong()).isEqualTo(T0 + 60L * (MINUTES - 1));
        assertThat(btcCoverage.get("count").asLong()).isEqualTo(btc.size());
        long http = btc.keySet().stream().filter(s -> ((s - T0) / 60) % 7 == 0).count();
        // ws and http are both "live", as records show them
        assertThat(btcCoverage.get("sources").toString()).isEqualTo("{\"live\":" + btc.size() + "}");
        assertThat(http).isPositive();
        // btc_usd's data is days old: every slot of the last 24 hours is missing, in one run
        long slotsOfADay = 24 * 60;
        assertThat(btcCoverage.get("missing_last_24h").get("slots").asLong()).isEqualTo(slotsOfADay);
        assertThat(btcCoverage.get("missing_last_24h").get("gaps")).hasSize(1);

        JsonNode eth = tickers.get(1);
        assertThat(eth.get("count").asLong()).isEqualTo(26 * 60 + 1 - 4);
        assertThat(eth.get("sources").get("live").asLong()).isEqualTo(16 * 60 + 1 - 4);
        assertThat(eth.get("sources").get("backfill").asLong()).isEqualTo(10 * 60);
        JsonNode missing = eth.get("missing_last_24h");
        assertThat(missing.get("slots").asLong()).isEqualTo(4);
        assertThat(missing.get("to").get("timestamp").asLong()).isBetween(
                ethNewest.getEpochSecond() - 60, ethNewest.getEpochSecond());
        assertThat(missing.get("to").get("timestamp").asLong() - missing.get("from").get("timestamp").asLong())
                .isEqualTo(24 * 3600 - 60);
        JsonNode gaps = missing.get("gaps");
        assertThat(gaps).hasSize(2);
        assertThat(gaps.get(0).get("from").get("timestamp").asLong()).isEqualTo(ethNewest.minusSeconds(300 * 60).getEpochSecond());
        assertThat(gaps.get(0).get("slots").asLong()).isEqualTo(1);
        assertThat(gaps.get(1).get("from").get("timestamp").asLong()).isEqualTo(ethNewest.minusSeconds(122 * 60).getEpochSecond());
        assertThat(gaps.get(1).get("to").get("timestamp").asLong()).isEqualTo(ethNewest.minusSeconds(120 * 60).getEpochSecond());
        assertThat(gaps.get(1).get("to").get("time").asText()).isEqualTo(ethNewest.minusSeconds(120 * 60).toString());
        assertThat(gaps.get(1).get("slots").asLong()).isEqualTo(3);
    }

    @Test
    void tickersOfAnEmptyDatabaseHaveNullFirstAndLast() {
        jdbc.update("DELETE FROM index_price");

        JsonNode btcCoverage = HttpTestClient.json(api.get("/tickers")).get(0);

        assertThat(btcCoverage.get("first").isNull()).isTrue();
        assertThat(btcCoverage.get("last").isNull()).isTrue();
        assertThat(btcCoverage.get("count").asLong()).isZero();
        assertThat(btcCoverage.get("sources").toString()).isEqualTo("{}");
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    @Test
    void tickersAnswersJsonOnly() {
        HttpResponse<String> response = api.get("/tickers", "Accept", "text/csv");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(HttpTestClient.json(response).get("status").asInt()).isEqualTo(406);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/candles?ticker=btc&resolution=2h&start=0           | resolution | Accepted: 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w",
            "/candles?ticker=btc&resolution=1M&start=0           | resolution | Accepted: 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w",
            "/candles?ticker=btc&start=0                         | resolution | is required",
            "/candles?ticker=btc&resolution=&start=0             | resolution | must not be empty",
            "/candles?ticker=btc&resolution=1h                   | start      | is required",
            "/candles?resolution=1h&start=0                      | ticker     | is required",
            "/candles?ticker=doge&resolution=1h&start=0          | ticker     | Unknown ticker",
            "/candles?ticker=btc&resolution=1h&start=9&end=8     | start      | after end",
            "/candles?ticker=btc&resolution=1h&start=0&format=xml| format     | neither json nor csv",
            "/candles?ticker=btc&resolution=1h&start=0&limit=0   | limit      | positive whole number",
            "/candles?ticker=btc&resolution=1h&start=0&order=up  | order      | neither asc nor desc",
            "/candles?ticker=btc&resolution=1h&start=0&size=5    | size       | Unknown query parameter",
            "/get_between?ticker=btc&start=1.5.5                 | start      | not a time",
            "/get_between?ticker=btc&start=0.1234567891          | start      | not a time",
            "/get_between?ticker=btc&start=0&format=             | format     | neither json nor csv",
            "/all?ticker=btc&format=tsv                          | format     | neither json nor csv",
            "/tickers?ticker=btc                                 | ticker     | takes no parameters",
    })
    void badInputIsA400ProblemNamingTheParameter(String pathAndQuery, String parameter, String detail) {
        HttpResponse<String> response = api.get(pathAndQuery);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = HttpTestClient.json(response);
        assertThat(problem.get("type").asText()).isEqualTo(Problem.INVALID_PARAMETER);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).contains(detail);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
    }

    // ---- documentation and metrics -----------------------------------------------------------------------------

    @Test
    void theSpecDocumentsCandlesAndTickers() {
        JsonNode paths = HttpTestClient.json(api.get("/api-doc")).get("paths");

        JsonNode candles = paths.get("/candles").get("get");
        assertThat(StreamSupport.stream(candles.get("parameters").spliterator(), false).map(p -> p.get("name").asText()))
                .containsExactlyInAnyOrder("ticker", "resolution", "start", "end", "order", "limit", "format");
        JsonNode resolution = StreamSupport.stream(candles.get("parameters").spliterator(), false)
                .filter(p -> p.get("name").asText().equals("resolution")).findFirst().orElseThrow();
        assertThat(resolution.get("required").asBoolean()).isTrue();
        assertThat(resolution.get("schema").get("enum").toString()).isEqualTo("[\"1m\",\"5m\",\"15m\",\"30m\",\"1h\",\"4h\",\"1d\",\"1w\"]");
        assertThat(candles.get("responses").fieldNames()).toIterable().contains("200", "400", "503");
        assertThat(paths.get("/tickers").get("get").get("responses").fieldNames()).toIterable().contains("200", "503");
        JsonNode end = StreamSupport.stream(paths.get("/get_between").get("get").get("parameters").spliterator(), false)
                .filter(p -> p.get("name").asText().equals("end")).findFirst().orElseThrow();
        assertThat(end.get("required").asBoolean()).isFalse();
    }

    @Test
    void prometheusShowsTheNewestStoredPricePerIndex() {
        // the reading is cached for a few seconds, hence the wait
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = prometheus();
            assertThat(metrics).containsPattern("(?m)^deribit_tracker_index_price\\{.*ticker=\"btc_usd\".*} "
                    + btc.lastEntry().getValue().doubleValue() + "$");
            assertThat(metrics).containsPattern("(?m)^deribit_tracker_index_price\\{.*ticker=\"eth_usd\".*} 3000.5$");
        });
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** OHLC per bucket from the stored rows, computed here without SQL: weeks by the calendar, the rest by division. */
    private List<Map<String, String>> expectedCandles(long width) {
        TreeMap<Long, List<BigDecimal>> buckets = new TreeMap<>();
        btc.forEach((second, price) -> buckets.computeIfAbsent(bucketOf(second, width), b -> new ArrayList<>()).add(price));
        List<Map<String, String>> candles = new ArrayList<>();
        buckets.forEach((start, prices) -> candles.add(Map.of(
                "timestamp", Long.toString(start),
                "open", prices.get(0).toPlainString(),
                "high", prices.stream().max(BigDecimal::compareTo).orElseThrow().toPlainString(),
                "low", prices.stream().min(BigDecimal::compareTo).orElseThrow().toPlainString(),
                "close", prices.get(prices.size() - 1).toPlainString(),
                "samples", Integer.toString(prices.size()))));
        return candles;
    }

    private static long bucketOf(long second, long width) {
        if (width == 604_800) {
            return Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }
        return Math.floorDiv(second, width) * width;
    }

    private String prometheus() throws Exception {
        int managementPort = environment.getProperty("local.management.port", Integer.class, port);
        HttpResponse<String> response = new HttpTestClient(managementPort).as(ADMIN_USER, ADMIN_PASSWORD).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    private static List<Long> timestamps(JsonNode records) {
        return StreamSupport.stream(records.spliterator(), false).map(r -> r.get("timestamp").asLong()).toList();
    }
}
