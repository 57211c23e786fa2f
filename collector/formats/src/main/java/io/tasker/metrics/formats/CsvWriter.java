package io.tasker.metrics.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.format.TextValues;
import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.Labels;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV with one row per sample as Prometheus would see it: a counter's {@code _total} row, a
 * histogram's {@code _bucket} rows (with {@code le}), {@code _sum} and {@code _count} rows.
 *
 * <p>Columns, in this order: {@code timestamp, name, type, labels} (all labels as a JSON
 * object), then one {@code label_<name>} column per label name found in the snapshot, sorted,
 * then {@code value, le}. Quoting follows RFC 4180 (Apache Commons CSV), so label values with
 * commas, quotes and newlines survive a round trip.
 *
 * <p>Label values come from the services' callers, and a spreadsheet runs a cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return or a line feed as a
 * formula, also behind leading blanks and in the signs' full-width and small forms. So,
 * as OWASP advises against CSV injection, such a label cell is written with a {@code '} before
 * it; {@link #raw()} writes every cell as it is, for programs that read the file.
 *
 * <pre>{@code
 * new CsvWriter().write(out, registry.snapshot());
 * }</pre>
 */
public final class CsvWriter implements ExpositionFormatWriter {
    /** The content type of the CSV output. */
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    /** The prefix of the per-label columns, so that a label named {@code value} cannot clash. */
    public static final String LABEL_COLUMN_PREFIX = "label_";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final boolean neutralise;

    /** Label cells that a spreadsheet would run as a formula get a {@code '} before them. */
    public CsvWriter() {
        this(true);
    }

    private CsvWriter(boolean neutralise) {
        this.neutralise = neutralise;
    }

    /**
     * Every cell as it is: for programs that read the file, never for a spreadsheet.
     *
     * @return a writer that does not neutralise formula-like cells
     */
    public static CsvWriter raw() {
        return new CsvWriter(false);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public void write(OutputStream out, MetricsSnapshot snapshot) throws IOException {
        List<String> labelNames = labelNames(snapshot);
        List<String> header = new ArrayList<>(List.of("timestamp", "name", "type", "labels"));
        labelNames.forEach(n -> header.add(LABEL_COLUMN_PREFIX + n));
        header.add("value");
        header.add("le");
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(header.toArray(new String[0]))
                .get();
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter csv = new CSVPrinter(writer, format);
        Rows rows = new Rows(csv, snapshot.timestamp().toString(), labelNames, neutralise);
        for (MetricFamilySnapshot family : snapshot.families()) {
            rows.family(family);
        }
        csv.flush();
    }

    private static List<String> labelNames(MetricsSnapshot snapshot) {
        TreeSet<String> names = new TreeSet<>();
        for (MetricFamilySnapshot f : snapshot.families()) {
            for (DataPoint p : f.points()) {
                for (int i = 0; i < p.labels().size(); i++) {
                    names.add(p.labels().name(i));
                }
            }
        }
        return List.copyOf(names);
    }

    /** The signs that start a formula, with their full-width (U+FF1D...) and small (U+FE66...) forms. */
    private static final String FORMULA_SIGNS = "=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b";

    /** Prints the rows of one snapshot. */
    private record Rows(CSVPrinter csv, String timestamp, List<String> labelNames, boolean neutralise) {
        void family(MetricFamilySnapshot family) throws IOException {
            String type = family.type().word();
            if (family instanceof CounterSnapshot c) {
                for (CounterSnapshot.Point p : c.points()) {
                    row(c.name() + "_total", type, p.labels(), TextValues.of(p.value()), "");
                }
            } else if (family instanceof GaugeSnapshot g) {
                for (GaugeSnapshot.Point p : g.points()) {
                    row(g.name(), type, p.labels(), TextValues.of(p.value()), "");
                }
            } else {
                histogram((HistogramSnapshot) family, type);
            }
        }

        private void histogram(HistogramSnapshot h, String type) throws IOException {
            BucketBounds bounds = h.bounds();
            for (HistogramSnapshot.Point p : h.points()) {
                for (int i = 0; i < bounds.bucketCount(); i++) {
                    row(h.name() + "_bucket", type, p.labels(), Long.toString(p.cumulativeCount(i)), bounds.le(i));
                }
                row(h.name() + "_sum", type, p.labels(), TextValues.of(p.sum()), "");
                row(h.name() + "_count", type, p.labels(), Long.toString(p.count()), "");
            }
        }

        private void row(String name, String type, Labels labels, String value, String le) throws IOException {
            csv.print(timestamp);
            csv.print(name);
            csv.print(type);
            csv.print(json(labels));
            for (String label : labelNames) {
                String v = labels.get(label);
                csv.print(v == null ? "" : neutralise ? neutralised(v) : v);
            }
            csv.print(value);
            csv.print(le);
            csv.println();
        }

        /**
         * A spreadsheet skips leading blanks before a formula, and some take the full-width and
         * small forms of the signs ({@code ＝}, {@code ﹦}...) for the signs themselves: the first
         * character that is not a blank decides.
         */
        private static String neutralised(String cell) {
            int i = 0;
            while (i < cell.length() && blank(cell.charAt(i))) {
                i++;
            }
            boolean formula = "\t\r\n".indexOf(cell.isEmpty() ? 'x' : cell.charAt(0)) >= 0
                    || i < cell.length() && FORMULA_SIGNS.indexOf(cell.charAt(i)) >= 0;
            return formula ? "'" + cell : cell;
        }

        private static boolean blank(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }

        private static String json(Labels labels) throws IOException {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.writeStartObject();
                for (int i = 0; i < labels.size(); i++) {
                    g.writeStringField(labels.name(i), labels.value(i));
                }
                g.writeEndObject();
            }
            return w.toString();
        }
    }
}
