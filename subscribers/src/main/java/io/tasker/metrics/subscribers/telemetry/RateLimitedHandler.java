package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Passes at most {@code perMinute} records a minute for each logger and level, and counts the
 * rest; the first record passed after a suppression says how many were left out. An outage made
 * the SDK log once per failed batch; the counters, not the log, are where loss is counted.
 */
final class RateLimitedHandler extends Handler {
    static final int PER_MINUTE = 5;
    private static final long MINUTE_MILLIS = 60_000;

    private final Handler delegate;
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    RateLimitedHandler(Handler delegate, int perMinute, Clock clock) {
        this.delegate = delegate;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        int suppressed;
        synchronized (windows) {
            Window w = windows.computeIfAbsent(record.getLoggerName() + "|" + record.getLevel(), k -> new Window());
            long now = clock.wallTimeMillis();
            if (now - w.start >= MINUTE_MILLIS) {
                w.start = now;
                w.passed = 0;
            }
            if (w.passed >= perMinute) {
                w.suppressed++;
                return;
            }
            w.passed++;
            suppressed = w.suppressed;
            w.suppressed = 0;
        }
        delegate.publish(suppressed == 0 ? record : noted(record, suppressed));
    }

    private static LogRecord noted(LogRecord record, int suppressed) {
        LogRecord copy = new LogRecord(
                record.getLevel(),
                record.getMessage() + " [" + suppressed
                        + " similar lines from this logger were left out since the last one]");
        copy.setParameters(record.getParameters());
        copy.setLoggerName(record.getLoggerName());
        copy.setThrown(record.getThrown());
        copy.setInstant(record.getInstant());
        copy.setResourceBundle(record.getResourceBundle());
        copy.setSourceClassName(record.getSourceClassName());
        copy.setSourceMethodName(record.getSourceMethodName());
        return copy;
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** One logger and level's current minute. */
    private static final class Window {
        long start = Long.MIN_VALUE / 2;
        int passed;
        int suppressed;
    }
}
