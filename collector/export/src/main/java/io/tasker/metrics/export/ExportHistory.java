package io.tasker.metrics.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.Record;
import io.tasker.metrics.store.StoreException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exports of the whole cluster, newest first, in one bounded record of the shared store
 * ({@code {ns}:exports}), so that the console shows exports made by the scheduler of any
 * instance or by the CLI in a CronJob. Appends are compare-and-set, retried on races.
 *
 * <pre>{@code
 * new ExportHistory(store, keys).append(record);
 * }</pre>
 */
public final class ExportHistory {
    /** Entries kept; older ones drop off (the console keeps its own longer history in H2). */
    public static final int CAPACITY = 200;

    private static final Duration TTL = Duration.ofDays(30);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<ExportRecord>> LIST = new TypeReference<>() {};

    private final CacheStore store;
    private final String key;

    /**
     * The history under {@code keys}' namespace.
     *
     * @param store the shared store
     * @param keys the layout that names the history's key
     */
    public ExportHistory(CacheStore store, KeyLayout keys) {
        this.store = store;
        this.key = keys.exports();
    }

    /**
     * Adds an export at the front; throws StoreException when the store cannot be reached.
     *
     * @param record the export to add
     * @throws StoreException when the store fails, or 20 attempts lost their race
     */
    public void append(ExportRecord record) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<Record> current = store.get(key);
            List<ExportRecord> list =
                    new ArrayList<>(current.map(r -> decode(r.data())).orElse(List.of()));
            list.add(0, record);
            if (list.size() > CAPACITY) {
                list.subList(CAPACITY, list.size()).clear();
            }
            long version = current.map(Record::version).orElse(-1L);
            if (store.compareAndSet(key, version, new Record(version + 1, encode(list)), TTL)) {
                return;
            }
            try {
                Thread.sleep((long) (Math.random() * 10 * (attempt + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new StoreException("Could not append to the export history " + key + " after 20 attempts");
    }

    /**
     * The exports kept, newest first; a corrupt history reads as empty.
     *
     * @return at most {@value #CAPACITY} records
     * @throws StoreException when the store fails
     */
    public List<ExportRecord> list() {
        return store.get(key).map(r -> decode(r.data())).orElse(List.of());
    }

    /**
     * The newest successful export, if any.
     *
     * @return its record, or empty
     * @throws StoreException when the store fails
     */
    public Optional<ExportRecord> lastSuccess() {
        return list().stream().filter(ExportRecord::success).findFirst();
    }

    private static byte[] encode(List<ExportRecord> list) {
        try {
            return JSON.writeValueAsBytes(list);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode the export history", e);
        }
    }

    private static List<ExportRecord> decode(byte[] data) {
        try {
            return JSON.readValue(data, LIST);
        } catch (IOException e) {
            return List.of();
        }
    }
}
