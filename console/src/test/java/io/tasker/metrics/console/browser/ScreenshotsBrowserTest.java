package io.tasker.metrics.console.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Not a test but the generator of the console's screenshots in {@code docs/images/}: every page
 * at 1366x900 and at 390x844, in the light and the dark theme, as {@code
 * console-<page>-<desktop|phone>-<theme>.png}. It runs only when asked:
 *
 * <pre>{@code
 * mvn -pl console test -Dtest=ScreenshotsBrowserTest -Dtasker.screenshots=true
 * }</pre>
 */
@EnabledIfSystemProperty(named = "tasker.screenshots", matches = "true")
class ScreenshotsBrowserTest {
    private static final List<String> NAMES =
            List.of("dashboard", "tasks", "runs", "run", "instances", "health", "exports", "charts", "chart", "error");

    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole();

    @Test
    void everyPageOnADesktopAndAPhoneInBothThemes() throws Exception {
        List<String> pages = Pages.prepare(browser);
        Path images = images();
        for (String screen : List.of("desktop", "phone")) {
            boolean phone = screen.equals("phone");
            emulate(phone ? 390 : 1366, phone ? 844 : 900, phone);
            for (String theme : List.of("light", "dark")) {
                // Chosen before the pages load, as the toggle's choice is: a chart takes its colours as it draws.
                Pages.theme(browser, theme);
                for (int i = 0; i < pages.size(); i++) {
                    Pages.open(browser, pages.get(i));
                    // A chart draws after its data arrives: wait for the canvas.
                    browser.waitUntil(d -> (Boolean) browser.js("const c = document.getElementById('chart');"
                            + "return !c || !c.dataset.series || !!c.querySelector('canvas');"));
                    Path taken = ((ChromeDriver) browser.driver())
                            .getScreenshotAs(OutputType.FILE)
                            .toPath();
                    Path file = images.resolve("console-" + NAMES.get(i) + "-" + screen + "-" + theme + ".png");
                    Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
                    assertTrue(Files.size(file) > 0, file.toString());
                }
            }
        }
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static void emulate(int width, int height, boolean mobile) {
        ((ChromeDriver) browser.driver())
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private static Path images() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/images"))) {
                return p.resolve("docs/images");
            }
        }
        throw new AssertionError("No docs/images above " + Path.of("").toAbsolutePath());
    }
}
