package io.deribittracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import io.deribittracker.support.CollectorIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person sees in a real browser: Debian's headless Chromium driven by its ChromeDriver (installed by
 * {@code .ci/run}; where it is missing these tests are skipped, never faked).
 */
@ChromiumOrSkip
class BrowserIT extends CollectorIntegrationTest {

    private static WebDriver browser;

    @Autowired
    CamelContext camel;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions()
                .setBinary(ChromiumOrSkip.CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--window-size=1600,1200", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // the browser's console (errors, failed requests), read by the tests
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ChromiumOrSkip.CHROMEDRIVER.toString())).usingAnyFreePort().build();
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
    void swaggerUiAtDocsRendersEveryOperation() {
        browser.get(url("/docs"));

        awaitPageText("/all", "/last", "/get_between", "/candles", "/tickers");
        assertThat(browser.findElements(By.cssSelector(".opblock-get"))).hasSize(5);
    }

    /** The errors the browser's console showed since the last call, failed requests included. */
    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    private void logIntoHawtio(WebDriverWait wait) {
        browser.get(url("/actuator/hawtio/"));
        wait.until(driver -> !driver.findElements(By.id("pf-login-username-id")).isEmpty());
        browser.findElement(By.id("pf-login-username-id")).sendKeys(ADMIN_USER);
        browser.findElement(By.id("pf-login-password-id")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    /** Waits until the route diagram shows nodes; fails at once if Hawtio reports an error instead. */
    private void awaitDiagram(WebDriverWait wait, String what) {
        wait.until(driver -> {
            String text = driver.findElement(By.tagName("body")).getText();
            assertThat(text).as(what).doesNotContain("An error occurred").doesNotContain("Cannot read properties");
            return !driver.findElements(By.cssSelector(".react-flow__node")).isEmpty();
        });
    }

    @Test
    void afterLoggingIntoHawtioTheCamelViewsWorkWithoutAnyErrorInTheConsole() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        consoleErrors(); // what the other tests left
        logIntoHawtio(wait);
        // before its login page Hawtio asks who is logged in: "nobody" must not be a failed request either
        assertThat(consoleErrors()).as("the browser console during the login").isEmpty();

        // the first view after the login: the Camel context with the diagram of all its routes, one graph laid out
        // at once, so a single route or EIP shape the layout cannot take fails it (and, in Hawtio, every diagram
        // after it). Each route is at least one node.
        awaitPageText("Route Diagram");
        awaitDiagram(wait, "the first view");
        List<String> routes = camel.getRoutes().stream().map(Route::getRouteId).sorted().toList();
        wait.until(driver -> driver.findElements(By.cssSelector(".react-flow__node")).size() >= routes.size());

        // the routes list, then each route's own diagram
        browser.get(url("/actuator/hawtio/camel/routes"));
        awaitPageText("collector-tick", "fetch-index-price", "store-index-price", "deribit-inbound", "list-rows", "last");
        // a route's own diagram: one that takes its (missing) error handler from a route configuration, and a Rest
        // DSL operation
        for (String route : new String[] {"deribit-get-index-price", "last"}) {
            WebElement node = wait.until(driver -> driver.findElements(By.cssSelector("[class*=tree-view] button")).stream()
                    .filter(button -> button.getText().trim().equals(route)).findFirst().orElse(null));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", node);
            wait.until(driver -> !driver.findElements(By.xpath("//a[normalize-space()='Route Diagram'] | //button[normalize-space()='Route Diagram']")).isEmpty());
            ((JavascriptExecutor) browser).executeScript("arguments[0].click();", browser.findElement(
                    By.xpath("//a[normalize-space()='Route Diagram'] | //button[normalize-space()='Route Diagram']")));
            awaitDiagram(wait, route);
        }

        // the Threads and JMX views read through the same restricted Jolokia
        browser.get(url("/actuator/hawtio/runtime/threads"));
        awaitPageText("Threads");
        browser.get(url("/actuator/hawtio/jmx"));
        awaitPageText("org.apache.camel");

        assertThat(consoleErrors()).as("the browser console during a normal Hawtio session").isEmpty();
    }

    @Test
    void redocAtRedocRendersEveryOperation() {
        browser.get(url("/redoc"));

        String text = awaitPageText("/all", "/last", "/get_between", "/candles", "/tickers");
        assertThat(text).contains("ticker");
    }
}
