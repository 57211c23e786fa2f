package io.tasker.metrics.subscribers;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.MetricsSubscriber;
import io.tasker.metrics.events.PublisherOptions;
import io.tasker.metrics.subscribers.statsd.StatsdSettings;
import io.tasker.metrics.subscribers.statsd.StatsdSubscriber;
import io.tasker.metrics.subscribers.telemetry.TelemetrySdk;
import io.tasker.metrics.subscribers.telemetry.TelemetrySettings;
import io.tasker.metrics.subscribers.telemetry.TelemetrySubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An event publisher with the subscribers the configuration asks for: the
 * {@link MetricsSubscriber} always, the {@link TelemetrySubscriber} when {@code telemetry.enabled}
 * (with an OTLP/HTTP SDK of its own), the {@link StatsdSubscriber} when
 * {@code telemetry.statsd.enabled}. Closing it drains the publisher, then flushes and shuts down
 * the SDK, in that order, so the last spans are sent.
 *
 * <pre>{@code
 * try (Subscribers events = Subscribers.start(config, System.getenv(), registry)) {
 *     events.publisher().publish(new TaskStarted("12345", "payment_processing", clock.instant()));
 * }
 * }</pre>
 */
public final class Subscribers implements AutoCloseable {
    private final EventPublisher publisher;
    private final OpenTelemetrySdk sdk;
    private final List<String> names;

    private Subscribers(EventPublisher publisher, OpenTelemetrySdk sdk, List<String> names) {
        this.publisher = publisher;
        this.sdk = sdk;
        this.names = List.copyOf(names);
    }

    /**
     * Starts a publisher with the subscribers the configuration turns on.
     *
     * @param config the configuration: {@code events.*}, {@code telemetry.*} and {@code telemetry.statsd.*}
     * @param env the environment variables, for the OpenTelemetry ones
     * @param registry where the MetricsSubscriber and the publisher record; its clock also
     *     paces the telemetry subscriber's eviction of open tasks
     * @return the running subscribers
     * @throws IllegalArgumentException when a subscriber's settings cannot be used, naming the key
     */
    public static Subscribers start(TaskerConfig config, Map<String, String> env, MetricRegistry registry) {
        PublisherOptions options = new PublisherOptions(config.value(ConfigKey.EVENTS_QUEUE_CAPACITY),
                config.value(ConfigKey.EVENTS_DRAIN_TIMEOUT));
        TelemetrySettings telemetry = TelemetrySettings.from(config, env);
        StatsdSettings statsd = StatsdSettings.from(config);
        EventPublisher publisher = new EventPublisher(registry, options);
        List<String> names = new ArrayList<>();
        publisher.subscribe(new MetricsSubscriber(registry));
        names.add("metrics");
        OpenTelemetrySdk sdk = null;
        if (telemetry.enabled()) {
            sdk = TelemetrySdk.start(telemetry);
            Clock clock = registry.options().clock();
            publisher.subscribe(new TelemetrySubscriber(sdk.getTracer("io.tasker.metrics"), telemetry.options(), clock));
            names.add("telemetry");
        }
        if (statsd.enabled()) {
            publisher.subscribe(StatsdSubscriber.start(statsd));
            names.add("statsd");
        }
        return new Subscribers(publisher, sdk, names);
    }

    /**
     * The publisher to publish lifecycle events to.
     *
     * @return the publisher
     */
    public EventPublisher publisher() {
        return publisher;
    }

    /**
     * The names of the subscribers wired, in order.
     *
     * @return {@code metrics}, then {@code telemetry} and {@code statsd} when on
     */
    public List<String> names() {
        return names;
    }

    /** Drains the publisher, then flushes and shuts down the OpenTelemetry SDK, waiting up to 10 seconds. */
    @Override
    public void close() {
        publisher.close();
        if (sdk != null) {
            sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS);
        }
    }
}
