package io.tasker.metrics.console.security;

import java.util.Map;

/** A request refused: its status, the reason shown to the client, and headers to send (a login challenge). */
public final class Denied extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    public Denied(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
