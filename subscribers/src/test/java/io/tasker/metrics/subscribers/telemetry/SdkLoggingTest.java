package io.tasker.metrics.subscribers.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The SDK's java.util.logging goes through SLF4J, a few lines a minute per logger, and says what it left out. */
class SdkLoggingTest {
    @Test
    void theSdkLoggersGoToSlf4jAndNoLongerToTheRootHandler() {
        SdkLogging.route();
        SdkLogging.route(); // once only
        Logger otel = Logger.getLogger("io.opentelemetry");
        assertFalse(otel.getUseParentHandlers(), "stderr through the root handler no more");
        List<Handler> handlers = Arrays.asList(otel.getHandlers());
        assertEquals(1, handlers.size());
        assertTrue(handlers.get(0) instanceof RateLimitedHandler);
        assertTrue(Logger.getLogger("com.example").getUseParentHandlers());
    }

    @Test
    void fivePerMinutePerLoggerAndLevelThenACountOfWhatWasLeftOut() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        List<LogRecord> out = new ArrayList<>();
        RateLimitedHandler handler = new RateLimitedHandler(collect(out), 5, clock);
        for (int i = 0; i < 100; i++) {
            handler.publish(record("io.opentelemetry.exporter", Level.SEVERE, "Failed to export " + i));
        }
        handler.publish(record("io.opentelemetry.sdk", Level.SEVERE, "another logger"));
        assertEquals(6, out.size());
        clock.advance(Duration.ofSeconds(61));
        handler.publish(record("io.opentelemetry.exporter", Level.SEVERE, "Failed to export again"));
        assertEquals(7, out.size());
        assertEquals(
                "Failed to export again [95 similar lines from this logger were left out since the last one]",
                out.get(6).getMessage());
        assertEquals("io.opentelemetry.exporter", out.get(6).getLoggerName());
    }

    private static LogRecord record(String logger, Level level, String message) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName(logger);
        return r;
    }

    private static Handler collect(List<LogRecord> out) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                out.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
