package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.console.config.ConsoleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md names every key the console reads, with its default and variable, and
 * every flag of bin/console: operators look there, not in ConsoleSettings.
 */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void everyConsoleKeyHasItsRow() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        for (ConfigKey key : ConsoleSettings.KEYS) {
            String row = lines.stream()
                    .filter(l -> l.startsWith("| `" + key.name() + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(DOC + " has no row for " + key.name()));
            String shown = key.defaultValue() == null ? "none" : "`" + key.defaultValue() + "`";
            assertTrue(
                    row.startsWith("| `" + key.name() + "` | " + shown + " | `" + key.env() + "` |"),
                    "default " + shown + " and variable " + key.env() + " in: " + row);
        }
    }

    @Test
    void everyFlagOfBinConsoleIsListed() throws IOException {
        String doc = Files.readString(DOC);
        assertTrue(doc.contains("`" + ConsoleMain.USAGE + "`"), DOC + " shows the usage line " + ConsoleMain.USAGE);
        Matcher flags = Pattern.compile("--[a-z]+(?: [A-Z]+)?").matcher(ConsoleMain.USAGE + " --help");
        while (flags.find()) {
            assertTrue(doc.contains("| `" + flags.group() + "`"), DOC + " has no row for " + flags.group());
        }
    }
}
