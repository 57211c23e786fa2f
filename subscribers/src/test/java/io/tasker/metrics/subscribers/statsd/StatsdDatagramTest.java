package io.tasker.metrics.subscribers.statsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exact datagrams an agent receives, read from a UDP socket in the test. */
class StatsdDatagramTest {
    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void taskEndsBecomeExactDogStatsdLinesWithSafeTags() throws Exception {
        try (DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            agent.setSoTimeout(500);
            Map<String, String> env = Map.of(
                    "DD_DOGSTATSD_PORT",
                    Integer.toString(agent.getLocalPort()),
                    "DD_ENV",
                    "prod",
                    "DD_SERVICE",
                    "pay|ments",
                    "TASKER_STATSD_ENABLED",
                    "true");
            StatsdSettings settings = StatsdSettings.from(ConfigLoader.load(Optional.empty(), env));
            List<String> lines;
            try (StatsdSubscriber statsd = StatsdSubscriber.start(settings)) {
                statsd.handle(new TaskStarted("1", "payment_processing", T0));
                statsd.handle(new StepFailed(
                        "1",
                        "payment_processing",
                        "charge:card",
                        1,
                        T0,
                        Duration.ofMillis(120),
                        Failure.of("CardDeclined", "no")));
                statsd.handle(new TaskCompleted("1", "payment_processing", T0, Duration.ofMillis(1500)));
                statsd.handle(new TaskFailed(
                        "2",
                        "weird,name#with:bad|chars",
                        T0,
                        Duration.ofMillis(250),
                        Failure.of("java.net.SocketTimeoutException", "timed out")));
            } // close() flushes: the lines are read only after it.
            lines = receive(agent);
            assertEquals(
                    List.of(
                            "tasker.tasks.running:1|g|#service:pay_ments,env:prod",
                            "tasker.step.duration:120|ms|#service:pay_ments,env:prod,status:failure,step:charge_card",
                            "tasker.task.duration:1.5|h|#service:pay_ments,env:prod,status:success,task:payment_processing",
                            "tasker.task.completed:1|c|#service:pay_ments,env:prod,task:payment_processing",
                            "tasker.tasks.running:0|g|#service:pay_ments,env:prod",
                            "tasker.task.duration:0.25|h|#service:pay_ments,env:prod,status:failure,task:weird_name_with_bad_chars",
                            "tasker.task.failed:1|c|#service:pay_ments,env:prod,error_type:java.net.SocketTimeoutException,"
                                    + "task:weird_name_with_bad_chars",
                            "tasker.tasks.running:0|g|#service:pay_ments,env:prod"),
                    lines);
        }
    }

    @Test
    void aBadPortIsRefusedNamingTheKey() {
        Map<String, String> env = Map.of("DD_DOGSTATSD_PORT", "70000");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> StatsdSettings.from(ConfigLoader.load(Optional.empty(), env)));
        assertEquals("telemetry.statsd.port must be between 1 and 65535, not 70000", e.getMessage());
    }

    private static List<String> receive(DatagramSocket agent) throws Exception {
        List<String> lines = new ArrayList<>();
        byte[] buffer = new byte[65_536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                agent.receive(packet);
            } catch (SocketTimeoutException e) {
                return lines;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            lines.addAll(
                    Arrays.stream(text.split("\n")).filter(l -> !l.isEmpty()).toList());
        }
    }
}
