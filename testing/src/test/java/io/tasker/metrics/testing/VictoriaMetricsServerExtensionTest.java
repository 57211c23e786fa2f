package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VictoriaMetricsServerExtensionTest {

    @RegisterExtension
    static final VictoriaMetricsServerExtension vm = new VictoriaMetricsServerExtension();

    @Test
    void isHealthyOnLoopbackAndAnswersQueries() throws IOException {
        assertEquals("http://127.0.0.1:" + vm.port(), vm.url());
        assertEquals(vm.url() + "/api/v1/write", vm.remoteWriteUrl());
        assertEquals(200, Http.get(vm.url() + "/health").status());
        vm.flush();
        Http.Response r = vm.query("vector(1)");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("\"status\":\"success\""), r.body());
    }
}
