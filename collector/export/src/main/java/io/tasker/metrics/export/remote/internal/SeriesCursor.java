package io.tasker.metrics.export.remote.internal;

import io.tasker.metrics.snapshot.BucketBounds;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Walks a snapshot's families one sample series at a time, in the order the text formats
 * write them: a counter point gives {@code name_total}, a gauge point {@code name}, a histogram
 * point one {@code name_bucket} per {@code le}, then {@code name_sum} and {@code name_count}.
 * It holds one point's encoded labels at a time, never a list of series.
 */
public final class SeriesCursor {
    private final List<MetricFamilySnapshot> families;
    private int familyIndex = -1;
    private MetricFamilySnapshot family;
    private byte[][] seriesNames;
    private byte[][] le;
    private int pointIndex;
    private int part;
    private PointLabels labels;

    public SeriesCursor(List<MetricFamilySnapshot> families) {
        this.families = families;
    }

    /** Moves to the next series; false when there is none. */
    public boolean advance() {
        if (family != null) {
            if (++part < seriesNames.length) {
                return true;
            }
            if (++pointIndex < family.points().size()) {
                startPoint();
                return true;
            }
        }
        while (++familyIndex < families.size()) {
            MetricFamilySnapshot f = families.get(familyIndex);
            if (!f.points().isEmpty()) {
                startFamily(f);
                return true;
            }
        }
        family = null;
        return false;
    }

    /** The position of the current series' family in the snapshot. */
    public int familyIndex() {
        return familyIndex;
    }

    public MetricFamilySnapshot family() {
        return family;
    }

    public PointLabels labels() {
        return labels;
    }

    /** The current series' {@code __name__}, UTF-8. */
    public byte[] seriesName() {
        return seriesNames[part];
    }

    /** The current bucket's {@code le}, UTF-8, or null when the series is not a bucket. */
    public byte[] le() {
        return le != null && part < le.length ? le[part] : null;
    }

    public double value() {
        Object point = family.points().get(pointIndex);
        if (point instanceof CounterSnapshot.Point c) {
            return c.value();
        }
        if (point instanceof GaugeSnapshot.Point g) {
            return g.value();
        }
        HistogramSnapshot.Point h = (HistogramSnapshot.Point) point;
        int buckets = h.bucketCount();
        if (part < buckets) {
            return h.cumulativeCount(part);
        }
        return part == buckets ? h.sum() : h.count();
    }

    private void startFamily(MetricFamilySnapshot f) {
        family = f;
        String name = f.name();
        if (f instanceof CounterSnapshot) {
            seriesNames = new byte[][] {utf8(name + "_total")};
            le = null;
        } else if (f instanceof GaugeSnapshot) {
            seriesNames = new byte[][] {utf8(name)};
            le = null;
        } else {
            BucketBounds bounds = ((HistogramSnapshot) f).bounds();
            int buckets = bounds.bucketCount();
            seriesNames = new byte[buckets + 2][];
            le = new byte[buckets][];
            byte[] bucket = utf8(name + "_bucket");
            for (int i = 0; i < buckets; i++) {
                seriesNames[i] = bucket;
                le[i] = utf8(bounds.le(i));
            }
            seriesNames[buckets] = utf8(name + "_sum");
            seriesNames[buckets + 1] = utf8(name + "_count");
        }
        pointIndex = 0;
        startPoint();
    }

    private void startPoint() {
        part = 0;
        labels = PointLabels.of(family.points().get(pointIndex).labels(), le != null);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
