package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route path in {@link Ui} is served: a constant that no handler registers is a link or
 * an htmx URL that would answer 404 (as {@code /ui/status} and {@code /ui/exports} once did).
 */
class RoutesTest {
    @Test
    void everyPathInUiIsServed() throws IllegalAccessException {
        List<String> paths = paths();
        assertTrue(paths.contains(Ui.METRICS_FRAGMENT) && paths.contains(Ui.API_SYNC), "found by reflection: " + paths);
        try (ConsoleFixture console = ConsoleFixture.start()) {
            String unserved =
                    console.get("/ui/no-such-fragment", console.bearer()).body();
            for (String template : paths) {
                // A path with a parameter ({task_id}) may answer 404 for an unknown id, but with its own message.
                String path = template.replaceAll("\\{[a-z_]+}", "no-such-id");
                if (!path.equals(template)) {
                    ConsoleFixture.Response r = console.get(path, console.bearer());
                    assertTrue(
                            r.status() != 404 || !r.body().equals(unserved),
                            template + " is declared in Ui but not served");
                    continue;
                }
                // A POST-only route answers GET with 404 too; only when both do is nothing there.
                int get = console.get(path, console.bearer()).status();
                int post = get == 404 ? console.post(path, console.bearer()).status() : get;
                assertTrue(post != 404, path + " is declared in Ui but no route serves it");
            }
            assertEquals(
                    404, console.get("/ui/no-such-fragment", console.bearer()).status(), "the check can fail");
        }
    }

    private static List<String> paths() throws IllegalAccessException {
        List<String> paths = new ArrayList<>();
        for (Field f : Ui.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && ((String) f.get(null)).startsWith("/")) {
                paths.add((String) f.get(null));
            }
        }
        return paths;
    }
}
