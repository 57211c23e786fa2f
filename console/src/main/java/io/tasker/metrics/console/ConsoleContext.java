package io.tasker.metrics.console;

import io.tasker.metrics.Clock;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.export.ExportService;
import io.tasker.metrics.console.alerts.Alerts;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.tasks.TaskStats;
import io.tasker.metrics.console.sync.SyncService;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.runtime.TaskerRuntime;

/** What the feature controllers share. */
public record ConsoleContext(ConsoleSettings settings, TaskerRuntime runtime, Database database, SyncService sync,
                             ExportService exports, ViewCache views, Templates templates, Clock clock,
                             HistoryService history, TaskStats tasks, Alerts alerts) {
}
