package io.tasker.metrics.console.export;

import io.tasker.metrics.console.web.Layout;

/** {@code export/exports.jte}: the whole export history, filtered and paginated. */
public record ExportsPage(Layout layout, ExportHistoryRepository.Page page, String outcome, String format) {
    public static final int PAGE_SIZE = 25;

    public int pageNumber() {
        return page.offset() / PAGE_SIZE + 1;
    }

    public int pages() {
        return (int) Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public String query(int pageNumber) {
        return "outcome=" + (outcome == null ? "" : outcome) + "&format=" + (format == null ? "" : format)
                + "&page=" + pageNumber;
    }
}
