package io.deribittracker.ops;

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
import io.deribittracker.support.TestDatabase;
import io.deribittracker.support.TestDirectories;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Health, info, metrics and the admin login, over real HTTP, on a replica that does not collect (so that the
 * tests alone decide what is in {@code index_price}).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests switch the Prometheus registry off unless asked
@DisableJmx(false) // Hawtio's Camel tab reads Camel's MBeans; camel-test switches them off unless asked
class OpsEndpointsTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("ops"));
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", () -> OpsTestSupport.DB_PASSWORD);
        registry.add("collector.enabled", () -> "false");
        String spool = TestDirectories.create("ops-spool").toString();
        registry.add("tracker.spool.directory", () -> spool);
        registry.add("admin.user", () -> OpsTestSupport.ADMIN_USER);
        registry.add("admin.password", () -> OpsTestSupport.ADMIN_PASSWORD);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CollectorMetrics metrics;

    @Autowired
    CamelContext camel;

    @Value("${tracker.spool.directory}")
    Path spool;

    OpsTestSupport http;

    @BeforeEach
    void setUp() {
        http = new OpsTestSupport(port);
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

        HttpResponse<String> anonymous = http.get("/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json(anonymous).at("/status").asText()).isEqualTo("UP");
        assertThat(json(anonymous).at("/components/collector/status").asText()).isEqualTo("UP");
        assertThat(json(anonymous).at("/components/collector/details").isMissingNode()).as("details only for the admin").isTrue();

        JsonNode collector = json(http.getAsAdmin("/actuator/health")).at("/components/collector");
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
        JsonNode readiness = json(http.getAsAdmin("/actuator/health/readiness"));
        assertThat(readiness.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/collector").isMissingNode()).as("stale prices must not take the API out of service").isTrue();
    }

    @Test
    void collectorIsDownWhenTheNewestSampleOfAnyIndexIsOlderThanThreeIntervals() throws Exception {
        // default interval 60s: stale after 180s; btc_usd is fresh, eth_usd ten minutes old
        Instant now = Instant.now();
        storeSample("btc_usd", now.truncatedTo(ChronoUnit.MINUTES));
        storeSample("eth_usd", now.minus(Duration.ofMinutes(10)));

        HttpResponse<String> health = http.getAsAdmin("/actuator/health");
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
    void infoShowsVersionTickersAndInterval() throws Exception {
        HttpResponse<String> info = http.get("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = json(info);
        assertThat(body.at("/build/version").asText()).isEqualTo("0.1.0");
        assertThat(body.at("/collector/indexNames").toString()).isEqualTo("[\"btc_usd\",\"eth_usd\"]");
        assertThat(body.at("/collector/interval").asText()).isEqualTo("PT1M");
        assertThat(body.at("/collector/intervalSeconds").asLong()).isEqualTo(60);
    }

    @Test
    void prometheusShowsTheCollectorMetersWithTheirTags() {
        double btcBefore = scrape("deribit_tracker_samples_stored_total", "ticker=\"btc_usd\"");
        double code10028Before = scrapeOrZero("deribit_tracker_exchange_errors_total", "code=\"10028\"");
        double reconnectsBefore = scrape("deribit_tracker_reconnects_total", "");
        double timeoutsBefore = scrape("deribit_tracker_replies_timed_out_total", "");
        double fallbacksBefore = scrape("deribit_tracker_http_fallbacks_total", "");
        double overflowsBefore = scrape("deribit_tracker_buffer_overflows_total", "");

        metrics.sampleStored("btc_usd");
        metrics.sampleStored("btc_usd");
        metrics.exchangeError(10028);
        metrics.reconnected();
        metrics.replyTimedOut();
        metrics.httpFallback();
        metrics.bufferOverflow();

        assertThat(scrape("deribit_tracker_samples_stored_total", "ticker=\"btc_usd\"")).isEqualTo(btcBefore + 2);
        assertThat(scrape("deribit_tracker_exchange_errors_total", "code=\"10028\"")).isEqualTo(code10028Before + 1);
        assertThat(scrape("deribit_tracker_reconnects_total", "")).isEqualTo(reconnectsBefore + 1);
        assertThat(scrape("deribit_tracker_replies_timed_out_total", "")).isEqualTo(timeoutsBefore + 1);
        assertThat(scrape("deribit_tracker_http_fallbacks_total", "")).isEqualTo(fallbacksBefore + 1);
        assertThat(scrape("deribit_tracker_buffer_overflows_total", "")).isEqualTo(overflowsBefore + 1);
        // every configured index is there from the start
        assertThat(scrape("deribit_tracker_samples_stored_total", "ticker=\"eth_usd\"")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void prometheusShowsTheAgeOfTheNewestSamplePerIndex() {
        storeSample("btc_usd", Instant.now().minus(Duration.ofMinutes(5)));
        // eth_usd has no sample: NaN. The reading is cached for a few seconds, hence the wait.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(scrape("deribit_tracker_newest_sample_age_seconds", "ticker=\"btc_usd\"")).isBetween(300.0, 400.0));
        assertThat(scrape("deribit_tracker_newest_sample_age_seconds", "ticker=\"eth_usd\"")).isNaN();
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
        http.get("/actuator/health");
        String body = http.getAsAdmin("/actuator/prometheus").body();
        assertThat(body).containsPattern("(?m)^camel_exchanges_total\\{.*routeId=\"store-index-price\".*} ");
        assertThat(body).containsPattern("(?m)^camel_exchanges_failed_total\\{.*routeId=\"store-index-price\".*} ");
        assertThat(body).containsPattern("(?m)^camel_routes_running_routes\\{.*} [1-9]");
        assertThat(body).containsPattern("(?m)^http_server_requests_seconds_count\\{.*uri=\"/actuator/health\".*} ");
    }

    @Test
    void protectedEndpointsAnswer401WithoutLoginAnd200WithBasic() {
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/env",
                "/actuator/loggers", "/actuator/jolokia/version", "/actuator/no-such-endpoint"}) {
            HttpResponse<String> anonymous = http.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"deribit-tracker\"");
            HttpResponse<String> wrong = http.get(path, "Authorization", OpsTestSupport.basic(OpsTestSupport.ADMIN_USER, "wrong"));
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
        }
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/env",
                "/actuator/loggers", "/actuator/jolokia/version"}) {
            assertThat(http.getAsAdmin(path).statusCode()).as(path).isEqualTo(200);
        }
        // Hawtio's UI shell is public, but not the data behind it: its Jolokia forwarder and its proxy refuse strangers
        assertThat(http.get("/actuator/hawtio/jolokia/read/java.lang:type=Runtime").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/hawtio/proxy/http/127.0.0.1/" + port + "/actuator/env").statusCode()).isIn(401, 403);
    }

    @Test
    void publicPathsNeedNoLoginAndUnknownPathsAre404Not401() {
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(http.get("/no/such/page").statusCode()).isEqualTo(404);
        // CSRF protection must not answer for the public API: whatever answers POST /all, it is not Spring Security
        HttpResponse<String> post = http.send(http.request("/all").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void hawtioLoginPageAcceptsTheAdminCredentialsAndItsSessionReachesJolokia() throws Exception {
        assertThat(http.get("/actuator/hawtio/index.html").statusCode()).isEqualTo(200);
        JsonNode loginConfig = json(http.get("/actuator/hawtio/auth/config/login"));
        assertThat(loginConfig.at("/0/url").asText()).isEqualTo("/actuator/hawtio/auth/login");

        assertThat(http.postJson("/actuator/hawtio/auth/login",
                "{\"username\":\"" + OpsTestSupport.ADMIN_USER + "\",\"password\":\"wrong\"}", null).statusCode()).isEqualTo(403);

        HttpResponse<String> login = http.postJson("/actuator/hawtio/auth/login",
                "{\"username\":\"" + OpsTestSupport.ADMIN_USER + "\",\"password\":\"" + OpsTestSupport.ADMIN_PASSWORD + "\"}", null);
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertThat(cookie).startsWith("JSESSIONID=");

        // what the Camel tab asks for: the route MBeans, over Jolokia, with nothing but the session cookie
        HttpResponse<String> routes = http.postJson("/actuator/jolokia",
                "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}", cookie);
        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(json(routes).at("/value").toString()).contains("name=\\\"store-index-price\\\"");
        assertThat(http.get("/actuator/prometheus", "Cookie", cookie).statusCode()).isEqualTo(200);

        http.get("/actuator/hawtio/auth/logout", "Cookie", cookie);
        assertThat(http.postJson("/actuator/jolokia", "{\"type\":\"version\"}", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void secretsAreNeitherInEnvNorInInfo() {
        String env = http.getAsAdmin("/actuator/env").body();
        String info = http.get("/actuator/info").body();
        String configprops = http.getAsAdmin("/actuator/env/admin.password").body();
        for (String body : new String[] {env, info, configprops}) {
            assertThat(body).doesNotContain(OpsTestSupport.ADMIN_PASSWORD).doesNotContain(OpsTestSupport.DB_PASSWORD);
        }
        assertThat(env).contains("admin.password").contains("******");
    }

    @Test
    void overlongRequestsAreRefusedWithoutHarm() {
        String longQuery = "/last?ticker=" + "a".repeat(40_000);
        assertThat(http.get(longQuery).statusCode()).isIn(400, 414);
        assertThat(http.get("/actuator/health", "X-Padding", "b".repeat(40_000)).statusCode()).isIn(400, 431);
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
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
        HttpResponse<String> response = http.getAsAdmin("/actuator/prometheus");
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
