package io.tasker.metrics.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches unless {@code tasker.enabled} is false: the one switch that every part of the
 * auto-configuration shares.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(prefix = "tasker", name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnTaskerEnabled {}
