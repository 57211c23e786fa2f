package io.tasker.metrics.console.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SampleTest {
    private static Sample withBuckets(long... buckets) {
        return new Sample(7, Tier.RAW, 1_772_366_400L, 12, 3.0, 0.6, 15L, null, buckets);
    }

    @Test
    void rowsWithEqualBucketsAreEqualWhateverArrayHoldsThem() {
        Sample a = withBuckets(1, 2, 0);
        Sample b = withBuckets(1, 2, 0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, withBuckets(1, 2, 1));
        assertNotEquals(a, withBuckets());
    }
}
