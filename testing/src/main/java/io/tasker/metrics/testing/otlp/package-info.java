/**
 * A real OTLP/HTTP receiver for tests: {@link io.tasker.metrics.testing.otlp.OtlpReceiver} decodes
 * traces and metrics, binary protobuf or JSON, plain or gzip, with the protocol's generated
 * classes ({@code io.opentelemetry.proto:opentelemetry-proto}, which a module using it declares,
 * with {@code protobuf-java} and {@code protobuf-java-util}: they are optional here so that
 * modules that do not use it keep their own protobuf version).
 */
package io.tasker.metrics.testing.otlp;
