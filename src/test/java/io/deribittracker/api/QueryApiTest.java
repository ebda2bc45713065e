package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.deribittracker.support.HttpTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query API over real HTTP against a real PostgreSQL, as an API-only replica (collector off). Data: ten minutes
 * of btc_usd from 2026-11-24T10:00Z, three of eth_usd, and nothing yet for the configured sol_usd.
 */
class QueryApiTest extends ApiReplica {

    /** 2026-11-24T10:00:00Z */
    static final long T0 = 1_795_514_400L;
    /** btc_usd prices by minute: trailing zeros and more digits than a double holds must come back as stored */
    static final List<String> BTC = List.of("91234.56", "91235.50", "91236", "91230.01", "91229.99",
            "91231.5", "91232.25", "91233.75", "91240.125", "91243.123456789012345678");

    @BeforeEach
    void seed() {
        jdbc.update("DELETE FROM index_price");
        List<Object[]> rows = new ArrayList<>();
        for (int minute = 0; minute < BTC.size(); minute++) {
            rows.add(row("btc_usd", minute, BTC.get(minute)));
        }
        for (int minute = 0; minute < 3; minute++) {
            rows.add(row("eth_usd", minute, "3000." + minute));
        }
        jdbc.batchUpdate("INSERT INTO index_price (ticker, ts, price) VALUES (?, ?, ?)", rows);
    }

    private static Object[] row(String ticker, int minute, String price) {
        return new Object[] {ticker, Timestamp.from(Instant.ofEpochSecond(T0 + 60L * minute)), new BigDecimal(price)};
    }

    // ---- the contract -------------------------------------------------------------------------------------------

