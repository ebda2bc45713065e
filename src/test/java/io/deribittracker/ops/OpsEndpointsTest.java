package io.deribittracker.ops;

import static io.deribittracker.ops.OpsAccounts.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deribittracker.support.HttpTestClient;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health, info, metrics and the admin login, over real HTTP, on a replica that does not collect (so that the
 * tests alone decide what is in {@code index_price}).
 */
class OpsEndpointsTest extends OpsReplica {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Value("${tracker.spool.directory}")
    Path spool;

    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(managementPort);
        jdbc.update("DELETE FROM index_price");
    }

    private void storeSample(String ticker, Instant slot) {
        jdbc.update("INSERT INTO index_price (ticker, ts, price) VALUES (?, ?, 1.5)", ticker, Timestamp.from(slot));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void healthIsUpWithFreshSamplesAndShowsTheirAgeToTheAdmin() throws Exception {
        Instant slot = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        storeSample("btc_usd", slot.minus(Duration.ofMinutes(1)));
        storeSample("btc_usd", slot);
        storeSample("eth_usd", slot);
        // health reads the database probe's latest reading, at most a probe interval old
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json(asAdmin(http).get("/actuator/health"))
                .at("/components/collector/details/tickers/eth_usd/newestSample").asText()).isEqualTo(slot.toString()));

        // a test before this one may have stopped and restarted a route; its health check follows within a probe
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(http.get("/actuator/health").statusCode())
                .as(asAdmin(http).get("/actuator/health").body()).isEqualTo(200));
        HttpResponse<String> anonymous = http.get("/actuator/health");
        assertThat(json(anonymous).at("/status").asText()).isEqualTo("UP");
        assertThat(json(anonymous).at("/components/collector/status").asText()).isEqualTo("UP");
        assertThat(json(anonymous).at("/components/collector/details").isMissingNode()).as("details only for the admin").isTrue();

        JsonNode collector = json(asAdmin(http).get("/actuator/health")).at("/components/collector");
        assertThat(collector.at("/status").asText()).isEqualTo("UP");
        assertThat(collector.at("/details/collecting").asBoolean()).isFalse();
        assertThat(collector.at("/details/tickers/btc_usd/newestSample").asText()).isEqualTo(slot.toString());
        assertThat(collector.at("/details/tickers/btc_usd/ageSeconds").asLong()).isBetween(0L, 120L);
        assertThat(collector.at("/details/tickers/eth_usd/ageSeconds").asLong()).isBetween(0L, 120L);

        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = http.get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(json(response).at("/status").asText()).as(probe).isEqualTo("UP");
        }
        JsonNode readiness = json(asAdmin(http).get("/actuator/health/readiness"));
        assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/collector").isMissingNode()).as("stale prices must not take the API out of service").isTrue();
    }

    @Test
    void collectorIsDownWhenTheNewestSampleOfAnyIndexIsOlderThanThreeIntervals() throws Exception {
        // default interval 60s: stale after 180s; btc_usd is fresh, eth_usd ten minutes old
        Instant now = Instant.now();
        storeSample("btc_usd", now.truncatedTo(ChronoUnit.MINUTES));
        storeSample("eth_usd", now.minus(Duration.ofMinutes(10)));

        await().atMost(Duration.ofSeconds(10)).until(() -> asAdmin(http).get("/actuator/health").statusCode() == 503);
        HttpResponse<String> health = asAdmin(http).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode collector = json(health).at("/components/collector");
        assertThat(collector.at("/status").asText()).isEqualTo("DOWN");
        assertThat(collector.at("/details/staleAfterSeconds").asLong()).isEqualTo(180);
        assertThat(collector.at("/details/tickers/eth_usd/ageSeconds").asLong()).isBetween(600L, 720L);
        assertThat(collector.at("/details/tickers/btc_usd/ageSeconds").asLong()).isLessThan(180L);

        // still ready: the API goes on serving what is stored
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void infoShowsTickersAndIntervalToAllAndVersionsAndUptimeOnlyToTheAdmin() throws Exception {
        HttpResponse<String> info = http.get("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = json(info);
        assertThat(body.at("/collector/indexNames").toString()).isEqualTo("[\"btc_usd\",\"eth_usd\"]");
        assertThat(body.at("/collector/interval").asText()).isEqualTo("PT1M");
        assertThat(body.at("/collector/intervalSeconds").asLong()).isEqualTo(60);
        // versions tell an attacker which published vulnerabilities apply; uptime when the last patch was applied
        assertThat(info.body()).doesNotContain("version").doesNotContain("uptime").doesNotContain("0.1.0").doesNotContain("4.17");

        JsonNode full = json(asAdmin(http).get("/actuator/info"));
        assertThat(full.at("/build/version").asText()).isEqualTo("0.1.0");
        assertThat(full.path("camel.version").asText()).startsWith("4.");
        assertThat(full.has("camel.uptime")).isTrue();
    }

    @Test
    void prometheusShowsEveryCollectorMeterFromTheStart() {
        // present before anything happened, so that rate() and absence alerts work; the events that move them are
        // exercised end to end by CollectorIT, ExchangeFaultsIT and DatabaseOutageIT
        for (String ticker : new String[] {"btc_usd", "eth_usd"}) {
            assertThat(scrape("deribit_tracker_samples_stored_total", "ticker=\"" + ticker + "\"")).isZero();
        }
        for (String counter : new String[] {"deribit_tracker_reconnects_total", "deribit_tracker_replies_timed_out_total",
                "deribit_tracker_http_fallbacks_total", "deribit_tracker_buffer_overflows_total"}) {
            assertThat(scrape(counter, "")).as(counter).isZero();
        }
    }

    @Test
    void prometheusShowsTheAgeOfTheNewestSamplePerIndex() {
        storeSample("btc_usd", Instant.now().minus(Duration.ofMinutes(5)));
        // eth_usd has no sample: NaN. The gauges show the database probe's latest reading, taken every second, hence
        // the wait; both are judged on one reading taken after this test's rows (a reading from before the DELETE
        // may hold an earlier run's rows)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(scrape("deribit_tracker_newest_sample_age_seconds", "ticker=\"btc_usd\"")).isBetween(300.0, 400.0);
            assertThat(scrape("deribit_tracker_newest_sample_age_seconds", "ticker=\"eth_usd\"")).isNaN();
        });
    }

    @Test
    void prometheusShowsTheDepthOfTheSpool() throws Exception {
        camel.getRouteController().stopRoute("store-index-price");
        Path first = spool.resolve("00000000060000-btc_usd.json");
        Path second = spool.resolve("00000000060000-eth_usd.json");
        try {
            Files.writeString(first, "waiting, removed before anyone reads it");
            Files.writeString(second, "waiting too");
            assertThat(scrape("deribit_tracker_store_queue_depth", "")).isEqualTo(2.0);
        } finally {
            Files.deleteIfExists(first);
            Files.deleteIfExists(second);
            camel.getRouteController().startRoute("store-index-price");
        }
        assertThat(scrape("deribit_tracker_store_queue_depth", "")).isEqualTo(0.0);
    }

    @Test
    void prometheusShowsCamelRouteAndHttpServerMetrics() {
        new HttpTestClient(port).get("/last?ticker=btc");
        String body = asAdmin(http).get("/actuator/prometheus").body();
        assertThat(body).containsPattern("(?m)^camel_exchanges_total\\{.*routeId=\"store-index-price\".*} ");
        assertThat(body).containsPattern("(?m)^camel_exchanges_failed_total\\{.*routeId=\"store-index-price\".*} ");
        assertThat(body).containsPattern("(?m)^camel_routes_running_routes\\{.*} [1-9]");
        // the public port's requests (PublicRequests times them under Spring Boot's meter name and tags)
        assertThat(body).containsPattern("(?m)^http_server_requests_seconds_count\\{.*uri=\"/last\".*} ");
        // and only there: the hot path is not timed twice
        assertThat(body).doesNotContainPattern("(?m)^camel_exchanges_total\\{.*routeId=\"last\".*} ");
    }

    @Test
    void protectedEndpointsAnswer401WithoutLoginAnd200WithBasic() {
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/env",
                "/actuator/loggers", "/actuator/jolokia/version", "/actuator/no-such-endpoint"}) {
            HttpResponse<String> anonymous = http.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"deribit-tracker\"");
            HttpResponse<String> wrong = http.get(path, "Authorization", HttpTestClient.basic(OpsAccounts.ADMIN_USER, "wrong"));
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
        }
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/env",
                "/actuator/loggers", "/actuator/jolokia/version"}) {
            assertThat(asAdmin(http).get(path).statusCode()).as(path).isEqualTo(200);
        }
        // Hawtio's UI shell is public, but not the data behind it: its Jolokia forwarder and its proxy refuse strangers
        assertThat(http.get("/actuator/hawtio/jolokia/read/java.lang:type=Runtime").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/hawtio/proxy/http/127.0.0.1/" + managementPort + "/actuator/env").statusCode()).isIn(401, 403);
    }

    @Test
    void publicPathsNeedNoLoginIgnoreWrongCredentialsAndUnknownPathsAre404Not401() {
        String wrong = HttpTestClient.basic(OpsAccounts.ADMIN_USER, "not-the-password");
        HttpTestClient api = new HttpTestClient(port);
        for (String path : new String[] {"/all?ticker=btc", "/last?ticker=btc", "/docs", "/redoc", "/api-doc"}) {
            assertThat(api.get(path).statusCode()).as(path).isIn(200, 404); // 404: /last before any price is stored
            assertThat(api.get(path, "Authorization", wrong).statusCode()).as(path + " with a wrong password")
                    .isEqualTo(api.get(path).statusCode());
        }
        assertThat(api.get("/all?ticker=btc", "Authorization", wrong).statusCode()).isEqualTo(200);
        assertThat(api.get("/docs", "Authorization", "Bearer nonsense").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/info",
                "/no/such/page"}) {
            int anonymous = http.get(path).statusCode();
            assertThat(anonymous).as(path).isNotIn(401, 403);
            assertThat(http.get(path, "Authorization", wrong).statusCode()).as(path + " with a wrong password").isEqualTo(anonymous);
            assertThat(http.get(path, "Authorization", "Bearer nonsense").statusCode()).as(path + " with a token").isEqualTo(anonymous);
        }
        assertThat(http.get("/no/such/page").statusCode()).isEqualTo(404);
        // CSRF protection must not answer for the public API: whatever answers POST /all, it is not Spring Security
        HttpResponse<String> post = api.send("POST", "/all");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void hawtioLoginPageAcceptsTheAdminCredentialsAndItsSessionReachesJolokia() throws Exception {
        assertThat(http.get("/actuator/hawtio/index.html").statusCode()).isEqualTo(200);
        JsonNode loginConfig = json(http.get("/actuator/hawtio/auth/config/login"));
        assertThat(loginConfig.at("/0/url").asText()).isEqualTo("/actuator/hawtio/auth/login");
        // who is logged in: nobody, said without a failed request (the UI then shows its login page)
        HttpResponse<String> nobody = http.get("/actuator/hawtio/user");
        assertThat(nobody.statusCode()).isEqualTo(204);
        assertThat(nobody.body()).isEmpty();

        assertThat(http.postJson("/actuator/hawtio/auth/login",
                "{\"username\":\"" + OpsAccounts.ADMIN_USER + "\",\"password\":\"wrong\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> login = http.postJson("/actuator/hawtio/auth/login",
                "{\"username\":\"" + OpsAccounts.ADMIN_USER + "\",\"password\":\"" + OpsAccounts.ADMIN_PASSWORD + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(cookie).startsWith("JSESSIONID=");
        assertThat(http.get("/actuator/hawtio/user", "Cookie", cookie).body()).isEqualToIgnoringWhitespace("\"" + OpsAccounts.ADMIN_USER + "\"");

        // what the Camel tab asks for: the route MBeans, over Jolokia, with nothing but the session cookie
        HttpResponse<String> routes = http.postJson("/actuator/jolokia",
                "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}", "Cookie", cookie);
        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(json(routes).at("/value").toString()).contains("name=\\\"store-index-price\\\"");
        assertThat(http.get("/actuator/prometheus", "Cookie", cookie).statusCode()).isEqualTo(200);

        http.get("/actuator/hawtio/auth/logout", "Cookie", cookie);
        assertThat(http.postJson("/actuator/jolokia", "{\"type\":\"version\"}", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void jolokiaLetsTheAdminReadAndControlRoutesButNotSendMessagesNorWrite() throws Exception {
        String camelContext = json(postAsAdmin("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=context,*\"}"))
                .at("/value/0").asText();
        String route = json(postAsAdmin("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}"))
                .at("/value/0").asText();
        // what Hawtio's Camel tab does: read, dump the routes for the diagram
        assertThat(json(postAsAdmin(exec(camelContext, "dumpRoutesAsXml()"))).at("/status").asInt()).isEqualTo(200);
        assertThat(json(postAsAdmin("{\"type\":\"read\",\"mbean\":" + JSON.writeValueAsString(route)
                + ",\"attribute\":\"State\"}")).at("/status").asInt()).isEqualTo(200);
        // any message to any endpoint (SQL through camel-jdbc, HTTP anywhere) is refused, even to the admin
        for (String operation : new String[] {"requestBody(java.lang.String,java.lang.Object)",
                "sendBody(java.lang.String,java.lang.Object)", "sendStringBody(java.lang.String,java.lang.String)"}) {
            HttpResponse<String> response = postAsAdmin(exec(camelContext, operation, "jdbc:dataSource", "DELETE FROM index_price"));
            // Jolokia's own envelope, as Hawtio's client reads it: HTTP 200, the refusal in its status; not problem+json
            assertThat(response.statusCode()).as(operation).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(operation)
                    .doesNotContain("problem+json");
            JsonNode denied = json(response);
            assertThat(denied.at("/status").asInt()).as(operation).isEqualTo(403);
            assertThat(denied.at("/error").asText()).as(operation).contains("forbidden");
        }
        // and so is any attribute write
        JsonNode write = json(postAsAdmin("{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":true}"));
        assertThat(write.at("/status").asInt()).isEqualTo(403);

        // another site's page may not read Jolokia with the admin's credentials: its Origin is never echoed
        HttpResponse<String> crossOrigin = asAdmin(http).get("/actuator/jolokia/version", "Origin", "https://evil.example");
        assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void theAdminStopsAndStartsARouteThroughJolokiaAndReadinessFollowsTheApiRoutes() throws Exception {
        String tickers = json(postAsAdmin("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,name=\\\"tickers\\\",*\"}"))
                .at("/value/0").asText();
        try {
            // Hawtio's Camel tab stops a route: allowed by the access policy, and the API that route serves is not ready
            assertThat(json(postAsAdmin(exec(tickers, "stop()"))).at("/status").asInt()).isEqualTo(200);
            Instant asked = Instant.now();
            HttpResponse<String> readiness = http.get("/actuator/health/readiness");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(2));
            assertThat(readiness.statusCode()).isEqualTo(503);
            JsonNode routes = json(asAdmin(http).get("/actuator/health/readiness")).at("/components/apiRoutes");
            assertThat(routes.at("/status").asText()).isEqualTo("DOWN");
            assertThat(routes.at("/details/routes/tickers").asText()).isEqualTo("Stopped");
        } finally {
            assertThat(json(postAsAdmin(exec(tickers, "start()"))).at("/status").asInt()).isEqualTo(200);
        }
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(new HttpTestClient(port).get("/tickers").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherSitesPageCannotRideOnTheAdminsBrowserCredentials() {
        // a browser that logged in with Basic sends the credentials to whatever page asks; Sec-Fetch-Site says who asked
        String jolokia = "/actuator/jolokia/version";
        HttpResponse<String> crossSite = asAdmin(http).get(jolokia, "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(asAdmin(http).get(jolokia, "Sec-Fetch-Site", "same-site").statusCode()).isEqualTo(403);
        // Hawtio's own calls, a typed address, and clients that are not browsers
        assertThat(asAdmin(http).get(jolokia, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        assertThat(asAdmin(http).get(jolokia, "Sec-Fetch-Site", "none").statusCode()).isEqualTo(200);
        assertThat(asAdmin(http).get(jolokia).statusCode()).isEqualTo(200);
        // public paths are for every site
        assertThat(http.get("/actuator/health/liveness", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> postAsAdmin(String json) {
        return asAdmin(http).postJson("/actuator/jolokia", json);
    }

    private static String exec(String mbean, String operation, String... arguments) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("type", "exec", "mbean", mbean, "operation", operation,
                "arguments", java.util.List.of((Object[]) arguments)));
    }

    @Test
    void secretsAreNeitherInEnvNorInInfo() {
        String env = asAdmin(http).get("/actuator/env").body();
        String info = http.get("/actuator/info").body();
        String configprops = asAdmin(http).get("/actuator/env/admin.password").body();
        for (String body : new String[] {env, info, configprops}) {
            assertThat(body).doesNotContain(OpsAccounts.ADMIN_PASSWORD).doesNotContain(OpsAccounts.DB_PASSWORD);
        }
        assertThat(env).contains("admin.password").contains("******");
    }

    @Test
    void overlongRequestsAreRefusedWithoutHarm() {
        String longQuery = "/last?ticker=" + "a".repeat(40_000);
        assertThat(http.get(longQuery).statusCode()).isIn(400, 414);
        assertThat(http.get("/actuator/health", "X-Padding", "b".repeat(40_000)).statusCode()).isIn(400, 431);
        // still serving; liveness, because the overall health follows the samples other tests leave for a second
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    /** The value of one Prometheus sample whose labels contain {@code labels}. */
    private double scrape(String name, String labels) {
        double value = scrapeOrZero(name, labels, true);
        return value;
    }

    private double scrapeOrZero(String name, String labels) {
        return scrapeOrZero(name, labels, false);
    }

    private double scrapeOrZero(String name, String labels, boolean required) {
        HttpResponse<String> response = asAdmin(http).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(response.body());
        while (matcher.find()) {
            if (matcher.group(1).contains(labels)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        if (required) {
            throw new AssertionError(name + "{" + labels + "} not in the scrape");
        }
        return 0;
    }
}
