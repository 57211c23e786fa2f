package io.tasker.metrics.example;

import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs a "task" per request and publishes its lifecycle events: the starter's MetricsSubscriber
 * counts them in tasker_task_executions_total, and Boot's own http_server_requests meter reaches
 * the collector through the Micrometer bridge.
 */
@RestController
class WorkController {
    private final EventPublisher events;

    WorkController(EventPublisher events) {
        this.events = events;
    }

    @PostMapping("/work")
    String work() {
        String id = UUID.randomUUID().toString();
        Instant start = Instant.now();
        events.publish(new TaskStarted(id, "payment_processing", start));
        events.publish(new TaskCompleted(id, "payment_processing", Instant.now(), Duration.between(start, Instant.now())));
        return id;
    }
}
