package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.console.EmbeddedConsole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One Chromium per test class (it takes a second or two to start) and a fresh console per
 * test, so that no test sees another's exports or clock. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserConsole browser = new BrowserConsole();
 * }</pre>
 *
 * <p>After each test the browser's console must hold no errors: a script blocked by the
 * Content-Security-Policy, or an htmx error, shows there and nowhere else.
 */
final class BrowserConsole implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final UnaryOperator<EmbeddedConsole.Builder> settings;
    private Chrome chrome;
    private TestConsole console;

    BrowserConsole() {
        this(UnaryOperator.identity());
    }

    /** @param settings changes to each test's console, applied last (a store URL, a real clock) */
    BrowserConsole(UnaryOperator<EmbeddedConsole.Builder> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chrome = Chrome.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        console = TestConsole.start(settings);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (console == null) {
            return;
        }
        try {
            // Leave the page first: its polls would otherwise fail against the stopped console
            // and leave errors in the log for the next test.
            driver().get("about:blank");
            String errors = severeBrowserLogs();
            // A failed test already says what went wrong; its browser errors would only hide that.
            if (context.getExecutionException().isEmpty()) {
                assertEquals("", errors, "errors in the browser's console");
            }
        } finally {
            console.close();
            console = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chrome != null) {
            chrome.close();
        }
    }

    WebDriver driver() {
        return chrome.driver();
    }

    TestConsole console() {
        return console;
    }

    /** Loads a page of the console and waits for it (Selenium waits for the load event). */
    void open(String path) {
        driver().get(console.url(path));
    }

    /**
     * Waits for the page a link or form led to. The URL, not the staleness of an element, tells
     * that it came: htmx replaces the metric table on every poll as well.
     */
    void waitUntilLoaded(String urlPart) {
        waitUntil(ExpectedConditions.urlContains(urlPart));
        waitUntil(d -> "complete".equals(js("return document.readyState;")));
    }

    WebElement byId(String id) {
        return driver().findElement(By.id(id));
    }

    <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), WAIT).until(condition);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /** Marks the window, so that {@link #sameDocument()} can tell a swap from a reload. */
    void markDocument() {
        js("window.__marker = 42;");
    }

    /** True while the page marked by {@link #markDocument()} was not reloaded. */
    boolean sameDocument() {
        return Long.valueOf(42).equals(js("return window.__marker === undefined ? null : window.__marker;"));
    }

    /**
     * The body of a GET made by the page itself, with its cookies: headless Chromium saves
     * downloads out of sight, and fetch() shows what a click on the link would receive.
     */
    String fetchText(String href) {
        Object result = ((JavascriptExecutor) driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.ok ? r.text() : 'HTTP ' + r.status)"
                                + ".then(done, e => done('fetch failed: ' + e));",
                        href);
        return (String) result;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Path taken =
                ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE).toPath();
        Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private String severeBrowserLogs() {
        List<LogEntry> entries = driver().manage().logs().get(LogType.BROWSER).getAll();
        return entries.stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.joining("\n"));
    }
}
