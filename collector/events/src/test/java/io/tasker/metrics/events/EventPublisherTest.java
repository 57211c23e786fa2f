package io.tasker.metrics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.format.PrometheusTextWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class EventPublisherTest {
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final MetricRegistry registry =
            new MetricRegistry(RegistryOptions.defaults().withClock(clock));

    private static TaskerEvent started(int i) {
        return new TaskStarted("task-" + i, "payment_processing", T0);
    }

    @Test
    void subscribersGetTheirTypesInOrderOffThePublishingThread() throws Exception {
        Recording tasks = new Recording("tasks", Set.of(EventType.TASK_STARTED));
        Recording failures = new Recording("failures", Set.of(EventType.STEP_FAILED));
        try (EventPublisher publisher = new EventPublisher(registry, PublisherOptions.defaults())) {
            publisher.subscribe(tasks).subscribe(failures);
            for (int i = 0; i < 1000; i++) {
                publisher.publish(started(i));
            }
            assertTrue(publisher.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(1000, tasks.events.size(), "awaitIdle returns once all published so far are handled");
            assertTrue(publisher.hasSubscribers(EventType.TASK_STARTED));
            assertFalse(publisher.hasSubscribers(EventType.TASK_COMPLETED));
        }
        assertEquals(1000, tasks.events.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals("task-" + i, tasks.events.get(i).taskId());
        }
        assertEquals(Set.of("tasker-events-tasks"), Set.copyOf(tasks.threads));
        assertEquals(List.of(), failures.events);
        assertEquals(0, failures.closed.getCount(), "close() reaches every subscriber");
    }

    @Test
    void aFullQueueDropsExactlyTheOverflowAndCountsIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recording stuck = new Recording("stuck", Set.of(EventType.TASK_STARTED), e -> {
            entered.countDown();
            await(release);
        });
        EventPublisher publisher =
                new EventPublisher(registry, PublisherOptions.defaults().withQueueCapacity(100));
        publisher.subscribe(stuck);
        publisher.publish(started(0));
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the subscriber took the first event");
        for (int i = 1; i <= 1000; i++) {
            publisher.publish(started(i));
        }
        assertEquals(
                new SubscriberStats("stuck", 0, 900, 0, 100), publisher.stats().get(0));
        release.countDown();
        publisher.close();
        assertEquals(
                new SubscriberStats("stuck", 101, 900, 0, 0), publisher.stats().get(0));
        assertTrue(exposition().contains("tasker_events_dropped_total{subscriber=\"stuck\"} 900"), exposition());
    }

    @Test
    void aThrowingAndASleepingSubscriberNeitherSlowThePublisherNorCostTheOthersAnEvent() throws Exception {
        int n = 20_000;
        Recording healthy = new Recording("healthy", Set.of(EventType.TASK_STARTED));
        Recording throwing = new Recording("throwing", Set.of(EventType.TASK_STARTED), e -> {
            throw new IllegalStateException("handler bug for " + e.taskId());
        });
        Recording sleeping =
                new Recording("sleeping", Set.of(EventType.TASK_STARTED), e -> sleep(Duration.ofSeconds(1)));
        EventPublisher publisher = new EventPublisher(
                registry, PublisherOptions.defaults().withQueueCapacity(n).withDrainTimeout(Duration.ofMillis(200)));
        publisher.subscribe(healthy).subscribe(throwing).subscribe(sleeping);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            publisher.publish(started(i));
        }
        long publishNanos = System.nanoTime() - start;
        // 20k offers take a few ms; a publisher that waited for the sleeping handler would take 20k s.
        assertTrue(publishNanos < TimeUnit.SECONDS.toNanos(2), "publishing took " + publishNanos / 1_000_000 + " ms");
        // Awaitility by its class: this test's own await(CountDownLatch) would shadow a static import.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5))
                .until(() ->
                        healthy.events.size() == n && publisher.stats().get(1).errors() == n);
        assertEquals(
                new SubscriberStats("throwing", 0, 0, n, 0), publisher.stats().get(1));
        assertEquals(n, healthy.events.size());
        assertTrue(exposition().contains("tasker_event_handler_errors_total{subscriber=\"throwing\"} 20000"));
        publisher.close(); // The sleeping one is still in its first event: close gives up on it after 200 ms.
        SubscriberStats sleepy = publisher.stats().get(2);
        assertEquals(n, sleepy.handled() + sleepy.dropped(), "every event is handled or counted as dropped");
    }

    @Test
    void closeDrainsWithinItsBoundAndCountsWhatIsLeftAndWhatComesAfter() throws Exception {
        Recording slow = new Recording("slow", Set.of(EventType.TASK_STARTED), e -> sleep(Duration.ofMillis(2)));
        Recording stuck = new Recording("stuck", Set.of(EventType.TASK_STARTED), e -> sleep(Duration.ofSeconds(60)));
        EventPublisher publisher =
                new EventPublisher(registry, PublisherOptions.defaults().withDrainTimeout(Duration.ofMillis(1500)));
        publisher.subscribe(slow).subscribe(stuck);
        for (int i = 0; i < 200; i++) {
            publisher.publish(started(i));
        }
        long start = System.nanoTime();
        publisher.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(closeMillis < 3000, "close took " + closeMillis + " ms with a 1500 ms bound");
        assertEquals(200, slow.events.size(), "a slow subscriber drains within the bound");
        SubscriberStats stuckStats = publisher.stats().get(1);
        assertEquals(1, stuckStats.handled(), "the event in its handler, interrupted");
        assertEquals(199, stuckStats.dropped(), "what it never reached is counted as dropped");
        publisher.publish(started(201));
        assertEquals(1, publisher.stats().get(0).dropped(), "an event after close is dropped and counted");
    }

    @Test
    void manyPublishingThreadsLoseNothingUncountedAndDeliverNothingTwice() throws Exception {
        int threads = 4;
        int each = 50_000;
        Recording all = new Recording("all", Set.of(EventType.TASK_STARTED));
        EventPublisher publisher =
                new EventPublisher(registry, PublisherOptions.defaults().withQueueCapacity(1000));
        publisher.subscribe(all);
        List<Thread> publishers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * each;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    publisher.publish(started(base + i));
                }
            });
            thread.start();
            publishers.add(thread);
        }
        for (Thread t : publishers) {
            t.join();
        }
        publisher.close();
        SubscriberStats stats = publisher.stats().get(0);
        assertEquals(threads * each, stats.handled() + stats.dropped());
        assertEquals(stats.handled(), all.events.size());
        assertEquals(
                all.events.size(),
                all.events.stream().map(TaskerEvent::taskId).distinct().count());
    }

    @Test
    void badSubscriptionsFailWithTheReason() {
        try (EventPublisher publisher = new EventPublisher(registry, PublisherOptions.defaults())) {
            publisher.subscribe(new Recording("a", Set.of(EventType.TASK_STARTED)));
            IllegalArgumentException taken = assertThrows(
                    IllegalArgumentException.class,
                    () -> publisher.subscribe(new Recording("a", Set.of(EventType.TASK_FAILED))));
            assertEquals(
                    "Event subscriber name 'a' is empty or taken; give each subscriber a unique name",
                    taken.getMessage());
            IllegalArgumentException none = assertThrows(
                    IllegalArgumentException.class,
                    () -> publisher.subscribe(new Recording("b", EnumSet.noneOf(EventType.class))));
            assertEquals("Event subscriber 'b' subscribes to no event type", none.getMessage());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> PublisherOptions.defaults().withQueueCapacity(0));
    }

    private String exposition() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextWriter().write(out, registry.snapshot());
        return out.toString(StandardCharsets.UTF_8);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // The handlers' own slowness, which the tests are about: not a wait for a condition.
    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
