package io.deribittracker.ops;

import static io.deribittracker.ops.OpsAccounts.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.deribittracker.DeribitTrackerApplication;
import io.deribittracker.support.HttpTestClient;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the service says and offers at start-up, depending on the admin login. Each test starts the application
 * itself, so that its log is captured from the first line.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminLoginStartupTest {

    private static ConfigurableApplicationContext start(String... properties) {
        // command-line arguments, as an operator would pass them: they win over application.yml
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--management.server.port=0", "--collector.enabled=false",
                "--spring.datasource.url=" + TestDatabase.url("ops"),
                "--spring.datasource.username=" + TestDatabase.username()));
        if (java.util.Arrays.stream(properties).noneMatch(property -> property.startsWith("spring.datasource.password="))) {
            args.add("--spring.datasource.password=" + OpsAccounts.DB_PASSWORD);
        }
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(DeribitTrackerApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        // actuator and Hawtio are on the management port
        return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    }

    @Test
    void withoutAdminLoginOnlyHealthAndInfoAreOfferedAndTheLogSaysSo(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("admin.user=", "admin.password=")) {
            HttpTestClient http = new HttpTestClient(port(context));

            List<String> warnings = output.getOut().lines()
                    .filter(line -> line.contains(" WARN ") && line.contains("ADMIN_USER/ADMIN_PASSWORD not set")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("Hawtio and every actuator endpoint except health and info are OFF");

            assertThat(context.getBean(PathMappedEndpoints.class).getAllPaths())
                    .containsExactlyInAnyOrder("/actuator/health", "/actuator/info");
            assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
            assertThat(http.get("/actuator/hawtio/index.html").statusCode()).isEqualTo(404);
            assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
            // no login exists that could open them
            assertThat(http.get("/actuator/prometheus", "Authorization", HttpTestClient.basic("", "")).statusCode()).isEqualTo(401);
            assertThat(output.getOut()).doesNotContain("Using generated security password");
        }
    }

    @Test
    void withAdminLoginNoSecretReachesTheLog(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(
                "admin.user=" + OpsAccounts.ADMIN_USER, "admin.password=" + OpsAccounts.ADMIN_PASSWORD)) {
            HttpTestClient http = new HttpTestClient(port(context));
            assertThat(context.getBean(PathMappedEndpoints.class).getAllPaths())
                    .contains("/actuator/prometheus", "/actuator/hawtio", "/actuator/jolokia");
            // the events that log: failed and successful logins on both doors, and a look at the environment
            http.get("/actuator/prometheus", "Authorization", HttpTestClient.basic(OpsAccounts.ADMIN_USER, "not-the-password"));
            http.postJson("/actuator/hawtio/auth/login", "{\"username\":\"x\",\"password\":\"not-the-password\"}");
            assertThat(http.postJson("/actuator/hawtio/auth/login", "{\"username\":\"" + OpsAccounts.ADMIN_USER
                    + "\",\"password\":\"" + OpsAccounts.ADMIN_PASSWORD + "\"}").statusCode()).isEqualTo(200);
            assertThat(asAdmin(http).get("/actuator/env").statusCode()).isEqualTo(200);
            assertThat(asAdmin(http).get("/actuator/jolokia/version").statusCode()).isEqualTo(200);
        }
        assertThat(output.getAll()).contains("Logging in user: " + OpsAccounts.ADMIN_USER)
                .doesNotContain(OpsAccounts.ADMIN_PASSWORD)
                .doesNotContain(OpsAccounts.DB_PASSWORD)
                .doesNotContain("ADMIN_USER/ADMIN_PASSWORD not set");
    }

    @Test
    void failedAdminLoginsAreThrottledPerClientOnEveryDoor() throws Exception {
        try (ConfigurableApplicationContext context = start(
                "admin.user=" + OpsAccounts.ADMIN_USER, "admin.password=" + OpsAccounts.ADMIN_PASSWORD,
                "admin.login-throttle.max-failures=5", "admin.login-throttle.window=5m")) {
            HttpTestClient http = new HttpTestClient(port(context));
            String wrong = HttpTestClient.basic(OpsAccounts.ADMIN_USER, "not-the-password");
            String right = HttpTestClient.basic(OpsAccounts.ADMIN_USER, OpsAccounts.ADMIN_PASSWORD);
            // five failures through both doors: three on Hawtio's login page, two by HTTP Basic
            for (int i = 0; i < 3; i++) {
                assertThat(http.postJson("/actuator/hawtio/auth/login", "{\"username\":\"" + OpsAccounts.ADMIN_USER
                        + "\",\"password\":\"nope\"}").statusCode()).isEqualTo(403);
            }
            assertThat(http.get("/actuator/prometheus", "Authorization", wrong).statusCode()).isEqualTo(401);
            // a wrong password on a public path counts too (else health would be a password oracle) but is answered
            assertThat(http.get("/actuator/health", "Authorization", wrong).statusCode()).isIn(200, 503);

            // locked out now, even with the right password, on every door
            java.net.http.HttpResponse<String> basic = http.get("/actuator/prometheus", "Authorization", right);
            assertThat(basic.statusCode()).isEqualTo(429);
            assertThat(basic.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Long.parseLong(basic.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
            assertThat(basic.body()).contains("\"status\":429");
            java.net.http.HttpResponse<String> hawtio = http.postJson("/actuator/hawtio/auth/login", "{\"username\":\""
                    + OpsAccounts.ADMIN_USER + "\",\"password\":\"" + OpsAccounts.ADMIN_PASSWORD + "\"}");
            assertThat(hawtio.statusCode()).isEqualTo(429);
            assertThat(hawtio.headers().firstValue("Retry-After")).isPresent();
            // public paths still answer the locked-out client, as anybody: health without the admin's details (the API and
            // its pages are on the public port, where no login exists at all)
            java.net.http.HttpResponse<String> health = http.get("/actuator/health", "Authorization", right);
            assertThat(health.statusCode()).isIn(200, 503);
            assertThat(health.body()).doesNotContain("details");
        }
    }

    @Test
    void refusesToStartWithThePlaceholderPasswordsOfTheExampleEnvFileNamingThem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(
                        "admin.user=admin", "admin.password=change-me-admin").close())
                .hasStackTraceContaining("Refusing to start: ADMIN_PASSWORD still the placeholder from .env.example");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start("spring.datasource.password=change-me-db").close())
                .hasStackTraceContaining("Refusing to start: POSTGRES_PASSWORD / SPRING_DATASOURCE_PASSWORD still the placeholder");
    }
}
