package io.tasker.metrics.sync;

/**
 * Where everything lives in the shared store, under one namespace (see docs/sync.md):
 *
 * <pre>
 * {ns}:instances                      the ids of the instances that sync (JSON, compare-and-set)
 * {ns}:instance:{id}:meta             an instance's last sync: sequence, time, chunk count (JSON)
 * {ns}:instance:{id}:chunk:{k}        up to batch_size of its series, cumulative (binary)
 * {ns}:instance:{id}:runs             its recent task runs (JSON), written with each sync
 * {ns}:retired                        what stopped instances left: generation, chunk count, folded ids (JSON)
 * {ns}:retired:{gen}:chunk:{k}        their series, added up (binary)
 * {ns}:fence:{name}                   fencing numbers (atomic increments)
 * </pre>
 */
public record KeyLayout(String namespace) {
    public KeyLayout {
        if (namespace == null || namespace.isBlank() || namespace.contains(" ")) {
            throw new IllegalArgumentException("cache.namespace must be a non-empty word without spaces, got '"
                    + namespace + "'");
        }
    }

    public String instances() {
        return namespace + ":instances";
    }

    public String meta(String instance) {
        return namespace + ":instance:" + instance + ":meta";
    }

    public String chunk(String instance, int k) {
        return namespace + ":instance:" + instance + ":chunk:" + k;
    }

    /** An instance's recent task runs; they expire with its other keys when it stops. */
    public String runs(String instance) {
        return namespace + ":instance:" + instance + ":runs";
    }

    public String retired() {
        return namespace + ":retired";
    }

    public String retiredChunk(long generation, int k) {
        return namespace + ":retired:" + generation + ":chunk:" + k;
    }

    public String fence(String name) {
        return namespace + ":fence:" + name;
    }
}
