package io.deribittracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.TestDatabase;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chart page at {@code /} in Debian's headless Chromium, against an API-only replica on seeded data: three days of
 * btc_usd minutes (with a 20-minute gap and a back-filled stretch), two hours of eth_usd, and nothing for sol_usd.
 * Where Chromium is missing the tests are skipped with a line on the console ({@link ChromiumOrSkip}).
 */
@CamelSpringBootTest
// no logging settings here: log levels are global to the JVM, and this context stays cached beside the next test
// class in the same Failsafe fork (a root level of WARN once hid the INFO lines BackfillIT waits for)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ChromiumOrSkip
class ChartPageIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void apiOnly(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("chart"));
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("collector.enabled", () -> "false");
        registry.add("collector.index-names", () -> "btc_usd,eth_usd,sol_usd");
    }

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** the newest seeded btc_usd slot: two minutes ago, so that the test can store a newer one that is not in the future */
    Instant btcNewest;

    @BeforeAll
    static void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions()
                .setBinary(ChromiumOrSkip.CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ChromiumOrSkip.CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void seed() {
        jdbc.update("DELETE FROM index_price");
        btcNewest = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2));
        List<Object[]> rows = new ArrayList<>();
        for (int minute = 0; minute < 3 * 24 * 60; minute++) {
            if (minute >= 6 * 60 && minute < 6 * 60 + 20) {
                continue; // a gap of 20 slots, six hours ago
            }
            Instant slot = btcNewest.minus(Duration.ofMinutes(minute));
            // a slow wave, so that the picture looks like prices
            BigDecimal price = BigDecimal.valueOf(91_000 + 800 * Math.sin(minute / 300.0) + (minute * 7919 % 97) / 10.0)
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            String source = minute >= 10 * 60 && minute < 12 * 60 ? "backfill" : "ws";
            rows.add(new Object[] {"btc_usd", Timestamp.from(slot), price, source});
        }
        for (int minute = 0; minute < 120; minute++) {
            rows.add(new Object[] {"eth_usd", Timestamp.from(btcNewest.minus(Duration.ofMinutes(minute))),
                    new BigDecimal("3001.25").add(BigDecimal.valueOf(minute % 13, 2)), "ws"});
        }
        jdbc.batchUpdate("INSERT INTO index_price (ticker, ts, price, source) VALUES (?, ?, ?, ?)", rows);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void drawsTheNewestPriceMarksGapsAndBackfillSwitchesRangeAndTickerAndFollowsNewSlots() throws Exception {
        browser.get(url("/"));

        awaitChart("btc_usd", "24h", "drawn");
        JsonNode last = last("btc_usd");
        assertNewestPlottedIs(last);
        assertThat(browser.findElement(By.id("newest-price")).getText()).contains(last.get("price").toString());
        assertThat(browser.findElement(By.id("newest-age")).getText()).contains("ago");
        assertThat(chart("gaps")).asList().hasSize(1);
        assertThat(chart("backfill")).asList().hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.linkText("API (Swagger UI)")).getAttribute("href")).endsWith("/docs");
        assertThat(browser.findElement(By.linkText("API (ReDoc)")).getAttribute("href")).endsWith("/redoc");
        screenshot("chart-page.png");

        // a new slot is stored: the page notices on its own and redraws
        Instant newer = btcNewest.plus(Duration.ofMinutes(1));
        jdbc.update("INSERT INTO index_price (ticker, ts, price, source) VALUES ('btc_usd', ?, 95123.456789, 'ws')",
                Timestamp.from(newer));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
                Long.valueOf(newer.getEpochSecond()).equals(((Number) chartValue("newestPlotted.timestamp")).longValue()));
        assertNewestPlottedIs(last("btc_usd"));
        assertThat(browser.findElement(By.id("newest-price")).getText()).contains("95123.456789");

        // a long range: candles, the newest bucket closing on the newest price
        browser.findElement(By.cssSelector("#ranges button[data-range='7d']")).click();
        awaitChart("btc_usd", "7d", "drawn");
        assertThat(chartValue("resolution")).isEqualTo("15m");
        assertThat(((Number) chartValue("newestPlotted.price")).doubleValue()).isEqualTo(95123.456789);
        screenshot("chart-page-7d.png");

        new Select(browser.findElement(By.id("ticker"))).selectByValue("eth_usd");
        awaitChart("eth_usd", "7d", "drawn");
        assertThat(((Number) chartValue("newestPlotted.price")).doubleValue())
                .isEqualTo(last("eth_usd").get("price").asDouble());

        browser.findElement(By.cssSelector("#ranges button[data-range='1h']")).click();
        awaitChart("eth_usd", "1h", "drawn");
        assertNewestPlottedIs(last("eth_usd"));
    }

    @Test
    void anIndexWithoutDataSaysSoInsteadOfDrawingAnEmptyCanvas() {
        browser.get(url("/#sol_usd/24h"));

        awaitChart("sol_usd", "24h", "empty");
        assertThat(browser.findElement(By.id("message")).getText()).contains("No price has been recorded for sol_usd yet");
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isEmpty();
    }

    @Test
    void anEmptyDatabaseSaysSo() throws Exception {
        jdbc.update("DELETE FROM index_price");

        browser.get(url("/"));

        awaitChart("btc_usd", "24h", "empty");
        assertThat(browser.findElement(By.id("message")).getText()).contains("No price has been recorded for btc_usd yet");
        screenshot("chart-page-empty.png");
    }

    @Test
    void fitsAPhoneScreen() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/"));

        awaitChart("btc_usd", "24h", "drawn");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as("no sideways scrolling").isLessThanOrEqualTo(viewport);
        long canvasWidth = ((Number) js.executeScript(
                "return document.querySelector('#chart canvas').getBoundingClientRect().width")).longValue();
        assertThat(canvasWidth).isLessThanOrEqualTo(viewport).isGreaterThan(viewport / 2);
        screenshot("chart-page-phone.png");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void awaitChart(String ticker, String range, String state) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            var chart = driver.findElement(By.id("chart"));
            return state.equals(chart.getDomAttribute("data-state")) && ticker.equals(chart.getDomAttribute("data-ticker"))
                    && range.equals(chart.getDomAttribute("data-range")) && ticker.equals(chartValue("ticker"))
                    && range.equals(chartValue("range"));
        });
    }

    private Object chartValue(String path) {
        return ((JavascriptExecutor) browser).executeScript("return window.trackerChart && window.trackerChart." + path);
    }

    private Object chart(String field) {
        return chartValue(field);
    }

    private void assertNewestPlottedIs(JsonNode last) {
        @SuppressWarnings("unchecked")
        Map<String, Object> plotted = (Map<String, Object>) chartValue("newestPlotted");
        assertThat(((Number) plotted.get("timestamp")).longValue()).isEqualTo(last.get("timestamp").asLong());
        assertThat(((Number) plotted.get("price")).doubleValue()).isEqualTo(last.get("price").asDouble());
    }

    private JsonNode last(String ticker) throws Exception {
        return JSON.readTree(api("/last?ticker=" + ticker));
    }

    private String api(String pathAndQuery) throws Exception {
        HttpResponse<String> response = new HttpTestClient(port).get(pathAndQuery);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
