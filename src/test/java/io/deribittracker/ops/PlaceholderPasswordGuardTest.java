package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The guard's placeholders are a copy of {@code .env.example}'s.
 */
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
                        .as(variable).isInstanceOf(IllegalStateException.class).hasMessageContaining("ADMIN_PASSWORD");
                // compose hands POSTGRES_PASSWORD to the service as SPRING_DATASOURCE_PASSWORD
                case "POSTGRES_PASSWORD", "SPRING_DATASOURCE_PASSWORD" -> assertThatThrownBy(() -> new PlaceholderPasswordGuard("", placeholder))
                        .as(variable).isInstanceOf(IllegalStateException.class).hasMessageContaining("POSTGRES_PASSWORD");
                default -> fail(".env.example writes a placeholder for %s, which PlaceholderPasswordGuard does not check", variable);
            }
        });
    }

    @Test
    void passwordsOfTheOperatorsOwnAreAccepted() {
        new PlaceholderPasswordGuard("Adm1n-Pw-7f3c9e", "Db-Pw-51c0ffee");
        new PlaceholderPasswordGuard("", "");
    }
}
