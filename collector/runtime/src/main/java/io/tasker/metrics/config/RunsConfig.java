package io.tasker.metrics.config;

/**
 * What the recent runs read ({@code runs.*}).
 *
 * <pre>{@code
 * int failed = config.runs().keepFailed();
 * }</pre>
 *
 * @param keepSuccessful {@code runs.keep_successful}: successful task runs each instance keeps
 * @param keepFailed {@code runs.keep_failed}: failed task runs each instance keeps
 */
public record RunsConfig(int keepSuccessful, int keepFailed) {}
