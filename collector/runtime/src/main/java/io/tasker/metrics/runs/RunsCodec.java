package io.tasker.metrics.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Runs as JSON in the store, readable with redis-cli: a list of runs, times as ISO-8601. */
final class RunsCodec {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<TaskRun>> RUNS = new TypeReference<>() {
    };

    private RunsCodec() {
    }

    static byte[] encode(List<TaskRun> runs) {
        try {
            return JSON.writeValueAsBytes(runs);
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
