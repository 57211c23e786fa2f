package io.tasker.metrics.config;

import java.time.Duration;

/**
 * What the recent runs read ({@code runs.*}).
 *
 * <pre>{@code
 * int failed = config.runs().keepFailed();
 * }</pre>
 *
 * @param keepSuccessful {@code runs.keep_successful}: successful task runs each instance keeps
 * @param keepFailed {@code runs.keep_failed}: failed task runs each instance keeps at most
 * @param keepFailedFor {@code runs.keep_failed_for}: how long each instance keeps a failed run
 */
public record RunsConfig(int keepSuccessful, int keepFailed, Duration keepFailedFor) {}
