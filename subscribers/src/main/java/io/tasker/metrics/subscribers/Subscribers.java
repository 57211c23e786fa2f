package io.tasker.metrics.subscribers;

import io.opentelemetry.api.OpenTelemetry;
import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.MetricsSubscriber;
import io.tasker.metrics.events.PublisherOptions;
import io.tasker.metrics.subscribers.statsd.StatsdSettings;
import io.tasker.metrics.subscribers.statsd.StatsdSubscriber;
import io.tasker.metrics.subscribers.telemetry.GlobalTelemetry;
import io.tasker.metrics.subscribers.telemetry.SpanStats;
import io.tasker.metrics.subscribers.telemetry.TelemetrySdk;
import io.tasker.metrics.subscribers.telemetry.TelemetrySettings;
import io.tasker.metrics.subscribers.telemetry.TelemetrySubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event publisher with the subscribers the configuration asks for: the
 * {@link MetricsSubscriber} always, the {@link TelemetrySubscriber} when {@code telemetry.enabled}
 * (through the OpenTelemetry already registered, such as the Java agent's, or else an OTLP/HTTP
 * SDK of its own), the {@link StatsdSubscriber} when
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
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private final EventPublisher publisher;
    private final TelemetrySdk sdk;
    private final List<String> names;

    private Subscribers(EventPublisher publisher, TelemetrySdk sdk, List<String> names) {
        this.publisher = publisher;
        this.sdk = sdk;
        this.names = List.copyOf(names);
    }

    /**
     * Starts the publisher and the subscribers the configuration enables.
     *
     * @param config the loaded configuration
     * @param env the environment variables ({@code System.getenv()}); the {@code OTEL_*} ones configure traces
     * @param registry where the publisher's and the subscribers' own metrics go
     * @return the running subscribers
     * @throws IllegalArgumentException when a subscriber's settings cannot be used, naming the key
     */
    public static Subscribers start(TaskerConfig config, Map<String, String> env, MetricRegistry registry) {
        return start(config, env, registry, null);
    }

    /**
     * Starts the publisher and the subscribers, with the collector's instance id as the traces'
     * {@code service.instance.id} unless {@code telemetry.instance_id} or
     * {@code OTEL_RESOURCE_ATTRIBUTES} gives one.
     *
     * @param config the loaded configuration
     * @param env the environment variables; the {@code OTEL_*} ones configure traces
     * @param registry where the publisher's and the subscribers' own metrics go
     * @param instanceId the running collector's instance id, or null
     * @return the running subscribers
     * @throws IllegalArgumentException when a subscriber's settings cannot be used, naming the key
     */
    public static Subscribers start(
            TaskerConfig config, Map<String, String> env, MetricRegistry registry, String instanceId) {
        PublisherOptions options = new PublisherOptions(
                config.events().queueCapacity(), config.events().drainTimeout());
        TelemetrySettings telemetry = TelemetrySettings.from(config, env).withDefaultInstanceId(instanceId);
        StatsdSettings statsd = StatsdSettings.from(config);
        EventPublisher publisher = new EventPublisher(registry, options);
        List<String> names = new ArrayList<>();
        publisher.subscribe(new MetricsSubscriber(registry));
        names.add("metrics");
        TelemetrySdk sdk = null;
        if (telemetry.enabled()) {
            sdk = telemetry(publisher, telemetry, registry, names);
        }
        if (statsd.enabled()) {
            publisher.subscribe(StatsdSubscriber.start(statsd));
            names.add("statsd");
        }
        return new Subscribers(publisher, sdk, names);
    }

    /**
     * Wires the TelemetrySubscriber: through the OpenTelemetry already registered (the Java
     * agent, the application) when there is one, else through an SDK of our own.
     *
     * @return our SDK, or null when we use someone else's
     */
    private static TelemetrySdk telemetry(
            EventPublisher publisher, TelemetrySettings telemetry, MetricRegistry registry, List<String> names) {
        Clock clock = registry.options().clock();
        Optional<OpenTelemetry> global = GlobalTelemetry.find();
        if (global.isPresent()) {
            LOG.info("Traces go through the OpenTelemetry already registered (Java agent or application): no SDK of"
                    + " our own; its OTEL_* settings, resource and exporter apply, and span loss is counted there");
            publisher.subscribe(
                    new TelemetrySubscriber(GlobalTelemetry.tracer(global.get()), telemetry.options(), clock));
            names.add("telemetry");
            return null;
        }
        TelemetrySdk sdk = TelemetrySdk.start(telemetry, registry);
        if (sdk.disabled()) {
            LOG.info("Traces are off: telemetry.enabled is true but OTEL_SDK_DISABLED (otel.sdk.disabled) is true");
        } else {
            publisher.subscribe(new TelemetrySubscriber(sdk.tracer(), telemetry.options(), clock));
            names.add("telemetry");
        }
        return sdk;
    }

    /**
     * The publisher to publish events on.
     *
     * @return the publisher
     */
    public EventPublisher publisher() {
        return publisher;
    }

    /**
     * What became of the spans, when this process sends traces with an SDK of its own.
     *
     * @return the span counts, or empty when traces are off
     */
    public Optional<SpanStats> spans() {
        return sdk == null || sdk.disabled() ? Optional.empty() : Optional.of(sdk.stats());
    }

    /**
     * The names of the subscribers wired, in order.
     *
     * @return the names, such as {@code [metrics, telemetry]}
     */
    public List<String> names() {
        return names;
    }

    /** Drains the publisher, then flushes and shuts down the OpenTelemetry SDK, waiting up to 10 seconds. */
    @Override
    public void close() {
        publisher.close();
        if (sdk != null) {
            sdk.close();
        }
    }
}
