package io.tasker.metrics.runs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One attempt of one step within a task run; {@code endedAt}, the duration and the error are
 * null while it runs (and the error is null when it succeeded).
 *
 * @param stepName the step's name
 * @param attempt the attempt's number, from 1
 * @param status running, success or failure
 * @param startedAt when the attempt began
 * @param endedAt when it ended, or null
 * @param durationMillis how long it took, or null
 * @param errorType the error's type, or null
 * @param errorMessage the error's message, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepRun(
        String stepName,
        int attempt,
        RunStatus status,
        Instant startedAt,
        Instant endedAt,
        Long durationMillis,
        String errorType,
        String errorMessage) {}
