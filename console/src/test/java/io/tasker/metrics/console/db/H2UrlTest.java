package io.tasker.metrics.console.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One reading of H2 URLs for the truncation check and the database's directory: every form H2 takes as a file. */
class H2UrlTest {
    @Test
    void everyFormOfAFileUrlNamesItsFile() {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(
                Optional.of(cwd.resolve("data2/console.mv.db")),
                H2Url.parse("jdbc:h2:./data2/console").file());
        assertEquals(
                Optional.of(cwd.resolve("data/console.mv.db")),
                H2Url.parse("jdbc:h2:file:./data/console").file());
        assertEquals(
                Optional.of(Path.of("/srv/c.mv.db")),
                H2Url.parse("JDBC:H2:FILE:/srv/c;MODE=PostgreSQL").file());
        assertEquals(
                Optional.of(Path.of("/srv/c.mv.db")),
                H2Url.parse("jdbc:h2:/srv/c;AUTO_SERVER=FALSE").file());
        assertEquals(
                Optional.of(cwd.getParent().resolve("up/c.mv.db")),
                H2Url.parse("jdbc:h2:../up/c").file());
        assertEquals(
                Optional.of(Path.of(System.getProperty("user.home"), "c.mv.db")),
                H2Url.parse("jdbc:h2:~/c").file());
    }

    @Test
    void memoryAndServerUrlsNameNoFile() {
        for (String url : new String[] {
            "jdbc:h2:mem:x",
            "jdbc:h2:mem:",
            "jdbc:h2:tcp://db:9092/./data/c",
            "jdbc:h2:ssl://db/x",
            "jdbc:postgresql://db/x",
            "jdbc:h2:zip:/a.zip!/c"
        }) {
            assertFalse(H2Url.parse(url).file().isPresent(), url);
        }
    }

    @Test
    void theCheckAndTheDatabaseReadUrlsAlike() {
        assertTrue(H2Url.parse("jdbc:h2:./x;AUTO_SERVER=TRUE").autoServer());
        assertFalse(H2Url.parse("jdbc:h2:./x;AUTO_SERVER=FALSE").autoServer());
    }
}
