package io.tasker.metrics.export.internal;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the constant of an export enum by the word it keeps on the wire, in the console's
 * database and in the CLI's output. Two readings: strictly, for what a user typed, with an
 * error that names the word; tolerantly, for a stored record, where a word an older or newer
 * version wrote must not make the whole history unreadable.
 *
 * <pre>{@code
 * Words.strict(ExportFormat.values(), ExportFormat::word, "json", "export format"); // ExportFormat.JSON
 * }</pre>
 */
public final class Words {
    private Words() {}

    /**
     * The constant whose word is {@code word}.
     *
     * @param <E> the enum
     * @param values the candidates
     * @param wordOf each candidate's word
     * @param word the word to find
     * @param what what the word names, for the error
     * @return the constant
     * @throws IllegalArgumentException naming the word and the known ones, when none has it
     */
    public static <E extends Enum<E>> E strict(E[] values, Function<E, String> wordOf, String word, String what) {
        for (E e : values) {
            if (wordOf.apply(e).equals(word)) {
                return e;
            }
        }
        String known = Arrays.stream(values).map(wordOf).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown " + what + " '" + word + "'; known: " + known);
    }

    /**
     * The constant whose word is {@code word}, or {@code fallback} when none has it; null stays null.
     *
     * @param <E> the enum
     * @param values the candidates
     * @param wordOf each candidate's word
     * @param word the stored word, or null
     * @param fallback what an unknown word reads as
     * @return the constant, the fallback, or null for null
     */
    public static <E extends Enum<E>> E tolerant(E[] values, Function<E, String> wordOf, String word, E fallback) {
        if (word == null) {
            return null;
        }
        for (E e : values) {
            if (wordOf.apply(e).equals(word)) {
                return e;
            }
        }
        return fallback;
    }
}
