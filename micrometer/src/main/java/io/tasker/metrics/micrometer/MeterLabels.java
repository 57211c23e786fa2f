package io.tasker.metrics.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.NamingConvention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A meter's tags as the collector's labels: names under the naming convention, sorted, so that
 * every meter of one name defines its family with the same label list.
 *
 * @param names label names, sorted
 * @param values label values, in the order of {@code names}
 */
record MeterLabels(String[] names, String[] values) {
    static MeterLabels of(Meter.Id id, NamingConvention convention) {
        List<Tag> tags = new ArrayList<>(id.getConventionTags(convention));
        tags.sort(Comparator.comparing(Tag::getKey));
        String[] names = new String[tags.size()];
        String[] values = new String[tags.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = tags.get(i).getKey();
            values[i] = tags.get(i).getValue();
        }
        return new MeterLabels(names, values);
    }
}
