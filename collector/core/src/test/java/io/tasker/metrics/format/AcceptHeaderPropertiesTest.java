package io.tasker.metrics.format;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code Accept} negotiation answers every header, and only one naming OpenMetrics gets it (docs/properties.md). */
class AcceptHeaderPropertiesTest {

    @Property(tries = 500)
    void anyHeaderGetsAWriter(@ForAll("headers") String accept) {
        ExpositionFormatWriter writer = ExpositionFormatWriter.forAcceptHeader(accept);
        assertNotNull(writer);
        if (!accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")) {
            assertInstanceOf(PrometheusTextWriter.class, writer, accept);
        }
    }

    @Property(tries = 300)
    void openMetricsAskedWithoutAZeroWeightIsGiven(@ForAll("noise") String before, @ForAll("noise") String after) {
        String accept = before + ",application/openmetrics-text;version=1.0.0," + after;
        assertInstanceOf(OpenMetricsTextWriter.class, ExpositionFormatWriter.forAcceptHeader(accept), accept);
    }

    /** Header syntax shuffled: media types, parameters, weights, separators, and plain garbage. */
    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> part = Arbitraries.of(
                "text/plain",
                "application/openmetrics-text",
                "*/*",
                ";",
                ",",
                "q=0",
                "q=0.5",
                "q=",
                "version=1.0.0",
                " ",
                ";;",
                ",,",
                "charset=utf-8",
                "q=x",
                "=");
        return Arbitraries.oneOf(part.list().ofMaxSize(12).map(l -> String.join("", l)), Arbitraries.strings());
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings()
                .withChars(";, =qtext/plain")
                .ofMaxLength(15)
                .filter(s -> !s.contains("openmetrics"));
    }
}
