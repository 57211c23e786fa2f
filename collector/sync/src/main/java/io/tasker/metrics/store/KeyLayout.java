package io.tasker.metrics.store;

import java.util.UUID;

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
 *
 * @param namespace the prefix of every key
 */
public record KeyLayout(String namespace) {
    /** The namespace of a configuration that names none ({@code cache.namespace}). */
    public static final String DEFAULT_NAMESPACE = "tasker";

    /**
     * Checks the namespace.
     *
     * @param namespace a non-empty word without spaces
     * @throws IllegalArgumentException for a null, blank or spaced namespace
     */
    public KeyLayout {
        if (namespace == null || namespace.isBlank() || namespace.contains(" ")) {
            throw new IllegalArgumentException(
                    "cache.namespace must be a non-empty word without spaces, got '" + namespace + "'");
        }
    }

    /**
     * The layout of the default namespace.
     *
     * @return the layout of {@value #DEFAULT_NAMESPACE}
     */
    public static KeyLayout defaults() {
        return new KeyLayout(DEFAULT_NAMESPACE);
    }

    /**
     * The key of the list of instances that sync.
     *
     * @return {@code {ns}:instances}
     */
    public String instances() {
        return namespace + ":instances";
    }

    /**
     * The key of an instance's last sync record.
     *
     * @param instance the instance id
     * @return {@code {ns}:instance:{id}:meta}
     */
    public String meta(String instance) {
        return namespace + ":instance:" + instance + ":meta";
    }

    /**
     * The key of one chunk of an instance's series.
     *
     * @param instance the instance id
     * @param k the chunk number, from 0
     * @return {@code {ns}:instance:{id}:chunk:{k}}
     */
    public String chunk(String instance, int k) {
        return namespace + ":instance:" + instance + ":chunk:" + k;
    }

    /**
     * An instance's recent task runs; they expire with its other keys when it stops.
     *
     * @param instance the instance id
     * @return {@code {ns}:instance:{id}:runs}
     */
    public String runs(String instance) {
        return namespace + ":instance:" + instance + ":runs";
    }

    /**
     * The key of the retired totals' record: generation, chunk count, folded ids.
     *
     * @return {@code {ns}:retired}
     */
    public String retired() {
        return namespace + ":retired";
    }

    /**
     * The key of one chunk of the retired totals of a generation.
     *
     * @param generation the retired totals' generation
     * @param k the chunk number, from 0
     * @return {@code {ns}:retired:{gen}:chunk:{k}}
     */
    public String retiredChunk(long generation, int k) {
        return namespace + ":retired:" + generation + ":chunk:" + k;
    }

    /**
     * The key of what was folded for one stopped instance, should it wake up.
     *
     * @param instance the instance id
     * @return {@code {ns}:folded:{id}}
     */
    public String folded(String instance) {
        return namespace + ":folded:" + instance;
    }

    /**
     * The key of a fencing number, incremented atomically.
     *
     * @param name the fence's name
     * @return {@code {ns}:fence:{name}}
     */
    public String fence(String name) {
        return namespace + ":fence:" + name;
    }

    /**
     * The key that holds a lock's owner token.
     *
     * @param name the lock's name
     * @return {@code {ns}:lock:{name}}
     */
    public String lock(String name) {
        return namespace + ":lock:" + name;
    }

    /**
     * The key of the shared export history.
     *
     * @return {@code {ns}:exports}
     */
    public String exports() {
        return namespace + ":exports";
    }

    /**
     * The key of the store's epoch record. It is gone with everything else when the store loses
     * its data; a new one tells readers so.
     *
     * @return {@code {ns}:epoch}
     */
    public String epoch() {
        return namespace + ":epoch";
    }

    /**
     * A fresh prefix for one capability probe's keys, so that concurrent probes never meet.
     *
     * @return {@code {ns}:probe:} and a random UUID
     */
    public String probe() {
        return namespace + ":probe:" + UUID.randomUUID();
    }
}
