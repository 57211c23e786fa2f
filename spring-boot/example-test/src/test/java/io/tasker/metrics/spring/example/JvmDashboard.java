package io.tasker.metrics.spring.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.testing.Http;
import io.tasker.metrics.testing.RemoteWriteReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The PromQL queries of a standard public JVM dashboard, Grafana Labs' "JVM overview" for
 * client_java applications, kept as data in {@code jvm-dashboard-queries.json} (its source,
 * revision and the variables substituted are written there), run against a real Prometheus.
 */
final class JvmDashboard {
    private static final String FILE = "/jvm-dashboard-queries.json";

    /**
     * One query of a panel.
     *
     * @param panel the panel's title
     * @param query the query's name in the panel (its refId)
     * @param expr the PromQL, the dashboard's variables substituted
     * @param absent why it returns no series, or null when it must return one
     */
    record Query(String panel, String query, String expr, String absent) {
        /** What the answer must be, and what it was, when the two differ. */
        String mismatch(int series) {
            boolean ok = absent == null ? series > 0 : series == 0;
            return ok ? null : panel + " / " + query + ": " + series + " series, expected " + expected() + ": " + expr;
        }

        private String expected() {
            return absent == null ? "at least one" : "none (" + absent + ")";
        }
    }

    private JvmDashboard() {}

    static List<Query> queries() {
        try (InputStream in = JvmDashboard.class.getResourceAsStream(FILE)) {
            List<Query> queries = new ArrayList<>();
            for (JsonNode q : new ObjectMapper().readTree(in).path("queries")) {
                queries.add(new Query(
                        q.path("panel").asText(),
                        q.path("query").asText(),
                        q.path("expr").asText(),
                        q.hasNonNull("absent") ? q.path("absent").asText() : null));
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FILE, e);
        }
    }

    /**
     * Runs every query until each answers as the file expects, or the time is up: rates need two
     * scrapes, and the dashboard's queries need both instances scraped.
     *
     * @return the queries still answering otherwise, with what they returned; empty when all agree
     */
    static List<String> awaitAnswers(RemoteWriteReceiver prometheus, Duration timeout) throws InterruptedException {
        List<Query> queries = queries();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> mismatches = mismatches(prometheus, queries);
        while (!mismatches.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            mismatches = mismatches(prometheus, queries);
        }
        return mismatches;
    }

    private static List<String> mismatches(RemoteWriteReceiver prometheus, List<Query> queries) {
        List<String> mismatches = new ArrayList<>();
        for (Query q : queries) {
            String mismatch = q.mismatch(series(prometheus, q.expr()));
            if (mismatch != null) {
                mismatches.add(mismatch);
            }
        }
        return mismatches;
    }

    private static int series(RemoteWriteReceiver prometheus, String expr) {
        Http.Response r = prometheus.query(expr);
        try {
            JsonNode answer = new ObjectMapper().readTree(r.body());
            if (r.status() != 200 || !"success".equals(answer.path("status").asText())) {
                throw new AssertionError("Prometheus refused " + expr + ": " + r.body());
            }
            return answer.path("data").path("result").size();
        } catch (IOException e) {
            throw new AssertionError("Prometheus answered " + expr + " with no JSON: " + r.body(), e);
        }
    }
}
