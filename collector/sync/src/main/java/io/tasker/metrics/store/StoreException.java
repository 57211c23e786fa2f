package io.tasker.metrics.store;

/**
 * A store operation failed: the store is unreachable, refused the credentials, or answered
 * something we cannot read. The message names the store (its URL, password masked) and the
 * operation. Whether the operation took effect is unknown; callers that need exactly-once
 * effects use versioned writes, which are safe to retry.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
