package io.tasker.metrics.examples.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A published artifact's public types are its API: each must live in a package that
 * docs/architecture.md's "Public API" table lists for that artifact, or in an {@code internal}
 * package, so that the surface grows only on purpose.
 */
class PublicSurfaceTest {
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_SYNTHETIC = 0x1000;
    private static final Pattern ARTIFACT_ROW =
            Pattern.compile("^\\|\\s*`(tasker-metrics-[a-z-]+)`\\s*(?:\\(`([^`]+)`\\))?\\s*\\|(.*)$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyPublicTypeIsInAnApiPackageOfItsArtifactOrInAnInternalOne() throws IOException {
        Map<String, Set<String>> api = apiTable();
        List<String> problems = new ArrayList<>();
        for (Build.Artifact artifact : Build.publishedJars()) {
            Set<String> allowed = api.getOrDefault(artifact.artifactId(), Set.of());
            Map<String, List<String>> byPackage = publicTypes(artifact.jar(null));
            int apiTypes = 0;
            int internalTypes = 0;
            int elsewhere = 0;
            for (Map.Entry<String, List<String>> e : byPackage.entrySet()) {
                String pkg = e.getKey();
                if (isInternal(pkg)) {
                    internalTypes += e.getValue().size();
                } else if (allowed.contains(pkg)) {
                    apiTypes += e.getValue().size();
                } else {
                    elsewhere += e.getValue().size();
                    for (String type : e.getValue()) {
                        problems.add(type + " (" + artifact.artifactId() + ") is public in " + pkg
                                + ", which is not an API package of " + artifact.artifactId()
                                + ": make it package-private, "
                                + "move it to an internal package (" + pkg + ".internal), or add " + pkg + " to the "
                                + "artifact's row of the \"Public API\" table in docs/architecture.md on purpose");
                    }
                }
            }
            System.out.printf(
                    "%-32s %3d public types: %3d in API packages, %3d internal%s%n",
                    artifact.artifactId(),
                    apiTypes + internalTypes + elsewhere,
                    apiTypes,
                    internalTypes,
                    elsewhere == 0 ? "" : ", " + elsewhere + " ELSEWHERE");
        }
        assertTrue(
                problems.isEmpty(),
                problems.size() + " public type(s) outside the public API:\n" + String.join("\n", problems));
    }

    @Test
    void everyPublishedJarNamesItsModule() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Build.Artifact artifact : Build.publishedJars()) {
            try (JarFile jar = open(artifact.jar(null))) {
                String name = jar.getManifest() == null
                        ? null
                        : jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                if (name == null || name.isBlank() || name.contains("${")) {
                    missing.add(artifact.artifactId() + " (" + name + ")");
                }
            }
        }
        assertEquals(
                List.of(),
                missing,
                "published jars without an Automatic-Module-Name in the manifest: set the "
                        + "automatic.module.name property in the module's pom");
    }

    @Test
    void theTablesListEveryPublishedArtifact() throws IOException {
        Set<String> jars = Build.publishedJars().stream()
                .map(Build.Artifact::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                jars,
                new TreeSet<>(apiTable().keySet()),
                "docs/architecture.md's \"Public API\" table and Build.PUBLISHED disagree on the published jars");
        Map<String, String> folders = new LinkedHashMap<>();
        for (String line : section("## Artifacts")) {
            Matcher m = ARTIFACT_ROW.matcher(line);
            if (m.matches() && m.group(2) != null) {
                folders.put(m.group(1), m.group(2).replaceAll("/$", ""));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        Build.PUBLISHED.stream()
                .filter(a -> !a.folder().equals("."))
                .forEach(a -> expected.put(a.artifactId(), a.folder()));
        assertEquals(
                expected,
                folders,
                "docs/architecture.md's \"Artifacts\" table and Build.PUBLISHED disagree: "
                        + "a new artifact must be added to both (and to the root pom's modules)");
    }

    /** artifact id to its API packages, from the "Public API" table. */
    static Map<String, Set<String>> apiTable() throws IOException {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (String line : section("## Public API")) {
            Matcher m = ARTIFACT_ROW.matcher(line);
            if (m.matches()) {
                Set<String> packages = new LinkedHashSet<>();
                Matcher code = CODE.matcher(m.group(3));
                while (code.find()) {
                    packages.add(code.group(1));
                }
                table.put(m.group(1), packages);
            }
        }
        assertFalse(table.isEmpty(), "no rows found in docs/architecture.md's \"Public API\" table");
        return table;
    }

    private static List<String> section(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Build.repo().resolve("docs/architecture.md"));
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "docs/architecture.md has no section " + heading);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    static boolean isInternal(String pkg) {
        return Arrays.asList(pkg.split("\\.")).contains("internal");
    }

    /** Package to public top-level types (binary names), skipping nested, synthetic, package-info and module-info. */
    static Map<String, List<String>> publicTypes(Path jarPath) throws IOException {
        Map<String, List<String>> byPackage = new LinkedHashMap<>();
        try (JarFile jar = open(jarPath)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class")
                        || name.startsWith("META-INF/")
                        || name.contains("$")
                        || name.endsWith("package-info.class")
                        || name.endsWith("module-info.class")) {
                    continue;
                }
                int flags = accessFlags(jar.getInputStream(jar.getEntry(name)).readAllBytes());
                if ((flags & ACC_PUBLIC) != 0 && (flags & ACC_SYNTHETIC) == 0) {
                    String type =
                            name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    String pkg = type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : "";
                    byPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(type);
                }
            }
        }
        return byPackage;
    }

    private static JarFile open(Path jar) throws IOException {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build it first (mvn package)");
        return new JarFile(jar.toFile());
    }

    /** The class's access_flags: the two bytes after the constant pool (JVMS 4.1). */
    static int accessFlags(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> in.skipNBytes(in.readUnsignedShort()); // Utf8
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> { // Long, Double take two entries
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return in.readUnsignedShort();
    }
}
