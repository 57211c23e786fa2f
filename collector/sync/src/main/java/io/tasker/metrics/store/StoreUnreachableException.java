package io.tasker.metrics.store;

/**
 * The store could not be reached, or did not answer in time: the connection failed, was cut or
 * timed out, so nothing about the request itself was judged. A sync failing this way again and
 * again waits for the store; one failing otherwise again and again starts over (docs/sync.md).
 */
public class StoreUnreachableException extends StoreException {
    /**
     * A failure to reach the store.
     *
     * @param message names the store (password masked) and the operation
     * @param cause the client's exception
     */
    public StoreUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
