package io.tasker.metrics.runs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a task run or a step attempt stands. */
public enum RunStatus {
    /** Started and not ended yet. */
    RUNNING,
    /** Ended well. */
    SUCCESS,
    /** Ended in failure. */
    FAILURE;

    /**
     * The status in lower case, as JSON writes it.
     *
     * @return {@code running}, {@code success} or {@code failure}
     */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code success}, {@code failed} or {@code failure}, as the API's {@code status} filter takes them.
     *
     * @param word {@code success} or {@code succeeded}, {@code failed} or {@code failure},
     *     {@code running}; in any case
     * @return the status
     * @throws IllegalArgumentException for any other word
     */
    public static RunStatus parse(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "success", "succeeded" -> SUCCESS;
            case "failed", "failure" -> FAILURE;
            case "running" -> RUNNING;
            default ->
                throw new IllegalArgumentException(
                        "status must be one of success, failed, running; got '" + word + "'");
        };
    }
}
