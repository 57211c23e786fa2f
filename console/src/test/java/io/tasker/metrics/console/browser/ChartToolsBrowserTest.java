package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.TempDirs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The chart's tools in Chromium: a histogram's lines in one colour per series and a dash per
 * quantile, axes in seconds and per second; a dragged zoom kept in the address and restored by a
 * reload; the CSV download holding exactly the lines and range drawn; a sum by a label; the
 * quantile picker.
 */
class ChartToolsBrowserTest {
    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    private static final String HISTOGRAM = Ui.CHART_PAGE + "?name=tasker_task_duration_seconds&window=15m";

    @Test
    void aDraggedZoomGoesIntoTheAddressAndAReloadRestoresIt() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(8);
        open(HISTOGRAM);
        @SuppressWarnings("unchecked")
        List<String> axes = (List<String>) browser.js(
                "return document.getElementById('" + Ui.ID_CHART + "').uplot.axes.slice(1).map(a => a.label);");
        assertTrue(axes.contains("seconds") && axes.contains("per second"), axes.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> colours = (Map<String, Object>)
                browser.js("const u = document.getElementById('" + Ui.ID_CHART + "').uplot, m = {};"
                        + "u.series.slice(1).forEach(s => m[s.label.replace(/ (p50|p95|p99|rate)( est\\.)?$/, '')] = s._stroke);"
                        + "return m;");
        assertTrue(colours.size() > 1, colours.toString());
        assertEquals(colours.size(), new HashSet<>(colours.values()).size(), "a colour of its own per series");

        WebElement over = browser.driver().findElement(By.cssSelector("#" + Ui.ID_CHART + " .u-over"));
        int width = over.getSize().getWidth();
        new Actions(browser.driver())
                .moveToElement(over, -width / 4, 0)
                .clickAndHold()
                .moveByOffset(width / 3, 0)
                .release()
                .perform();
        browser.waitUntil(d -> d.getCurrentUrl().contains("from="));
        String url = browser.driver().getCurrentUrl();
        String from = param(url, "from");
        String to = param(url, "to");
        WebElement chart = browser.byId(Ui.ID_CHART);
        assertEquals(from, chart.getAttribute("data-from"));
        assertEquals(to, chart.getAttribute("data-to"));
        assertFalse(browser.byId(Ui.ID_CHART_FROM).getAttribute("value").isEmpty(), "the range picker shows it");

        browser.driver().navigate().refresh();
        browser.waitUntil(d -> "true".equals(d.findElement(By.id(Ui.ID_CHART)).getAttribute("data-ready")));
        assertEquals(url, browser.driver().getCurrentUrl());
        assertEquals(
                Long.parseLong(from),
                ((Number) browser.js("return document.getElementById('" + Ui.ID_CHART + "').uplot.scales.x.min;"))
                        .longValue());
        assertEquals(
                Long.parseLong(to),
                ((Number) browser.js("return document.getElementById('" + Ui.ID_CHART + "').uplot.scales.x.max;"))
                        .longValue());
        browser.screenshot("chart-zoomed-light");

        long[] times = times();
        browser.js(
                "document.getElementById(arguments[0]).value = arguments[2];"
                        + "document.getElementById(arguments[1]).value = arguments[3];",
                Ui.ID_CHART_FROM,
                Ui.ID_CHART_TO,
                Instant.ofEpochSecond(times[1]).toString().replace("Z", ""),
                Instant.ofEpochSecond(times[3]).toString().replace("Z", ""));
        browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_CHART_RANGE + " button[type=submit]"))
                .click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("from=" + times[1] + "&to=" + times[3]));
        assertEquals(
                String.valueOf(times[1]),
                browser.byId(Ui.ID_CHART).getAttribute("data-from"),
                "the picked range drawn");
    }

    @Test
    void theCsvDownloadHoldsTheLinesAndRangeDrawn() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(8);
        Path downloads = Files.createTempDirectory("tasker-downloads-");
        try {
            ((ChromeDriver) browser.driver())
                    .executeCdpCommand(
                            "Browser.setDownloadBehavior",
                            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            open(HISTOGRAM + "&fields=p95,rate");
            long[] times = times();
            browser.js(
                    "document.getElementById('" + Ui.ID_CHART
                            + "').uplot.setScale('x', {min: arguments[0], max: arguments[1]});",
                    times[1],
                    times[times.length - 2]);
            browser.driver()
                    .findElements(By.cssSelector("#" + Ui.ID_CHART + " .u-legend .u-series"))
                    .get(1)
                    .click(); // Hides the first line: not drawn, so not downloaded.
            browser.byId(Ui.ID_CHART_CSV).click();
            Path csv = browser.waitUntil(d -> csvIn(downloads).orElse(null));
            List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));

            @SuppressWarnings("unchecked")
            List<Object> drawn = (List<Object>) browser.js("const u = document.getElementById('" + Ui.ID_CHART
                    + "').uplot, cols = [];"
                    + "u.series.forEach((s, i) => { if (i > 0 && s.show) cols.push(i); });"
                    + "const rows = [['time'].concat(cols.map(i => u.series[i].label))];"
                    + "u.data[0].forEach((t, k) => { if (t >= u.scales.x.min && t <= u.scales.x.max)"
                    + "  rows.push([new Date(t * 1000).toISOString()].concat(cols.map(i => u.data[i][k] == null ? '' : String(u.data[i][k])))); });"
                    + "return rows;");
            assertEquals(drawn.size(), rows.size(), "a row per time drawn, and the header");
            for (int r = 0; r < rows.size(); r++) {
                assertEquals(drawn.get(r), rows.get(r), "row " + r);
            }
            List<String> header = rows.get(0);
            assertTrue(
                    header.stream()
                            .skip(1)
                            .allMatch(h -> h.endsWith(" p95") || h.endsWith(" p95 est.") || h.endsWith(" rate")),
                    "the quantile picker left p95 and rate: " + header);
            assertEquals(times.length - 2, rows.size() - 1, "the zoomed range, not the window");
        } finally {
            TempDirs.delete(downloads);
        }
    }

    @Test
    void sumByALabelAddsTheSeriesSharingItsValue() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(6);
        open(Ui.CHART_PAGE + "?name=tasker_task_executions&window=15m");
        new org.openqa.selenium.support.ui.Select(browser.byId(Ui.ID_CHART_SUM_BY)).selectByValue("task_name");
        browser.waitUntil(d -> d.getCurrentUrl().contains("by=task_name"));
        browser.waitUntil(d -> "true".equals(d.findElement(By.id(Ui.ID_CHART)).getAttribute("data-ready")));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.js(
                "return document.getElementById('" + Ui.ID_CHART + "').uplot.series.slice(1).map(s => s.label);");
        assertFalse(labels.isEmpty());
        labels.forEach(l -> assertTrue(l.matches("task_name=\"[^\"]*\" rate"), l));
        assertEquals(labels.size(), new HashSet<>(labels).size(), "one line per task");

        // The summed line against the series it adds up, as /api/series gives them.
        String task = labels.get(0).replaceAll("^task_name=\"([^\"]*)\" rate$", "$1");
        @SuppressWarnings("unchecked")
        List<Object> check = (List<Object>) browser.js(
                "const u = document.getElementById('" + Ui.ID_CHART + "').uplot;"
                        + "const x = new XMLHttpRequest(); x.open('GET', document.getElementById('" + Ui.ID_CHART
                        + "').dataset.series, false); x.send();"
                        + "const d = JSON.parse(x.responseText);"
                        + "const mine = d.lines.filter(l => l.labels.includes('task_name=\"' + arguments[0] + '\"'));"
                        + "return [u.data[1].map(v => v == null ? null : Math.round(v * 1e9)),"
                        + "  d.times.map((t, k) => mine.every(l => l.values[k] == null) ? null"
                        + "    : Math.round(mine.reduce((s, l) => s + (l.values[k] || 0), 0) * 1e9))];",
                task);
        assertEquals(check.get(1), check.get(0));
    }

    @Test
    void theSeriesPickerDrawsTheSeriesChecked() throws Exception {
        browser.console().syncDemo(20);
        browser.console().sampleHistory(4);
        open(Ui.CHART_PAGE + "?name=tasker_task_executions&window=15m");
        browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_CHART_SERIES + " summary"))
                .click();
        List<WebElement> boxes =
                browser.driver().findElements(By.cssSelector("#" + Ui.ID_CHART_SERIES + " input[type=checkbox]"));
        assertTrue(boxes.size() > 2, "the family's series");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).isSelected() != (i < 2)) {
                boxes.get(i).click();
            }
            if (i < 2) {
                kept.add(boxes.get(i).getAttribute("value"));
            }
        }
        browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_CHART_SERIES + " button[type=submit]"))
                .click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("labels="));
        browser.waitUntil(d -> "true".equals(d.findElement(By.id(Ui.ID_CHART)).getAttribute("data-ready")));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.js(
                "return document.getElementById('" + Ui.ID_CHART + "').uplot.series.slice(1).map(s => s.label);");
        assertEquals(kept.stream().map(k -> k + " rate").toList(), labels);
    }

    private static void open(String path) {
        browser.open(path);
        browser.waitUntil(d -> "true".equals(d.findElement(By.id(Ui.ID_CHART)).getAttribute("data-ready")));
    }

    private static long[] times() {
        @SuppressWarnings("unchecked")
        List<Number> t =
                (List<Number>) browser.js("return document.getElementById('" + Ui.ID_CHART + "').uplot.data[0];");
        assertTrue(t.size() >= 4, "enough samples: " + t);
        return t.stream().mapToLong(Number::longValue).toArray();
    }

    private static Optional<Path> csvIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String param(String url, String name) {
        for (String kv : URI.create(url).getRawQuery().split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    /** RFC 4180 as the chart writes it: quoted cells with doubled quotes, one record a line. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
