package io.tasker.metrics.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.Counter;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV round trip: any label values, read back by an RFC 4180 parser, come back exactly from
 * {@link CsvWriter#raw()}, and from the default writer too but for the {@code '} that defuses
 * a formula (docs/properties.md).
 */
class CsvPropertiesTest {

    @Property(tries = 300)
    void labelValuesComeBack(@ForAll @Size(min = 1, max = 12) Set<@From("values") String> values) throws IOException {
        MetricRegistry registry = new MetricRegistry(
                RegistryOptions.defaults().withClock(new ManualClock(Instant.parse("2026-01-01T12:00:00Z"))));
        Counter c = Counter.builder("cells_total").labelNames("v").register(registry);
        values.forEach(v -> c.labels(v).inc());

        assertEquals(values, cells(CsvWriter.raw(), registry));
        Set<String> defused = values.stream().map(CsvPropertiesTest::defused).collect(Collectors.toSet());
        assertEquals(defused, cells(new CsvWriter(), registry));
    }

    /** The model: a tab, CR or LF first, or a formula sign (any width) after any blanks. */
    private static String defused(String v) {
        String rest = v.replaceFirst("^[\\p{javaWhitespace}\\p{javaSpaceChar}]+", "");
        boolean formula = !v.isEmpty() && "\t\r\n".indexOf(v.charAt(0)) >= 0
                || !rest.isEmpty()
                        && "=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b".indexOf(rest.charAt(0)) >= 0;
        return formula ? "'" + v : v;
    }

    private static Set<String> cells(CsvWriter writer, MetricRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, registry.snapshot());
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
        return rows.stream().map(r -> r.get("label_v")).collect(Collectors.toSet());
    }

    /** Any text of whole code points, and the characters CSV and spreadsheets treat specially. */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(30),
                        Arbitraries.strings().withChars(",\"\n\r=+-@\t ;'a").ofMaxLength(12))
                .filter(v -> v.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE));
    }
}
