package io.tasker.metrics.events;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * What went wrong: the error's type (a class name such as {@code java.net.SocketTimeoutException}),
 * its message, and its stack trace when the failure came from a {@link Throwable} in this process
 * (empty otherwise).
 *
 * <pre>{@code
 * Failure f = Failure.of(new IllegalStateException("card declined"));
 * }</pre>
 *
 * @param type the error's type, such as a class name
 * @param message the error's message; empty when none
 * @param stackTrace the stack trace; empty when none
 */
public record Failure(String type, String message, String stackTrace) {
    /**
     * Checks the type; a null message or stack trace becomes empty.
     *
     * @param type the error's type; not blank
     * @param message the error's message, or null
     * @param stackTrace the stack trace, or null
     * @throws IllegalArgumentException for a blank type
     */
    public Failure {
        Events.requireText(type, "failure type");
        message = Objects.requireNonNullElse(message, "");
        stackTrace = Objects.requireNonNullElse(stackTrace, "");
    }

    /**
     * A failure without a stack trace, for errors reported by another process.
     *
     * @param type the error's type; not blank
     * @param message the error's message, or null
     * @return the failure
     */
    public static Failure of(String type, String message) {
        return new Failure(type, message, "");
    }

    /**
     * A failure from a throwable: its class name, message and stack trace.
     *
     * @param error the throwable
     * @return the failure
     */
    public static Failure of(Throwable error) {
        StringWriter stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        return new Failure(error.getClass().getName(), error.getMessage(), stack.toString());
    }
}
