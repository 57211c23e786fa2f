package io.tasker.metrics.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when a switch of the collector's configuration ({@code telemetry.enabled} or
 * {@code telemetry.statsd.enabled}) is true, wherever it was set: a
 * {@code tasker.*} property, the YAML file, or its {@code TASKER_*} environment variable. Spring's
 * {@code @ConditionalOnProperty} sees only the first, and not every key's variable follows
 * Spring's naming ({@code TASKER_STATSD_ENABLED} is {@code telemetry.statsd.enabled}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnTaskerSwitchCondition.class)
public @interface ConditionalOnTaskerSwitch {
    /**
     * The collector's key, as the YAML file names it.
     *
     * @return {@code telemetry.enabled} or {@code telemetry.statsd.enabled}
     */
    String value();
}
