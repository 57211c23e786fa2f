package io.tasker.metrics.benchmarks;

import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.EventSubscriber;
import io.tasker.metrics.events.EventType;
import io.tasker.metrics.events.PublisherOptions;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.events.TaskerEvent;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Publishing an event that no subscriber wants (the event itself made beforehand): the cost an
 * application pays for events nobody listens to. Each bus has a subscriber, but for another kind
 * of event. Guava's EventBus wraps an event nobody wants in a {@code DeadEvent}; a
 * {@code SubmissionPublisher} has no notion of event types, so it has no subscriber at all.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar EventNobodyBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventNobodyBenchmark {
    TaskerEvent event;
    EventPublisher tasker;
    EventBus guava;
    SubmissionPublisher<TaskerEvent> jdk;

    @Setup
    public void setUp() {
        event = new TaskStarted("12345", "payment_processing", Instant.parse("2026-01-01T12:00:00Z"));
        tasker = new EventPublisher(new MetricRegistry(), PublisherOptions.defaults());
        tasker.subscribe(new EventSubscriber() {
            @Override
            public String name() {
                return "failures";
            }

            @Override
            public Set<EventType> subscribedTo() {
                return Set.of(EventType.TASK_FAILED);
            }

            @Override
            public void handle(TaskerEvent e) {}
        });
        guava = new EventBus("bench");
        guava.register(new FailureListener());
        jdk = new SubmissionPublisher<>();
    }

    @TearDown
    public void tearDown() {
        tasker.close();
        jdk.close();
    }

    @Benchmark
    public void tasker() {
        tasker.publish(event);
    }

    @Benchmark
    public void guavaEventBus() {
        guava.post(event);
    }

    @Benchmark
    public int jdkSubmissionPublisher() {
        return jdk.submit(event);
    }

    /** Listens for another event class only, so the benchmark's events reach nobody. */
    public static final class FailureListener {
        @Subscribe
        public void on(Integer failure) {
            // Never called: the benchmark posts events of another class.
        }
    }
}
