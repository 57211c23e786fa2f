/**
 * The design document's TelemetrySubscriber: workflow events into OpenTelemetry spans, one root
 * span per task run and one child per step attempt, timed by the events themselves; and the SDK
 * set up from {@code telemetry.*} and the standard {@code OTEL_*} variables to send them by OTLP over
 * HTTP with the JDK's client.
 */
package io.tasker.metrics.subscribers.telemetry;
