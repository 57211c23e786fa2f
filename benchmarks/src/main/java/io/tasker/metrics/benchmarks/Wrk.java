package io.tasker.metrics.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (Debian package {@code wrk}) and reads its report. Latencies are in
 * milliseconds and transfer in bytes per second (wrk's KB, MB and GB are powers of 1024).
 *
 * <pre>{@code
 * Wrk.Result r = Wrk.run(Path.of("/usr/bin/wrk"), "http://127.0.0.1:7070/metrics", 2, 16, Duration.ofSeconds(15), List.of());
 * }</pre>
 */
final class Wrk {
    static final int THREADS = 2;
    static final int CONNECTIONS = 16;
    /**
     * wrk's default of 2 s drops slower answers from the latency figures and counts them as
     * socket timeouts; the dashboard with 10,000 series under 16 connections gets there.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern P50 = Pattern.compile("^\\s*50%\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern P99 = Pattern.compile("^\\s*99%\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern RPS = Pattern.compile("^Requests/sec:\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TRANSFER = Pattern.compile("^Transfer/sec:\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^\\s*(\\d+) requests in ", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {}

    /**
     * What one wrk run measured.
     *
     * @param errors socket errors (connect, read, write, timeout) plus non-2xx/3xx answers
     * @param cpuSeconds wrk's own CPU time, read while it ran (the last fraction of a second is missed)
     */
    record Result(
            double requestsPerSecond,
            double p50Millis,
            double p99Millis,
            double transferPerSecond,
            long requests,
            long errors,
            double cpuSeconds,
            String output) {
        Result withCpu(double seconds) {
            return new Result(
                    requestsPerSecond, p50Millis, p99Millis, transferPerSecond, requests, errors, seconds, output);
        }
    }

    /** {@code wrk --latency -t<threads> -c<connections> -d<seconds>s --timeout 30s [-H header]... url}. */
    static Result run(Path wrk, String url, int threads, int connections, Duration duration, List<String> headers)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                wrk.toString(),
                "--latency",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                TIMEOUT.toSeconds() + "s"));
        for (String h : headers) {
            command.add("-H");
            command.add(h);
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Once wrk has exited its CPU time can no longer be read, so it is sampled while it runs.
        AtomicLong cpuNanos = new AtomicLong();
        Thread sampler = new Thread(
                () -> {
                    while (process.isAlive()) {
                        process.toHandle().info().totalCpuDuration().ifPresent(d -> cpuNanos.set(d.toNanos()));
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "wrk-cpu");
        sampler.setDaemon(true);
        sampler.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        sampler.join();
        return parse(output).withCpu(cpuNanos.get() / 1e9);
    }

    static Result parse(String output) {
        long errors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        return new Result(
                Double.parseDouble(find(RPS, output)),
                millis(find(P50, output)),
                millis(find(P99, output)),
                bytes(find(TRANSFER, output)),
                Long.parseLong(find(TOTAL, output)),
                errors,
                0,
                output);
    }

    /** wrk's durations: {@code 812.00us}, {@code 1.23ms}, {@code 2.01s}, {@code 1.00m}. */
    static double millis(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        if (v.endsWith("us")) {
            return number(v, 2) / 1_000;
        }
        if (v.endsWith("ms")) {
            return number(v, 2);
        }
        if (v.endsWith("s")) {
            return number(v, 1) * 1_000;
        }
        if (v.endsWith("m")) {
            return number(v, 1) * 60_000;
        }
        if (v.endsWith("h")) {
            return number(v, 1) * 3_600_000;
        }
        throw new IllegalArgumentException("Not a wrk duration: " + s);
    }

    /** wrk's sizes: {@code 512.00B}, {@code 1.50KB}, {@code 80.00MB}, {@code 1.20GB}. */
    static double bytes(String s) {
        String v = s.toUpperCase(Locale.ROOT);
        String[] units = {"TB", "GB", "MB", "KB"};
        for (int i = 0; i < units.length; i++) {
            if (v.endsWith(units[i])) {
                return number(v, 2) * Math.pow(1024, units.length - i);
            }
        }
        if (v.endsWith("B")) {
            return number(v, 1);
        }
        throw new IllegalArgumentException("Not a wrk size: " + s);
    }

    private static double number(String v, int unitLength) {
        return Double.parseDouble(v.substring(0, v.length() - unitLength));
    }

    private static String find(Pattern p, String output) {
        Matcher m = p.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("No " + p.pattern() + " in wrk's output:\n" + output);
        }
        return m.group(1);
    }
}
