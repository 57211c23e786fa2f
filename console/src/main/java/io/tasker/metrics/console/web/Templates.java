package io.tasker.metrics.console.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders jte templates. In production the templates are precompiled into the jar (a typo fails
 * the build); in development ({@code console.dev}) they are read from the source tree and
 * reloaded on change. Output is HTML-escaped by jte, so a label value such as
 * {@code <script>alert(1)</script>} shows as text.
 *
 * <pre>{@code
 * templates.render(ctx, "dashboard/dashboard.jte", page);
 * }</pre>
 */
public final class Templates {
    private final TemplateEngine engine;

    private Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    /**
     * Where the templates are in a checkout of the repository, from its root: {@code bin/console
     * --dev} runs there, and edits to a template show on the next request.
     */
    static final Path SOURCES = Path.of("console", "src", "main", "jte");

    /**
     * Precompiled templates; with {@code dev}, hot-reloaded ones from {@link #SOURCES} when the
     * console runs in a checkout (anywhere else, the precompiled ones: a jar has no sources).
     */
    public static Templates create(boolean dev) {
        if (dev && Files.isDirectory(SOURCES)) {
            return new Templates(TemplateEngine.create(new DirectoryCodeResolver(SOURCES), ContentType.Html));
        }
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public String render(String template, Object page) {
        StringOutput out = new StringOutput();
        engine.render(template, page, out);
        return out.toString();
    }

    /** For templates of several parameters; values may be null. */
    public void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    public void render(Context ctx, String template, Object page) {
        ctx.contentType("text/html; charset=utf-8").result(render(template, page));
    }
}
