package io.tasker.metrics.runs;

/**
 * The bounds on what a recent run keeps, so that an instance's runs stay small in its heap, in
 * the store (a Memcached item holds 1 MB) and in every console page and API answer: a service
 * that fails with a 1 MB message keeps 4,096 characters of it. A cut text ends with a mark
 * saying how long it was.
 */
public final class RunLimits {
    /** Task ids, task names and step names. */
    public static final int NAME_CHARS = 256;
    /** Error types (a class name). */
    public static final int ERROR_TYPE_CHARS = 256;
    /** A task's error message. */
    public static final int TASK_MESSAGE_CHARS = 4096;
    /** A step attempt's error message: a run holds up to {@link #MAX_STEPS} of them. */
    public static final int STEP_MESSAGE_CHARS = 1024;
    /** Step attempts a run keeps, its first ones; the rest are counted in {@link TaskRun#stepsOmitted()}. */
    public static final int MAX_STEPS = 100;
    /** The JSON an instance writes to the store: its newest runs that fit, the older left out. */
    public static final int INSTANCE_BYTES = 512 * 1024;
    /** An instance's list larger than this (written by an older version, or by anyone) is skipped by readers. */
    public static final int READ_BYTES = 1024 * 1024;

    private RunLimits() {}

    /**
     * {@code text} cut to {@code max} characters, the cut marked; unchanged when it fits.
     *
     * @param text the text, or null
     * @param max the most characters to keep, mark included
     * @return the text, cut and marked when it was longer, or null for null
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String mark = "… [cut from " + text.length() + " characters]";
        int end = Math.max(0, max - mark.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // Never half a character.
        }
        return text.substring(0, end) + mark;
    }
}
