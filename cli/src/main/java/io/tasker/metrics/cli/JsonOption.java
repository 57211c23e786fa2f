package io.tasker.metrics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the commands that report ({@code status}, {@code runs}), mixed
 * into each: one definition of the option, and one way to print either form.
 */
final class JsonOption {
    @Option(
            names = "--json",
            description = "Print the ${COMMAND-NAME} report as JSON (the same fields as the console's API).")
    boolean json;

    /**
     * Prints the report as JSON when asked, as text otherwise.
     *
     * @param out where to print
     * @param report what JSON prints
     * @param asText how text prints it
     */
    void print(PrintWriter out, Object report, Consumer<PrintWriter> asText) throws JsonProcessingException {
        if (json) {
            out.println(CliContext.JSON.writeValueAsString(report));
        } else {
            asText.accept(out);
        }
    }
}
