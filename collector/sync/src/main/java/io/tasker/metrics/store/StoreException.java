package io.tasker.metrics.store;

/**
 * A store operation failed: the store is unreachable, refused the credentials, or answered
 * something we cannot read. The message names the store (its URL, password masked) and the
 * operation. Whether the operation took effect is unknown; callers that need exactly-once
 * effects use versioned writes, which are safe to retry.
 */
public class StoreException extends RuntimeException {
    /**
     * A failure without an underlying exception.
     *
     * @param message what failed, naming the store and the operation
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * A failure caused by another exception, such as the client library's.
     *
     * @param message what failed, naming the store and the operation
     * @param cause the underlying exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
