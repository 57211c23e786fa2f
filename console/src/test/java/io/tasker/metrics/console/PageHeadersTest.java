package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.console.ConsoleFixture.Response;
import io.tasker.metrics.console.web.Ui;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every page says about caching, cookies and scripts, and how label text shows. */
class PageHeadersTest {
    private static ConsoleFixture console;

    @BeforeAll
    static void start() {
        console = ConsoleFixture.start();
        Counter jobs = console.console().runtime().registry().counter("jobs_total", "status");
        jobs.labels("failure").inc();
        jobs.labels("x\", status=\"failure").inc(5);
        console.sync();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void pagesAreNeverCached() {
        for (String path : new String[] {Ui.DASHBOARD, Ui.EXPORTS_PAGE, Ui.HEALTH_STATUS, Ui.API_METRICS}) {
            assertEquals("no-store", console.get(path).header("Cache-Control"), path);
        }
    }

    @Test
    void theCsrfCookieIsSecureBehindATlsProxy() {
        assertFalse(console.get(Ui.DASHBOARD).header("Set-Cookie").contains("Secure"), "plain HTTP on loopback");
        String cookie = console.get(Ui.DASHBOARD, "X-Forwarded-Proto", "https").header("Set-Cookie");
        assertTrue(cookie.contains("; Secure"), cookie);
    }

    @Test
    void theDocumentedContentSecurityPolicyIsTheOneSent() throws IOException {
        String sent = console.get(Ui.DASHBOARD).header("Content-Security-Policy");
        String doc = Files.readString(Path.of("..", "docs", "console.md"));
        assertTrue(doc.contains("`Content-Security-Policy: " + sent + "`"), "docs/console.md shows: " + sent);
    }

    @Test
    void aLabelValueCannotPassForAnotherLabel() {
        String filter = URLEncoder.encode("status=\"failure\"", StandardCharsets.UTF_8);
        Response r = console.get(Ui.METRICS_FRAGMENT + "?label=" + filter);
        assertEquals(200, r.status());
        assertTrue(r.body().contains("1 of "), "only the real failure matches: " + r.body());
        String page = console.get(Ui.METRICS_FRAGMENT + "?name=jobs").body();
        assertTrue(
                page.contains("<td class=\"labels\">status=\"x\\\", status=\\\"failure\"</td>"),
                "the quotes inside the value show escaped: " + page);
    }
}
