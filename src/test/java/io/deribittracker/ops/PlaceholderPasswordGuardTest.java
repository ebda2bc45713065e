package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deribittracker.DeribitTrackerApplication;
import io.deribittracker.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The guard's placeholders are a copy of {@code .env.example}'s, and how a refusal looks at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlaceholderPasswordGuardTest {

    /** An uncommented {@code NAME_PASSWORD=value} line with a value. */
    private static final Pattern PASSWORD_LINE = Pattern.compile("(?m)^([A-Z_]*PASSWORD)=(\\S+)\\s*$");

    @Test
    void everyPlaceholderPasswordOfTheExampleEnvFileIsRefused() throws IOException {
        Map<String, String> written = new LinkedHashMap<>();
        Matcher line = PASSWORD_LINE.matcher(Files.readString(Path.of(".env.example")));
        while (line.find()) {
            written.put(line.group(1), line.group(2));
        }
        // the two the file's own header tells the operator to change
        assertThat(written).containsKeys("ADMIN_PASSWORD", "POSTGRES_PASSWORD");

        written.forEach((variable, placeholder) -> {
            switch (variable) {
                case "ADMIN_PASSWORD" -> assertThatThrownBy(() -> new PlaceholderPasswordGuard(placeholder, ""))
                        .as(variable).isInstanceOf(PlaceholderPasswordException.class).hasMessageContaining("ADMIN_PASSWORD");
                // compose hands POSTGRES_PASSWORD to the service as SPRING_DATASOURCE_PASSWORD
                case "POSTGRES_PASSWORD", "SPRING_DATASOURCE_PASSWORD" -> assertThatThrownBy(() -> new PlaceholderPasswordGuard("", placeholder))
                        .as(variable).isInstanceOf(PlaceholderPasswordException.class).hasMessageContaining("POSTGRES_PASSWORD");
                default -> fail(".env.example writes a placeholder for %s, which PlaceholderPasswordGuard does not check", variable);
            }
        });
    }

    @Test
    void passwordsOfTheOperatorsOwnAreAccepted() {
        new PlaceholderPasswordGuard("Adm1n-Pw-7f3c9e", "Db-Pw-51c0ffee");
        new PlaceholderPasswordGuard("", "");
    }

    @Test
    void theRefusalIsAnalysedAsTheOperatorsMistakeNamingThePassword() {
        // as Spring hands it over: the guard's exception inside the bean creation that failed
        FailureAnalysis analysis = new PlaceholderPasswordFailureAnalyzer().analyze(new BeanCreationException(
                "placeholderPasswordGuard", "Failed to instantiate", new PlaceholderPasswordException(List.of("ADMIN_PASSWORD"))));
        assertThat(analysis.getDescription())
                .isEqualTo("Refusing to start: ADMIN_PASSWORD still the placeholder from .env.example, a password anyone can read.");
        assertThat(analysis.getAction()).contains("ADMIN_PASSWORD").contains(".env");
    }

    @Test
    void startingWithAPlaceholderEndsInSpringBootsFailureReportWithoutAStackTrace(CapturedOutput output) {
        int before = output.getAll().length();
        assertThatThrownBy(() -> new SpringApplicationBuilder(DeribitTrackerApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--collector.enabled=false",
                "--spring.datasource.url=" + TestDatabase.url("ops"),
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=" + OpsAccounts.DB_PASSWORD,
                "--admin.user=admin", "--admin.password=change-me-admin").close())
                .hasRootCauseInstanceOf(PlaceholderPasswordException.class);

        // the report appears only if spring.factories registers the analyzer
        String log = output.getAll().substring(before);
        assertThat(log).contains("APPLICATION FAILED TO START")
                .contains("Refusing to start: ADMIN_PASSWORD still the placeholder from .env.example")
                .doesNotContain("Application run failed");
        // the report, not a stack trace, is what the operator reads
        assertThat(log.lines().filter(l -> l.startsWith("\tat "))).isEmpty();
    }
}
