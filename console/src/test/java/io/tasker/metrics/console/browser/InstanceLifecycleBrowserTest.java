package io.tasker.metrics.console.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.JavaProcess;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An instance's life as the Instances page shows it, with instances in JVMs of their own syncing
 * into a real Redis beside the console: stopped with SIGTERM (its shutdown hook's final sync says
 * so), it shows {@code stopped} within one sync interval and raises no alert, while one killed with
 * SIGKILL goes late and raises the instance-late alert; each shows the host it recorded itself,
 * not one read from its id; a process started again under the stopped one's id is shown as its
 * restart.
 */
class InstanceLifecycleBrowserTest {
    private static final Duration SYNC = Duration.ofSeconds(5);
    private static final String NAMESPACE = "life" + System.nanoTime();

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @RegisterExtension
    static final BrowserConsole browser = new BrowserConsole(b -> b.clock(Clock.SYSTEM)
            .demo(false)
            .cacheUrl(redis.url())
            .env("TASKER_CACHE_NAMESPACE", NAMESPACE)
            .env("TASKER_SYNC_INTERVAL", SYNC.toSeconds() + "s"));

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSigtermStoppedInstanceShowsStoppedWithinOneSyncIntervalAndRaisesNoAlert() throws Exception {
        Child web1 = start("web-1");
        Child web2 = start("web-2");
        assertEquals("web-1", web1.synced().get(90, TimeUnit.SECONDS), web1.output());
        assertEquals("web-2", web2.synced().get(90, TimeUnit.SECONDS), web2.output());

        browser.open(Ui.INSTANCES_PAGE);
        assertEquals("live", cell("web-1", "status"));
        assertEquals("live", cell("web-2", "status"));
        String host = localHost();
        assertEquals(host, cell("web-1", "host"), "the host the instance recorded, not one read from its id");
        assertEquals(host, cell("web-2", "host"));
        assertNotEquals("web", cell("web-1", "host"));
        WebElement started = row("web-1").findElement(By.cssSelector(".started time"));
        assertTrue(started.getText().endsWith(" s ago"), started.getText());
        assertTrue(started.getAttribute("title").endsWith(" UTC"), "the absolute time on hover");

        // SIGTERM through the process handle, which leaves its output to be read (Process.destroy closes it).
        assertTrue(web1.process().toHandle().destroy());
        assertTrue(web1.process().waitFor(60, TimeUnit.SECONDS), web1.output());
        Instant deadline = Instant.now().plus(SYNC);
        web1.ended().get(30, TimeUnit.SECONDS);
        assertTrue(web1.output().contains("final sync succeeded"), web1.output());
        until(deadline, () -> "stopped".equals(statusNow("web-1")), "web-1 shown stopped within one sync interval");
        assertTrue(row("web-1").findElement(By.className("ended")).getText().contains("stopped"));

        assertTrue(web2.process().toHandle().destroyForcibly()); // SIGKILL: no final sync; it goes quiet.
        assertTrue(web2.process().waitFor(60, TimeUnit.SECONDS));
        Instant lateBy = Instant.now().plus(SYNC.multipliedBy(6));
        until(lateBy, () -> bannerNow().contains("web-2"), "the killed instance raises the instance-late alert");
        String banner = browser.byId(Ui.ID_ALERT_BANNER).getText();
        assertFalse(banner.contains("web-1"), "a stopped instance raises no alert: " + banner);
        browser.open(Ui.INSTANCES_PAGE);
        assertEquals("stopped", cell("web-1", "status"));
        assertEquals("late", cell("web-2", "status"));

        Child again = start("web-1"); // The same id again: it goes on under a new one, linked to the old.
        String id = again.synced().get(90, TimeUnit.SECONDS);
        assertNotEquals("web-1", id, again.output());
        browser.open(Ui.INSTANCES_PAGE);
        assertEquals(
                "restart of web-1",
                row(id).findElement(By.className("restart-of")).getText());
        assertEquals(
                "restarted as " + id,
                row("web-1").findElement(By.className("restarted-as")).getText());
        browser.screenshot("instances-lifecycle-light");
    }

    private Child start(String id) throws IOException {
        Process p = JavaProcess.start(
                InstanceProcess.class,
                List.of(),
                List.of(),
                Map.of(
                        "TASKER_CACHE_URL",
                        redis.url(),
                        "TASKER_CACHE_NAMESPACE",
                        NAMESPACE,
                        "TASKER_INSTANCE_ID",
                        id,
                        "TASKER_SYNC_INTERVAL",
                        SYNC.toSeconds() + "s"));
        started.add(p);
        return Child.of(p);
    }

    /** A child JVM, its output read as it comes, the id it synced under once it says so, and the end of its output. */
    private record Child(
            Process process, StringBuffer out, CompletableFuture<String> synced, CompletableFuture<Void> ended) {
        static Child of(Process p) {
            Child c = new Child(p, new StringBuffer(), new CompletableFuture<>(), new CompletableFuture<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        c.out.append(line).append('\n');
                        if (line.startsWith(InstanceProcess.SYNCED)) {
                            c.synced.complete(line.substring(InstanceProcess.SYNCED.length()));
                        }
                    }
                } catch (IOException e) {
                    c.out.append(e);
                }
                c.synced.completeExceptionally(new AssertionError("the instance ended before it synced: " + c.out));
                c.ended.complete(null);
            });
            reader.setDaemon(true);
            reader.start();
            return c;
        }

        String output() {
            return out.toString();
        }
    }

    /** The host name as the instance finds its own: HOSTNAME where set, else the system's. */
    private static String localHost() throws IOException {
        String env = System.getenv("HOSTNAME");
        return env != null && !env.isBlank()
                ? env.trim()
                : InetAddress.getLocalHost().getHostName();
    }

    private static String statusNow(String id) {
        browser.open(Ui.INSTANCES_PAGE);
        return browser.driver()
                        .findElements(By.cssSelector("#" + Ui.ID_INSTANCES_TABLE + " tr[data-instance='" + id + "']"))
                        .isEmpty()
                ? "absent"
                : cell(id, "status");
    }

    /** The alerts judged anew (as after a history sample), then the banner a page shows. */
    private static String bannerNow() {
        browser.console().console().history().tick();
        browser.open(Ui.INSTANCES_PAGE);
        return browser.byId(Ui.ID_ALERT_BANNER).getText();
    }

    private static void until(Instant deadline, Supplier<Boolean> condition, String what) {
        try {
            await().atMost(Duration.between(Instant.now(), deadline).abs())
                    .pollInterval(Duration.ofMillis(200))
                    .until(condition::get);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not by " + deadline + "; the page shows "
                    + browser.byId(Ui.ID_INSTANCES_TABLE).getText());
        }
    }

    private static WebElement row(String id) {
        return browser.driver()
                .findElement(By.cssSelector("#" + Ui.ID_INSTANCES_TABLE + " tr[data-instance='" + id + "']"));
    }

    private static String cell(String id, String cls) {
        return row(id).findElement(By.className(cls)).getText();
    }
}
