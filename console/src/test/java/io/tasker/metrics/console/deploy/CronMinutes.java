package io.tasker.metrics.console.deploy;

import java.util.Set;
import java.util.TreeSet;

/** The minutes of the hour that a cron schedule's first field names ({@code *}, {@code a-b/s}, lists). */
final class CronMinutes {
    private CronMinutes() {}

    static Set<Integer> of(String schedule) {
        String field = schedule.trim().split("\\s+")[0];
        Set<Integer> minutes = new TreeSet<>();
        for (String part : field.split(",")) {
            String[] stepped = part.split("/");
            int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
            int from;
            int to;
            if (stepped[0].equals("*")) {
                from = 0;
                to = 59;
            } else if (stepped[0].contains("-")) {
                from = Integer.parseInt(stepped[0].split("-")[0]);
                to = Integer.parseInt(stepped[0].split("-")[1]);
            } else {
                from = Integer.parseInt(stepped[0]);
                to = stepped.length > 1 ? 59 : from;
            }
            for (int m = from; m <= to; m += step) {
                minutes.add(m);
            }
        }
        return minutes;
    }
}
