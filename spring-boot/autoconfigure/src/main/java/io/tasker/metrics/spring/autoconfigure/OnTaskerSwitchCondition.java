package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.config.TaskerConfig;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Reads the collector's configuration as the beans will, and checks one boolean key of it. */
class OnTaskerSwitchCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnTaskerSwitch.class.getName());
        String key = (String) attributes.get("value");
        TaskerProperties properties = Binder.get(context.getEnvironment())
                .bind("tasker", TaskerProperties.class)
                .orElseGet(TaskerProperties::new);
        TaskerConfig config;
        try {
            config = TaskerConfigs.load(properties, System.getenv());
        } catch (RuntimeException invalid) {
            // The TaskerConfig bean fails with the full list of problems; no need to say it twice.
            return ConditionOutcome.noMatch("the Tasker Metrics configuration is invalid");
        }
        boolean on = switch (key) {
            case "telemetry.enabled" -> config.openTelemetry().enabled();
            case "telemetry.statsd.enabled" -> config.statsd().enabled();
            default -> throw new IllegalArgumentException("@ConditionalOnTaskerSwitch knows no switch " + key);
        };
        return on ? ConditionOutcome.match(key + " is true") : ConditionOutcome.noMatch(key + " is not true");
    }
}
