package io.tasker.metrics.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@link Labels#with} inserts in place what a map with the label put would give. */
class LabelsWithPropertiesTest {

    @Property(tries = 500)
    void withIsTheLabelsOfTheMapWithTheLabelPut(
            @ForAll @Size(max = 6) Map<@AlphaChars @StringLength(min = 1, max = 3) String, String> labels,
            @ForAll @AlphaChars @StringLength(min = 1, max = 3) String name,
            @ForAll String value) {
        Map<String, String> expected = new TreeMap<>(labels);
        expected.put(name, value);
        Labels with = Labels.of(labels).with(name, value);
        assertEquals(Labels.of(expected), with);
        assertEquals(expected, with.toMap(), "sorted by name, as every label set");
        assertEquals(Labels.of(expected).hashCode(), with.hashCode());
    }

    @Test
    void nullsAreRefusedAsByOf() {
        assertThrows(NullPointerException.class, () -> Labels.of("a", "1").with("b", null));
        assertThrows(NullPointerException.class, () -> Labels.EMPTY.with(null, "1"));
    }
}
