package io.tasker.metrics.console.config;

import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.ConfigKey.Kind;
import io.tasker.metrics.config.TaskerConfig;
import java.util.List;

/**
 * {@code console.alerts.*}: when the console raises an alert of its own.
 *
 * <pre>{@code
 * AlertSettings.from(config).errorRate(); // 0.05: a task failing more than 5% of its runs
 * }</pre>
 *
 * @param errorRate the share of failed executions in the Tasks page's window above which a task
 *                  is highlighted, a banner shows and {@code tasker_console_alert_firing{alert="task_error_rate"}} is 1
 */
public record AlertSettings(double errorRate) {

    /** The keys, with defaults and environment variables. */
    public static final List<ConfigKey> KEYS =
            List.of(ConfigKey.of("console.alerts.error_rate", Kind.STRING, "0.05", "TASKER_CONSOLE_ALERTS_ERROR_RATE"));

    public AlertSettings {
        if (!(errorRate > 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("console.alerts.error_rate is " + errorRate
                    + "; write a share between 0 and 1, such as 0.05 for 5%");
        }
    }

    public static AlertSettings from(TaskerConfig config) {
        String text =
                String.valueOf(config.application().text(KEYS.get(0).name())).trim();
        try {
            return new AlertSettings(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("console.alerts.error_rate is '" + text
                    + "', not a number; write a share between 0 and 1, such as 0.05 for 5%");
        }
    }
}
