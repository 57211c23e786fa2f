package io.tasker.metrics.console.dashboard;

import io.tasker.metrics.Clock;
import io.tasker.metrics.console.status.StatusView;
import io.tasker.metrics.sync.ClusterView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the dashboard builds from one cluster view, kept while that view is the current one:
 * the {@link io.tasker.metrics.console.service.ViewCache} hands out the same view object for up to a
 * second (and a new one after "Sync now" or "Export now"), so a table page or the status panels
 * built for it answer every request of that second. Under load that is the difference between
 * building the table of 10,000 series per request and once a second.
 */
final class PageCache {
    /** Filters remembered at once; more and the cache starts afresh (a crawler paging through). */
    private static final int MAX_TABLES = 64;

    private static final long STATUS_MAX_AGE_NANOS = 1_000_000_000L;

    private record Table(ClusterView view, MetricsTable.View table) {}

    private record Status(ClusterView view, long at, StatusView status) {}

    private final Map<Filter, Table> tables = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Status status;

    PageCache(Clock clock) {
        this.clock = clock;
    }

    // The same view object is the cache's key: a record's equals would compare every series.
    @SuppressWarnings("ReferenceEquality")
    MetricsTable.View table(ClusterView view, Filter filter) {
        Table t = tables.get(filter);
        if (t != null && t.view() == view) {
            return t.table();
        }
        if (tables.size() >= MAX_TABLES) {
            tables.clear();
        }
        MetricsTable.View built = MetricsTable.build(view.snapshot(), filter);
        tables.put(filter, new Table(view, built));
        return built;
    }

    /**
     * The panels, reused for a second at most and only while the view is the same: they show the
     * last sync and export, which an action changes along with the view.
     */
    @SuppressWarnings("ReferenceEquality") // The same view object, as in table().
    StatusView status(ClusterView view, Supplier<StatusView> build) {
        Status s = status;
        long now = clock.monotonicNanos();
        if (s != null && s.view() == view && now - s.at() <= STATUS_MAX_AGE_NANOS) {
            return s.status();
        }
        StatusView built = build.get();
        status = new Status(view, now, built);
        return built;
    }
}
