package io.tasker.metrics.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Runs as JSON in the store, readable with redis-cli: a list of runs, times as ISO-8601. */
final class RunsCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<TaskRun>> RUNS = new TypeReference<>() {};

    private RunsCodec() {}

    /** A list encoded within a budget, and how many of the oldest runs it left out. */
    record Fitted(byte[] json, int omitted) {}

    /**
     * The newest runs whose JSON fits within {@code maxBytes}, as one list; {@code runs} come
     * newest first, and the older ones that do not fit are left out. Each run is encoded once.
     */
    static Fitted encodeWithin(List<TaskRun> runs, int maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        int kept = 0;
        for (TaskRun run : runs) {
            byte[] one = encodeOne(run);
            // The closing bracket, and a comma before every run but the first.
            if (out.size() + one.length + (kept > 0 ? 1 : 0) + 1 > maxBytes) {
                break;
            }
            if (kept > 0) {
                out.write(',');
            }
            out.writeBytes(one);
            kept++;
        }
        out.write(']');
        return new Fitted(out.toByteArray(), runs.size() - kept);
    }

    private static byte[] encodeOne(TaskRun run) {
        try {
            return JSON.writeValueAsBytes(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a list of runs */
    static List<TaskRun> decode(byte[] data) {
        try {
            return JSON.readValue(data, RUNS);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a list of task runs: " + e.getMessage(), e);
        }
    }
}