    @Test
    void lastIsTheNewestRecordWithTheExactStoredPrice() {
        HttpResponse<String> response = api.get("/last?ticker=btc_usd");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"ticker\":\"btc_usd\",\"price\":91243.123456789012345678,"
                + "\"timestamp\":1795514940,\"time\":\"2026-11-24T10:09:00Z\",\"source\":\"live\"}");
    }

    @ParameterizedTest(name = "ticker={0}")
    @ValueSource(strings = {"btc_usd", "BTC_USD", "Btc_Usd", "btc", "BTC", "bTc"})
    void tickerIsCaseInsensitiveAndTakesTheCurrencyCodeButAnswersWithTheIndexName(String ticker) {
        JsonNode last = HttpTestClient.json(api.get("/last?ticker=" + ticker));

        assertThat(last.get("ticker").asText()).isEqualTo("btc_usd");
        assertThat(last.get("timestamp").asLong()).isEqualTo(T0 + 9 * 60);
    }

    /**
     * /last keeps its answer until the database announces a newer price (NOTIFY). A row stored by another replica
     * (here: this test, straight into the table) must show within 250 ms of its commit, every time; without the
     * notification it would take the fallback expiry, seconds.
     */
    @Test
    void lastShowsANewPriceWithin250MillisecondsOfItsCommit() {
        List<Long> delays = new ArrayList<>();
        for (int minute = 3; minute < 8; minute++) {
            long slot = T0 + 60L * minute;
            // kept: asked twice, the second from what /last keeps
            api.get("/last?ticker=eth");
            assertThat(HttpTestClient.json(api.get("/last?ticker=eth")).get("timestamp").asLong()).isEqualTo(slot - 60);

            jdbc.update("INSERT INTO index_price (ticker, ts, price) VALUES (?, ?, ?)", row("eth_usd", minute, "3000.3"));
            long committed = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                    assertThat(HttpTestClient.json(api.get("/last?ticker=eth")).get("timestamp").asLong()).isEqualTo(slot));
            delays.add(Duration.ofNanos(System.nanoTime() - committed).toMillis());
        }
        assertThat(delays).as("milliseconds from commit to /last").allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(250));
    }

    /** Both live collection paths (ws, http) are "live" to a client; back-filled and demo rows say so. */
    @ParameterizedTest(name = "stored {0} -> {1}")
    @CsvSource({"ws, live", "http, live", "backfill, backfill", "demo, demo"})
    void everyRecordSaysWhereItsPriceCameFrom(String stored, String shown) {
        jdbc.update("UPDATE index_price SET source = ? WHERE ticker = 'eth_usd'", stored);

        assertThat(HttpTestClient.json(api.get("/last?ticker=eth")).get("source").asText()).isEqualTo(shown);
        assertThat(HttpTestClient.json(api.get("/all?ticker=eth")).findValuesAsText("source")).containsOnly(shown);
        assertThat(api.get("/all?ticker=eth&limit=1", "Accept", "text/csv").body()).endsWith("," + shown + "\r\n");
    }

    /** The wire format (PriceRows) and the documented schema (PriceRecord) are two views of one record. */
    @Test
    void everyRecordHasExactlyTheMembersOfTheDocumentedSchema() {
        List<String> documented = java.util.Arrays.stream(PriceRecord.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();

        for (JsonNode record : List.of(HttpTestClient.json(api.get("/last?ticker=btc")), HttpTestClient.json(api.get("/all?ticker=btc")).get(0))) {
            List<String> members = new ArrayList<>();
            record.fieldNames().forEachRemaining(members::add);
            assertThat(members).isEqualTo(documented);
        }
        JsonNode source = HttpTestClient.json(api.get("/api-doc")).at("/components/schemas/PriceRecord/properties/source");
        assertThat(source.get("enum")).extracting(JsonNode::asText).containsExactly("live", "backfill", "demo");
    }

    @Test
    void lastOfATickerWithoutDataIsA404Problem() {
        HttpResponse<String> response = api.get("/last?ticker=SOL");

        assertProblem(response, 404, "ticker", "sol_usd");
    }

    @Test
    void allListsEveryRecordOfTheTickerOldestFirstByDefault() {
        HttpResponse<String> response = api.get("/all?ticker=eth");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("["
                + "{\"ticker\":\"eth_usd\",\"price\":3000.0,\"timestamp\":1795514400,\"time\":\"2026-11-24T10:00:00Z\",\"source\":\"live\"},"
                + "{\"ticker\":\"eth_usd\",\"price\":3000.1,\"timestamp\":1795514460,\"time\":\"2026-11-24T10:01:00Z\",\"source\":\"live\"},"
                + "{\"ticker\":\"eth_usd\",\"price\":3000.2,\"timestamp\":1795514520,\"time\":\"2026-11-24T10:02:00Z\",\"source\":\"live\"}]");
    }

    @Test
    void allKeepsEveryStoredDigitOfEveryPrice() {
        JsonNode all = HttpTestClient.json(api.get("/all?ticker=btc_usd&order=asc"));

        assertThat(all).hasSize(BTC.size());
        List<String> prices = StreamSupport.stream(all.spliterator(), false).map(r -> r.get("price").toString()).toList();
        assertThat(prices).isEqualTo(BTC);
    }

    @Test
    void allNewestFirstWithALimit() {
        JsonNode all = HttpTestClient.json(api.get("/all?ticker=BTC&order=desc&limit=3"));

        assertThat(timestamps(all)).containsExactly(T0 + 540, T0 + 480, T0 + 420);
    }

    @Test
    void allOfATickerWithoutDataIsAnEmptyArray() {
        HttpResponse<String> response = api.get("/all?ticker=sol_usd");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void getBetweenIncludesBothBounds() {
        JsonNode between = HttpTestClient.json(api.get("/get_between?ticker=btc_usd&start=" + (T0 + 120) + "&end=" + (T0 + 240)));

        assertThat(timestamps(between)).containsExactly(T0 + 120, T0 + 180, T0 + 240);
        assertThat(between.get(0).get("time").asText()).isEqualTo("2026-11-24T10:02:00Z");
    }

    @Test
    void getBetweenWithStartEqualToEndIsThatOneSlot() {
        JsonNode between = HttpTestClient.json(api.get("/get_between?ticker=btc_usd&start=" + T0 + "&end=" + T0));

        assertThat(timestamps(between)).containsExactly(T0);
    }

    @Test
    void getBetweenOrderAndLimit() {
        JsonNode between = HttpTestClient.json(api.get("/get_between?ticker=btc_usd&start=" + T0 + "&end=" + (T0 + 540)
                + "&order=desc&limit=2"));

        assertThat(timestamps(between)).containsExactly(T0 + 540, T0 + 480);
    }

    @Test
    void getBetweenWithNothingInTheWindowIsAnEmptyArray() {
        HttpResponse<String> response = api.get("/get_between?ticker=btc_usd&start=2026-11-25&end=2026-11-26");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    /** Each form names 10:02Z as start (end is 10:03Z), so exactly two rows must come back. */
    @ParameterizedTest(name = "start={0}")
    @CsvSource(delimiter = '|', value = {
            "1795514520                    | UNIX seconds",
            "2026-11-24T10:02:00Z          | ISO-8601 UTC",
            "2026-11-24T13:02:00%2B03:00   | offset, encoded",
            "2026-11-24T13:02:00+03:00     | offset, the + unencoded (arrives as a space)",
            "2026-11-24T05:02:00-05:00     | negative offset",
            "2026-11-24T10:01:59.5Z        | fractional seconds",
            "2026-11-24T10:02:00           | no zone: UTC",
            "2026-11-24%2010:02:00         | space instead of T",
            "2026-11-24+10:02:00           | space instead of T, sent as +",
    })
    void getBetweenUnderstandsEveryTimeForm(String start, String form) {
        HttpResponse<String> response = api.get("/get_between?ticker=btc&start=" + start + "&end=2026-11-24T10:03:00Z");

        assertThat(response.statusCode()).as(form).isEqualTo(200);
        assertThat(timestamps(HttpTestClient.json(response))).as(form).containsExactly(T0 + 120, T0 + 180);
    }

    @Test
    void getBetweenTakesADateAsMidnightUtc() {
        JsonNode between = HttpTestClient.json(api.get("/get_between?ticker=btc&start=2026-11-24&end=2026-11-24T10:00:00Z"));

        assertThat(timestamps(between)).containsExactly(T0);
    }

    @Test
    void csvOnRequestForAll() {
        HttpResponse<String> response = api.get("/all?ticker=eth&limit=2", "Accept", "text/csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(response.body()).isEqualTo("ticker,timestamp,time,price,source\r\n"
                + "eth_usd,1795514400,2026-11-24T10:00:00Z,3000.0,live\r\n"
                + "eth_usd,1795514460,2026-11-24T10:01:00Z,3000.1,live\r\n");
    }

    @Test
    void csvOnRequestForGetBetween() {
        HttpResponse<String> response = api.get("/get_between?ticker=btc&start=" + (T0 + 540) + "&end=" + (T0 + 540),
                "Accept", "text/csv");

        assertThat(response.body()).isEqualTo("ticker,timestamp,time,price,source\r\n"
                + "btc_usd,1795514940,2026-11-24T10:09:00Z,91243.123456789012345678,live\r\n");
    }

    @Test
    void csvOfNothingIsTheHeaderLine() {
        HttpResponse<String> response = api.get("/all?ticker=sol", "Accept", "text/csv");

        assertThat(response.body()).isEqualTo("ticker,timestamp,time,price,source\r\n");
    }

    // ---- errors ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/last                                         | ticker | is required",
            "/all?order=desc                               | ticker | is required",
            "/get_between?start=0&end=1                    | ticker | is required",
            "/last?ticker=                                 | ticker | must not be empty",
            "/all?ticker                                   | ticker | must not be empty",
            "/last?ticker=btc&ticker=eth                   | ticker | more than once",
            "/all?ticker=btc&ticker=btc                    | ticker | more than once",
            "/last?ticker=xrp                              | ticker | btc_usd, eth_usd, sol_usd",
            "/all?ticker=usd                               | ticker | BTC, ETH, SOL",
            "/last?tickr=btc                               | tickr  | Unknown query parameter",
            "/last?ticker=btc&limit=1                      | limit  | Unknown query parameter",
            "/all?ticker=btc&lmit=5                        | lmit   | Unknown query parameter",
            "/all?ticker=btc&limit=0                       | limit  | positive whole number",
            "/all?ticker=btc&limit=-3                      | limit  | positive whole number",
            "/all?ticker=btc&limit=ten                     | limit  | positive whole number",
            "/all?ticker=btc&limit=2.5                     | limit  | positive whole number",
            "/all?ticker=btc&limit=                        | limit  | positive whole number",
            "/all?ticker=btc&limit=99999999999999999999    | limit  | larger than",
            "/all?ticker=btc&order=newest                  | order  | neither asc nor desc",
            "/get_between?ticker=btc&order=up&start=0&end=1| order  | neither asc nor desc",
            "/get_between?ticker=btc&end=1                 | start  | is required",
            "/get_between?ticker=btc&start=&end=1          | start  | must not be empty",
            "/get_between?ticker=btc&start=soon&end=1      | start  | 2026-11-24 10:00:00",
            "/get_between?ticker=btc&start=0&end=2026-02-30| end    | not a valid date",
            "/get_between?ticker=btc&start=0&end=1795514400000 | end | out of range",
            "/get_between?ticker=btc&start=-60&end=0       | start  | out of range",
            "/get_between?ticker=btc&start=20&end=10       | start  | after end",
            "/get_between?ticker=btc&start=0&end=1&end=2   | end    | more than once",
    })
    void badInputIsA400ProblemNamingTheParameter(String pathAndQuery, String parameter, String detail) {
        assertProblem(api.get(pathAndQuery), 400, parameter, detail);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        HttpResponse<String> response = api.get("/getbetween?ticker=btc");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = HttpTestClient.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.has("type")).isTrue();
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void otherMethodsAre405ProblemsThatSayWhatIsAllowed(String method) {
        HttpResponse<String> response = api.send(method, "/all?ticker=btc");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(HttpTestClient.json(response).get("status").asInt()).isEqualTo(405);
    }

    @Test
    void anAcceptTheApiCannotMeetIsA406Problem() {
        HttpResponse<String> csvOfOne = api.get("/last?ticker=btc", "Accept", "text/csv");
        HttpResponse<String> html = api.get("/all?ticker=btc", "Accept", "text/html");

        for (HttpResponse<String> response : List.of(csvOfOne, html)) {
            assertThat(response.statusCode()).isEqualTo(406);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(HttpTestClient.json(response).get("status").asInt()).isEqualTo(406);
        }
    }

    @Test
    void noRequestHeaderOrParameterIsEchoedInAResponse() {
        for (String pathAndQuery : List.of("/last?ticker=btc", "/all?ticker=btc&limit=1", "/last?ticker=xrp",
                "/nowhere", "/api-doc")) {
            HttpResponse<String> response = api.get(pathAndQuery, "X-Echo-Probe", "probe-value-1",
                    "Cookie", "session=probe-value-2", "Authorization", "Bearer probe-value-3");

            assertThat(response.headers().map()).as(pathAndQuery)
                    .doesNotContainKeys("x-echo-probe", "cookie", "authorization", "ticker", "limit", "accept", "user-agent");
            assertThat(response.headers().map().values().toString()).as(pathAndQuery).doesNotContain("probe-value");
        }
    }

    // ---- documentation -----------------------------------------------------------------------------------------

    @Test
    void theSpecDeclaresTheThreeOperationsEachWithARequiredTicker() {
        HttpResponse<String> response = api.get("/api-doc");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode spec = HttpTestClient.json(response);
        assertThat(spec.get("openapi").asText()).startsWith("3.");
        for (String path : List.of("/all", "/last", "/get_between")) {
            JsonNode get = spec.get("paths").get(path).get("get");
            assertThat(get).as(path).isNotNull();
            JsonNode ticker = StreamSupport.stream(get.get("parameters").spliterator(), false)
                    .filter(p -> p.get("name").asText().equals("ticker")).findFirst().orElseThrow();
            assertThat(ticker.get("in").asText()).isEqualTo("query");
            assertThat(ticker.get("required").asBoolean()).as(path + " ticker required").isTrue();
            assertThat(ticker.get("example").asText()).isEqualTo("btc_usd");
            assertThat(get.get("responses").fieldNames()).toIterable().as(path).contains("200", "400", "503");
        }
        JsonNode between = spec.get("paths").get("/get_between").get("get").get("parameters");
        assertThat(StreamSupport.stream(between.spliterator(), false)
                .filter(p -> p.get("name").asText().equals("start"))
                .allMatch(p -> p.get("required").asBoolean())).isTrue();
        assertThat(spec.get("paths").get("/last").get("get").get("responses").has("404")).isTrue();
    }

    /** ReDoc's sidebar and Swagger UI's list show the summary: a few words, not the whole description. */
    @Test
    void everyOperationHasAShortSummary() {
        JsonNode paths = HttpTestClient.json(api.get("/api-doc")).get("paths");
        assertThat(paths.size()).as("operations in the document").isEqualTo(5);
        for (String path : List.of("/all", "/last", "/get_between", "/candles", "/tickers")) {
            String summary = paths.get(path).get("get").get("summary").asText();
            assertThat(summary).as(path).isNotBlank().hasSizeLessThanOrEqualTo(50).doesNotContain(". ");
        }
        assertThat(HttpTestClient.json(api.get("/api-doc")).at("/info/version").asText()).isNotEqualTo("1");
    }

    @Test
    void theSpecNamesAServerTheClientCanReach() {
        JsonNode servers = HttpTestClient.json(api.get("/api-doc")).get("servers");

        assertThat(servers.get(0).get("url").asText()).isEqualTo("http://127.0.0.1:" + port);
    }

    @Test
    void theSpecIsAlsoServedAsYaml() {
        HttpResponse<String> response = api.get("/api-doc/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("yaml"));
        assertThat(response.body()).contains("openapi: 3.").contains("/get_between:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/docs  | /webjars/swagger-ui/swagger-ui-bundle.js",
            "/redoc | /webjars/redoc/bundles/redoc.standalone.js",
    })
    void theDocumentationPagesLoadTheSpecWithScriptsFromTheApplicationItself(String page, String script) {
        HttpResponse<String> response = api.get(page);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(script).doesNotContain("https://");
        assertThat(api.get(script).statusCode()).isEqualTo(200);
        String pageAndInitializer = response.body() + (page.equals("/docs") ? api.get("/docs/swagger-initializer.js").body() : "");
        assertThat(pageAndInitializer).contains("/api-doc");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static List<Long> timestamps(JsonNode records) {
        return StreamSupport.stream(records.spliterator(), false).map(r -> r.get("timestamp").asLong()).toList();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String parameter, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = HttpTestClient.json(response);
        assertThat(problem.get("type").asText()).startsWith("urn:deribit-tracker:problem:");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).contains(detail);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
    }
}
