package io.tasker.metrics.examples.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type, constructor, method, field and enum constant of the API packages has a
 * javadoc comment (docs/architecture.md, "Public API"): what a service developer reads in the
 * IDE. The release profile's javadoc runs doclint on the same sources for broken references and
 * HTML; this test is the part doclint would only warn about. Internal packages are exempt, and
 * so are methods that override a documented one (javadoc inherits their comment).
 */
class ApiDocumentedTest {
    @Test
    void everyPublicMemberOfTheApiPackagesHasAComment() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Build.Artifact artifact : Build.publishedJars()) {
            Path sources = Build.repo().resolve(artifact.dir()).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue; // A starter has no code of its own.
            }
            missing.addAll(undocumented(apiSources(sources)));
        }
        assertTrue(
                missing.isEmpty(),
                missing.size() + " public members of the API packages have no javadoc comment;"
                        + " write one (what it is or does, and why where that is not obvious):\n  "
                        + String.join("\n  ", missing));
    }

    private static List<Path> apiSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .filter(p -> !PublicSurfaceTest.isInternal(
                            root.relativize(p.getParent()).toString().replace('/', '.')))
                    .sorted()
                    .toList();
        }
    }

    /** Parses (without compiling) and lists each undocumented public member as file:line: declaration. */
    private static List<String> undocumented(List<Path> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> missing = new ArrayList<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            JavacTask task = (JavacTask) compiler.getTask(null, files, d -> {}, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new Scanner(docs, unit, missing).scan(new TreePath(unit), null);
            }
        }
        return missing;
    }

    /** Walks public types and reports their public and protected members that have no doc comment. */
    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final CompilationUnitTree unit;
        private final List<String> missing;

        Scanner(DocTrees docs, CompilationUnitTree unit, List<String> missing) {
            this.docs = docs;
            this.unit = unit;
            this.missing = missing;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            if (!visible(type.getModifiers(), getCurrentPath())) {
                return null; // Nothing inside a type a service cannot see is API.
            }
            check(type, type.getSimpleName().toString());
            return super.visitClass(type, unused);
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            boolean overrides = method.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
            boolean enumConstructor = method.getName().contentEquals("<init>")
                    && getCurrentPath().getParentPath().getLeaf().getKind() == Tree.Kind.ENUM;
            if (visible(method.getModifiers(), getCurrentPath()) && !overrides && !enumConstructor) {
                check(method, method.getName() + "(...)");
            }
            return null;
        }

        @Override
        public Void visitVariable(VariableTree field, Void unused) {
            if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree
                    && visible(field.getModifiers(), getCurrentPath())) {
                check(field, field.getName().toString());
            }
            return null;
        }

        /** Public or protected, or an interface's member or an enum constant (public without saying so). */
        private static boolean visible(ModifiersTree modifiers, TreePath path) {
            Set<Modifier> flags = modifiers.getFlags();
            if (flags.contains(Modifier.PRIVATE)) {
                return false;
            }
            Tree parent = path.getParentPath().getLeaf();
            if (parent instanceof ClassTree owner
                    && owner.getKind() != Tree.Kind.CLASS
                    && owner.getKind() != Tree.Kind.RECORD) {
                return true; // Interface, annotation and enum members are public.
            }
            return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED);
        }

        private void check(Tree declaration, String name) {
            TreePath path = TreePath.getPath(unit, declaration);
            if (docs.getDocCommentTree(path) == null) {
                long line = unit.getLineMap()
                        .getLineNumber(docs.getSourcePositions().getStartPosition(unit, declaration));
                missing.add(Build.repo().relativize(Path.of(unit.getSourceFile().toUri())) + ":" + line + ": " + name);
            }
        }
    }
}
