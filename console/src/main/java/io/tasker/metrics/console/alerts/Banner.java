package io.tasker.metrics.console.alerts;

/**
 * One firing alert as its banner says it: what it is about ({@code Task} or {@code Instance}),
 * the name of that task or instance, and the rest of the sentence. The name stays apart so that
 * the banner shows it quoted and styled as a value: a task named {@code Instance fake is late}
 * would otherwise read like another alert.
 *
 * @param alert the alert's label, {@link Alerts#TASK_ERROR_RATE} or {@link Alerts#INSTANCE_LATE}
 * @param subject {@code Task} or {@code Instance}
 * @param name the task's or instance's name, as recorded (untrusted)
 * @param detail the rest of the sentence
 */
public record Banner(String alert, String subject, String name, String detail) {
    /**
     * @return the sentence as plain text, the name in quotes: {@code Task "payment" fails ...}
     */
    public String text() {
        return subject + " \u201c" + name + "\u201d " + detail;
    }

    /** @return whether the banner is about an instance (its link goes to the Instances page) */
    public boolean aboutInstance() {
        return Alerts.INSTANCE_LATE.equals(alert);
    }
}
