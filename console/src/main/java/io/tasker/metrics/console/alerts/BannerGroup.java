package io.tasker.metrics.console.alerts;

import io.tasker.metrics.console.web.Ui;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The banners of one alert shown as one line: four tasks over the threshold read "4 tasks fail
 * more than 5.0% ...", not four lines that bury the page's figures. A failure (a task's errors)
 * is red, a delay (a late instance) amber.
 *
 * @param severity {@code error} (red) or {@code warning} (amber), the banner's CSS class
 * @param banners the alert's banners, at least one
 * @param summary the group's sentence, used when it holds more than one banner
 * @param href where its link leads
 * @param link the link's words, naming where it leads
 */
public record BannerGroup(String severity, List<Banner> banners, String summary, String href, String link) {
    public BannerGroup {
        banners = List.copyOf(banners);
    }

    /**
     * @param banners what fires, in the order {@link Alerts#banners()} gives
     * @param errorRate the error-rate threshold, for the group's sentence
     * @return one group per alert that fires, task errors first
     */
    public static List<BannerGroup> of(List<Banner> banners, double errorRate) {
        Map<String, List<Banner>> byAlert =
                new TreeMap<>(Comparator.comparingInt(List.of(Alerts.TASK_ERROR_RATE, Alerts.INSTANCE_LATE)::indexOf));
        banners.forEach(
                b -> byAlert.computeIfAbsent(b.alert(), a -> new ArrayList<>()).add(b));
        List<BannerGroup> groups = new ArrayList<>();
        byAlert.forEach((alert, list) -> groups.add(group(alert, list, errorRate)));
        return groups;
    }

    private static BannerGroup group(String alert, List<Banner> list, double errorRate) {
        String threshold = String.format(Locale.ROOT, "%.1f%%", errorRate * 100);
        if (Alerts.INSTANCE_LATE.equals(alert)) {
            return new BannerGroup(
                    "warning",
                    list,
                    list.size() + " instances are late:",
                    Ui.INSTANCES_PAGE,
                    "Instances page: each one's last sync");
        }
        return new BannerGroup(
                "error",
                list,
                list.size() + " tasks fail more than " + threshold + " of their executions over the last "
                        + Alerts.WINDOW.word() + ":",
                Ui.TASKS_PAGE + "?window=" + Alerts.WINDOW.word() + "&sort=error_rate&dir=desc",
                "Tasks over " + threshold + ", last " + Alerts.WINDOW.word());
    }
}
