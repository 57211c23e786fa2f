package io.tasker.metrics.testing;

import java.util.Locale;

/**
 * A server did not come up: it exited early or did not answer in time. The message carries the
 * server's last output lines, which usually say why.
 */
public final class ServerStartException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Whether the process exited, rather than running on without answering. */
    private final boolean exited;

    ServerStartException(String message, boolean exited) {
        super(message);
        this.exited = exited;
    }

    /**
     * True when the process exited because another process already held its port.
     *
     * @return whether it exited with an "address already in use" message
     */
    public boolean portInUse() {
        // redis, memcached and Go's net package all say it this way, in one case or another.
        return exited && getMessage().toLowerCase(Locale.ROOT).contains("address already in use");
    }
}
