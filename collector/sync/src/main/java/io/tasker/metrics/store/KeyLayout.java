package io.tasker.metrics.store;

/**
 * Where everything lives in the shared store, under one namespace; no other class builds a key.
 *
 * <pre>
 * {ns}:instances                      the ids of the instances that sync (JSON, compare-and-set)
 * {ns}:instance:{id}:meta             an instance's last sync: sequence, time, chunk count (JSON)
 * {ns}:instance:{id}:chunk:{k}        up to batch_size of its series, cumulative (binary)
 * {ns}:instance:{id}:runs             its recent task runs (JSON), written with each sync
 * {ns}:retired                        what stopped instances left: generation, chunk count, folded ids (JSON)
 * {ns}:retired:{gen}:chunk:{k}        their series, added up (binary)
 * {ns}:folded:{id}                    what was folded for one stopped instance, should it wake up (binary)
 * {ns}:fence:{name}                   fencing numbers (atomic increments)
 * {ns}:lock:{name}                    a lock's owner token
 * {ns}:exports                        the shared export history (JSON)
 * {ns}:epoch                          the store's life: a token, when it began, whether after a loss (JSON)
 * {ns}:probe:{random}                 short-lived keys of a capability probe
 * </pre>
 *
 * <p>A namespace is one word without spaces, so that two deployments sharing a store stay apart:
 * {@code new KeyLayout("tasker").meta("web-1")} is {@code tasker:instance:web-1:meta}.
 */
public record KeyLayout(String namespace) {
    /** The namespace of a configuration that names none ({@code cache.namespace}). */
    public static final String DEFAULT_NAMESPACE = "tasker";

    /** Refuses a blank namespace or one with a space: every key of the store starts with it. */
    public KeyLayout {
        if (namespace == null || namespace.isBlank() || namespace.contains(" ")) {
            throw new IllegalArgumentException("cache.namespace must be a non-empty word without spaces, got '"
                    + namespace + "'");
        }
    }

    /** The layout of the default namespace. */
    public static KeyLayout defaults() {
        return new KeyLayout(DEFAULT_NAMESPACE);
    }

    /** The key of the list of instances that have synced. */
    public String instances() {
        return namespace + ":instances";
    }

    /** The key of an instance's metadata: its sequence, last sync and chunk count. */
    public String meta(String instance) {
        return namespace + ":instance:" + instance + ":meta";
    }

    /** The key of chunk {@code k} of an instance's cumulative state. */
    public String chunk(String instance, int k) {
        return namespace + ":instance:" + instance + ":chunk:" + k;
    }

    /** An instance's recent task runs; they expire with its other keys when it stops. */
    public String runs(String instance) {
        return namespace + ":instance:" + instance + ":runs";
    }

    /** The key of the retired totals' head record: which generation is current. */
    public String retired() {
        return namespace + ":retired";
    }

    /** The key of chunk {@code k} of one generation of the retired totals. */
    public String retiredChunk(long generation, int k) {
        return namespace + ":retired:" + generation + ":chunk:" + k;
    }

    /**
     * The key of what was folded of a stopped instance, kept so that it can resume without counting
     * twice.
     */
    public String folded(String instance) {
        return namespace + ":folded:" + instance;
    }

    /** The key of a fencing token: it only grows, so that a late holder of an expired lock is refused. */
    public String fence(String name) {
        return namespace + ":fence:" + name;
    }

    /** The key of a lock, such as the export lock. */
    public String lock(String name) {
        return namespace + ":lock:" + name;
    }

    /** The key of the shared export history. */
    public String exports() {
        return namespace + ":exports";
    }

    /** Gone with everything else when the store loses its data; a new one tells readers so. */
    public String epoch() {
        return namespace + ":epoch";
    }

    /** A fresh prefix for one capability probe's keys, so that concurrent probes never meet. */
    public String probe() {
        return namespace + ":probe:" + java.util.UUID.randomUUID();
    }
}
