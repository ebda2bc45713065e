package io.deribittracker.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's alert table (Operate › Logs) names log lines an operator is told to alert on. An alert on a line the
 * code no longer writes never fires, so every line in the table must be one the code writes: each literal piece
 * of a row's pattern (the text between its {@code …} placeholders) has to occur in {@code src/main}.
 */
class AlertLinesDocumentedTest {

    /**
     * Pieces shorter than this ({@code "; "}, {@code " to "}, {@code " ("}) occur everywhere in the code, so finding
     * them proves nothing.
     */
    private static final int MIN_FRAGMENT = 6;

    /** The first code span of a table row's first cell: the line's pattern. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`[^|]*\\|");

    /** A Java string literal continued on the next line: {@code "… " + "…"}. */
    private static final Pattern CONTINUED_LITERAL = Pattern.compile("\"\\s*\\+\\s*\"");

    @Test
    void everyLineInTheAlertTableIsOneTheCodeWrites() throws IOException {
        List<String> patterns = alertTablePatterns(Files.readString(Path.of("README.md")));
        // the table was found and still lists the lines it is about (a renamed heading must not make this pass)
        assertThat(patterns).hasSizeGreaterThanOrEqualTo(5);

        String code = mainSources();
        List<String> unknown = new ArrayList<>();
        for (String pattern : patterns) {
            List<String> fragments = fragments(pattern);
            assertThat(fragments).as("row `%s` has no literal piece of %d characters or more to look for", pattern, MIN_FRAGMENT)
                    .isNotEmpty();
            for (String fragment : fragments) {
                if (!code.contains(fragment)) {
                    unknown.add("`" + pattern + "`: \"" + fragment + "\"");
                }
            }
        }
        assertThat(unknown).as("README alert rows whose text src/main does not write").isEmpty();
    }

    /** The patterns of the rows of the first table after the "### Logs" heading. */
    static List<String> alertTablePatterns(String readme) {
        int section = readme.indexOf("\n### Logs\n");
        assertThat(section).as("README has an Operate › Logs section").isNotNegative();
        List<String> lines = readme.substring(section + 1).lines().toList();
        List<String> patterns = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("#")) {
                break; // the next section: the table was not there
            }
            if (line.startsWith("|")) {
                inTable = true;
                if (line.startsWith("| line") || line.startsWith("|---")) {
                    continue; // header and separator
                }
                Matcher row = ROW.matcher(line);
                assertThat(row.find()).as("alert table row names its line in a code span: %s", line).isTrue();
                patterns.add(row.group(1));
            } else if (inTable) {
                break;
            }
        }
        return patterns;
    }

    /** The literal pieces of a pattern worth looking for: split at {@code …}, trimmed, long enough to mean something. */
    static List<String> fragments(String pattern) {
        return Stream.of(pattern.split("…"))
                .map(String::strip)
                .filter(fragment -> fragment.length() >= MIN_FRAGMENT)
                .toList();
    }

    /** Every Java source and resource of src/main as one text, with continued string literals joined. */
    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .filter(file -> file.toString().matches(".*\\.(java|ya?ml|xml|properties)"))
                        .forEach(file -> all.append(read(file)).append('\n'));
            }
        }
        return CONTINUED_LITERAL.matcher(all).replaceAll("");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
