package io.deribittracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.deribittracker.support.CollectorIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person sees in a real browser: Debian's headless Chromium driven by its ChromeDriver (installed by
 * {@code .ci/run}; where it is missing these tests are skipped, never faked).
 */
@EnabledIf("chromiumInstalled")
class BrowserIT extends CollectorIntegrationTest {


    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver browser;

    @LocalServerPort
    int port;

    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** actuator and Hawtio */
    @LocalManagementPort
    int managementPort;

    private String url(String path) {
        return "http://127.0.0.1:" + (path.startsWith("/actuator") ? managementPort : port) + path;
    }

    private String awaitPageText(String... expected) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            String text = driver.findElement(By.tagName("body")).getText();
            for (String fragment : expected) {
                if (!text.contains(fragment)) {
                    return false;
                }
            }
            return true;
        });
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void swaggerUiAtDocsRendersTheThreeOperations() {
        browser.get(url("/docs"));

        awaitPageText("/all", "/last", "/get_between", "/candles", "/tickers");
        assertThat(browser.findElements(By.cssSelector(".opblock-get"))).hasSize(5);
    }

    @Test
    void afterLoggingIntoHawtioTheCamelTabListsTheCollectorAndRestRoutes() {
        browser.get(url("/actuator/hawtio/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> !driver.findElements(By.id("pf-login-username-id")).isEmpty());
        browser.findElement(By.id("pf-login-username-id")).sendKeys(ADMIN_USER);
        browser.findElement(By.id("pf-login-password-id")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));

        browser.get(url("/actuator/hawtio/camel/routes"));

        awaitPageText("collector-tick", "fetch-index-price", "store-index-price", "deribit-inbound", "list-rows", "last");
    }

    @Test
    void redocAtRedocRendersTheThreeOperations() {
        browser.get(url("/redoc"));

        String text = awaitPageText("/all", "/last", "/get_between");
        assertThat(text).contains("ticker");
    }
}
