package io.tasker.metrics.runs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One attempt of one step within a task run; {@code endedAt}, the duration and the error are
 * null while it runs (and the error is null when it succeeded).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepRun(String stepName, int attempt, RunStatus status, Instant startedAt, Instant endedAt,
                      Long durationMillis, String errorType, String errorMessage) {
}
