package io.tasker.metrics.subscribers.telemetry;

import io.tasker.metrics.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The OpenTelemetry SDK logs through {@code java.util.logging}, which wrote straight to stderr
 * beside our SLF4J lines. Its {@code io.opentelemetry} loggers go to SLF4J instead
 * (jul-to-slf4j), rate-limited, and no longer to the root handler. Only that branch is
 * redirected: the host application's own JUL setup stays as it was.
 */
final class SdkLogging {
    private static final AtomicBoolean ROUTED = new AtomicBoolean();
    /** Held strongly: JUL keeps loggers weakly, and a collected logger forgets its handlers. */
    private static final Logger OPENTELEMETRY = Logger.getLogger("io.opentelemetry");

    private SdkLogging() {}

    /** Routes the SDK's logging once per class loader; later calls do nothing. */
    static void route() {
        if (ROUTED.compareAndSet(false, true)) {
            OPENTELEMETRY.addHandler(
                    new RateLimitedHandler(new SLF4JBridgeHandler(), RateLimitedHandler.PER_MINUTE, Clock.SYSTEM));
            OPENTELEMETRY.setUseParentHandlers(false);
        }
    }
}
