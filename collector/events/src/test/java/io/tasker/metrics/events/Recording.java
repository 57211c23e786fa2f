package io.tasker.metrics.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** A subscriber for tests: keeps what it handled and the thread it ran on, and can run a step first. */
final class Recording implements EventSubscriber {
    private final String name;
    private final Set<EventType> types;
    private final Consumer<TaskerEvent> before;
    final List<TaskerEvent> events = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);

    Recording(String name, Set<EventType> types, Consumer<TaskerEvent> before) {
        this.name = name;
        this.types = types;
        this.before = before;
    }

    Recording(String name, Set<EventType> types) {
        this(name, types, e -> {});
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<EventType> subscribedTo() {
        return types;
    }

    @Override
    public void handle(TaskerEvent event) {
        before.accept(event);
        threads.add(Thread.currentThread().getName());
        events.add(event);
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
