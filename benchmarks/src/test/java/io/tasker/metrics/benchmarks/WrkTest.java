package io.tasker.metrics.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** wrk's report, as wrk 4.1 prints it, read into numbers. */
class WrkTest {
    private static final String CLEAN = """
            Running 15s test @ http://127.0.0.1:36419/metrics
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    62.84ms   50.29ms 327.81ms   80.89%
                Req/Sec   143.39     60.28   270.00     68.42%
              Latency Distribution
                 50%   51.33ms
                 75%   80.67ms
                 90%  124.51ms
                 99%    1.26s
              852 requests in 3.10s, 0.94GB read
            Requests/sec:    275.20
            Transfer/sec:    309.65MB
            """;

    private static final String WITH_ERRORS = """
            Running 3s test @ http://127.0.0.1:36419/
              2 threads and 16 connections
              Latency Distribution
                 50%  812.00us
                 75%    1.00ms
                 90%    1.50ms
                 99%    2.00ms
              16 requests in 3.10s, 427.17KB read
              Socket errors: connect 1, read 2, write 3, timeout 16
              Non-2xx or 3xx responses: 4
            Requests/sec:      5.16
            Transfer/sec:    137.66KB
            """;

    @Test
    void readsRatesLatenciesAndTransfer() {
        Wrk.Result r = Wrk.parse(CLEAN);
        assertEquals(275.20, r.requestsPerSecond(), 1e-9);
        assertEquals(51.33, r.p50Millis(), 1e-9);
        assertEquals(1260, r.p99Millis(), 1e-9);
        assertEquals(309.65 * 1024 * 1024, r.transferPerSecond(), 1e-3);
        assertEquals(852, r.requests());
        assertEquals(0, r.errors());
    }

    @Test
    void countsSocketErrorsAndBadAnswers() {
        Wrk.Result r = Wrk.parse(WITH_ERRORS);
        assertEquals(0.812, r.p50Millis(), 1e-9);
        assertEquals(137.66 * 1024, r.transferPerSecond(), 1e-6);
        assertEquals(1 + 2 + 3 + 16 + 4, r.errors());
    }

    @Test
    void readsEveryUnit() {
        assertEquals(90_000, Wrk.millis("1.50m"), 1e-9);
        assertEquals(2_010, Wrk.millis("2.01s"), 1e-9);
        assertEquals(512, Wrk.bytes("512.00B"), 1e-9);
        assertEquals(1.2 * 1024 * 1024 * 1024, Wrk.bytes("1.20GB"), 1e-3);
    }
}
