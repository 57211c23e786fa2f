package io.tasker.metrics.console.export;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.Clock;
import io.tasker.metrics.config.ExportDestinations;
import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.service.ExportService;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.QueryParams;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.FileDestination;
import io.tasker.metrics.format.ExpositionFormatWriter;
import io.tasker.metrics.formats.CsvWriter;
import io.tasker.metrics.formats.ExpositionFormats;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Exports: "Export now" ({@code POST /api/export}), downloads ({@code GET /api/export}), the
 * history as JSON ({@code GET /api/exports}) and as a page ({@code GET /exports}).
 */
public final class ExportController {
    private static final List<String> OUTCOMES = List.of("success", "failed", "skipped", "held_back");
    private final ExportService exports;
    private final ViewCache views;
    private final StatusService status;
    private final Templates templates;
    private final Clock clock;

    public ExportController(
            ExportService exports, ViewCache views, StatusService status, Templates templates, Clock clock) {
        this.exports = exports;
        this.views = views;
        this.status = status;
        this.templates = templates;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post(Ui.API_EXPORT, this::exportNow);
        routes.get(Ui.API_EXPORT, this::download);
        routes.get(Ui.API_EXPORTS, this::history);
        routes.get(Ui.EXPORTS_PAGE, this::page);
    }

    private void exportNow(Context ctx) {
        String format = format(ctx, exports.exportFormats(), exports.defaultFormat());
        ExportRecord r = exports.exportNow(format);
        views.invalidate();
        if (ctx.header("HX-Request") != null) {
            templates.render(ctx, "export/exportFragment.jte", status.status(null, format, r));
        } else {
            // Held back is no failure of the store or the endpoint: try again later.
            ctx.status(r.success() ? 200 : r.outcome() == ExportRecord.Outcome.HELD_BACK ? 503 : 502)
                    .json(r);
        }
    }

    private void download(Context ctx) throws IOException {
        String format = format(ctx, ExportService.FILE_FORMATS, "json");
        // CSV cells a spreadsheet would run are neutralised unless raw=true asks for them as they are.
        boolean raw = QueryParams.oneOf(ctx, "raw", List.of("true", "false")).equals("true");
        ExpositionFormatWriter writer =
                raw && format.equals("csv") ? CsvWriter.raw() : ExpositionFormats.byName(format);
        MetricsSnapshot view = views.get().snapshot();
        String file = FileDestination.fileName(format, clock.instant());
        ctx.contentType(writer.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        writer.write(ctx.outputStream(), view);
    }

    private void history(Context ctx) {
        int limit = QueryParams.number(ctx, "limit", 50, 1, 500);
        int offset = QueryParams.number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        String outcome = QueryParams.oneOf(ctx, "outcome", OUTCOMES);
        String format = QueryParams.oneOf(ctx, "format", ExportService.HISTORY_FORMATS);
        ExportHistoryRepository.Page page = exports.repository().page(outcome, format, offset, limit);
        if (offset > 0 && offset >= page.total()) {
            throw new IllegalArgumentException("Query parameter offset " + offset + " is past the last export ("
                    + page.total() + " in all" + (outcome.isEmpty() && format.isEmpty() ? "" : " that match") + ")");
        }
        ctx.json(Map.of("total", page.total(), "offset", offset, "limit", limit, "exports", page.rows()));
    }

    private void page(Context ctx) {
        // Capped so that the offset stays an int; past the last page shows the last page.
        int pageNumber = Math.min(
                Integer.MAX_VALUE / ExportsPage.PAGE_SIZE, QueryParams.number(ctx, "page", 1, 1, Integer.MAX_VALUE));
        String outcome = QueryParams.oneOf(ctx, "outcome", OUTCOMES);
        String format = QueryParams.oneOf(ctx, "format", ExportService.HISTORY_FORMATS);
        ExportHistoryRepository.Page page = historyPage(outcome, format, pageNumber);
        int last = (int) Math.max(1, (page.total() + ExportsPage.PAGE_SIZE - 1) / ExportsPage.PAGE_SIZE);
        if (pageNumber > last) {
            // An old link, or a filter with fewer rows: show the last page, as the metric table does.
            page = historyPage(outcome, format, last);
        }
        Layout layout = new Layout("Exports", Security.csrfToken(ctx), "exports", status.staleness());
        templates.render(ctx, "export/exports.jte", new ExportsPage(layout, page, outcome, format));
    }

    private ExportHistoryRepository.Page historyPage(String outcome, String format, int pageNumber) {
        return exports.repository()
                .page(outcome, format, (pageNumber - 1) * ExportsPage.PAGE_SIZE, ExportsPage.PAGE_SIZE);
    }

    private static String format(Context ctx, List<String> allowed, String fallback) {
        String f = ctx.queryParam("format");
        if (f == null) {
            f = ctx.formParam("format");
        }
        if (f == null || f.isBlank()) {
            return fallback;
        }
        String asked = f;
        return ExportDestinations.canonical(f)
                .filter(allowed::contains)
                .orElseThrow(() -> ExpositionFormats.unknown(asked, allowed));
    }
}
