package io.tasker.metrics.console.browser;

import io.tasker.metrics.testing.Executables;
import io.tasker.metrics.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium through Debian's chromedriver. Both paths are given, so Selenium Manager
 * never runs (it would try to download a browser); a missing package fails with the command
 * that installs it rather than skipping the tests.
 */
final class Chrome implements AutoCloseable {
    static final int WIDTH = 1280;
    static final int HEIGHT = 1000;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Chrome(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    static Chrome start() throws IOException {
        Path chromium = Executables.chromium();
        Path chromedriver = Executables.chromedriver();
        // A fresh profile: no theme, cookie or cache left over from another run.
        Path profile = Files.createTempDirectory("tasker-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--window-size=" + WIDTH + "," + HEIGHT,
                        "--hide-scrollbars");
        // The browser's console log, so that the tests see script errors and CSP violations.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10)).pageLoadTimeout(Duration.ofSeconds(20));
            return new Chrome(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            TempDirs.delete(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            TempDirs.delete(profile);
        }
    }
}
