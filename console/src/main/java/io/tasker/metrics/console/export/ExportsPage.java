package io.tasker.metrics.console.export;

import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.console.web.Layout;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code export/exports.jte}: the whole export history, filtered and paginated. */
public record ExportsPage(Layout layout, ExportHistoryRepository.Page page, String outcome, String format) {
    public static final int PAGE_SIZE = 25;

    public int pageNumber() {
        return page.offset() / PAGE_SIZE + 1;
    }

    public int pages() {
        return (int) Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The query string of this filter on another page; the values are encoded, whatever a link carried in. */
    public String query(int pageNumber) {
        return "outcome=" + enc(outcome) + "&format=" + enc(format) + "&page=" + pageNumber;
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
