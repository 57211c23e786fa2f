package io.tasker.metrics.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The configuration loader takes any YAML tree and any environment: it gives a configuration
 * or a {@link ConfigException} listing problems (the CLI's exit 2), never another exception
 * (docs/properties.md).
 */
class ConfigLoaderPropertiesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Property(tries = 200)
    void anyTreeLoadsOrIsAListOfProblems(@ForAll("trees") Map<String, Object> tree) throws IOException {
        Path file = Files.createTempFile("tasker-config-", ".yml");
        try {
            Files.writeString(file, YAML.writeValueAsString(tree));
            loadsOrExplains(() -> ConfigLoader.load(Optional.of(file), Map.of()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 300)
    void anyEnvironmentLoadsOrIsAListOfProblems(@ForAll("environments") Map<String, String> env) {
        loadsOrExplains(() -> ConfigLoader.load(Optional.empty(), env));
    }

    @Property(tries = 200)
    void anyTextAsAFileLoadsOrIsAListOfProblems(@ForAll String text) throws IOException {
        Path file = Files.createTempFile("tasker-config-", ".yml");
        try {
            Files.writeString(file, text);
            loadsOrExplains(() -> ConfigLoader.load(Optional.of(file), Map.of()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void loadsOrExplains(java.util.function.Supplier<TaskerConfig> load) {
        try {
            assertNotNull(load.get(), "a configuration that loads is whole");
        } catch (ConfigException e) {
            assertFalse(e.problems().isEmpty(), "a refusal names its problems");
            e.problems().forEach(p -> assertTrue(p != null && !p.isBlank(), e.getMessage()));
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> trees() {
        return tree(3);
    }

    private Arbitrary<Map<String, Object>> tree(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                values(),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.strings().ofMaxLength(5).list().ofMaxSize(3).map(l -> (Object) l));
        Arbitrary<Object> node = depth == 0
                ? leaf
                : Arbitraries.oneOf(
                        leaf, Arbitraries.lazy(() -> tree(depth - 1)).map(m -> (Object) m));
        return Arbitraries.maps(names(), node).ofMaxSize(6).map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<Map<String, String>> environments() {
        List<String> variables = ConfigKey.ALL.stream()
                .map(ConfigKey::env)
                .filter(v -> v != null)
                .toList();
        return Arbitraries.maps(Arbitraries.of(variables), values()).ofMaxSize(8);
    }

    /** Key names: the known sections and keys most of the time, anything now and then. */
    private static Arbitrary<String> names() {
        List<String> known = ConfigKey.ALL.stream()
                .map(ConfigKey::name)
                .flatMap(n -> java.util.Arrays.stream(n.split("\\.")))
                .distinct()
                .toList();
        return Arbitraries.oneOf(
                Arbitraries.of(known),
                Arbitraries.of(known),
                Arbitraries.strings().ofMaxLength(8));
    }

    /** Values that look like settings (durations, numbers, URLs) and values that are anything. */
    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings()
                        .numeric()
                        .ofMaxLength(25)
                        .map(n ->
                                n + Arbitraries.of("ms", "s", "m", "h", "d", "").sample()),
                Arbitraries.of(
                        "redis://",
                        "redis://:p@w@h:1/0",
                        "memcached://u:p@h",
                        "file://",
                        "http://x",
                        "30s",
                        "-1",
                        "0",
                        "99999999999999999999d",
                        "true",
                        "snappy",
                        "null:",
                        "memory:",
                        ""));
    }
}
