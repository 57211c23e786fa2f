package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisClusterExtensionTest {

    @RegisterExtension
    static final RedisClusterExtension cluster = new RedisClusterExtension();

    @Test
    void everyNodeSeesThreeMastersCoveringAllSlots() throws IOException {
        assertEquals(RedisClusterExtension.MASTERS, cluster.ports().size());
        for (int port : cluster.ports()) {
            List<String> info = RedisClusterExtension.clusterInfo(port);
            assertTrue(info.contains("cluster_state:ok"), info.toString());
            assertTrue(info.contains("cluster_slots_assigned:16384"), info.toString());
            assertTrue(info.contains("cluster_known_nodes:3"), info.toString());
            assertTrue(info.contains("cluster_size:3"), info.toString());
        }
    }

    @Test
    void urlListsEveryNode() {
        List<Integer> p = cluster.ports();
        assertEquals(
                "redis-cluster://127.0.0.1:" + p.get(0) + ",127.0.0.1:" + p.get(1) + ",127.0.0.1:" + p.get(2),
                cluster.url());
    }

    @Test
    void keysAreShardedSoANodeRedirectsSomeOfThem() throws IOException {
        int moved = 0;
        try (TextSocket socket =
                TextSocket.connect(cluster.host(), cluster.ports().get(0), Duration.ofSeconds(2))) {
            for (char c = 'a'; c <= 'z'; c++) {
                socket.send("*2\r\n$3\r\nGET\r\n$1\r\n" + c + "\r\n");
                String reply = socket.readLine();
                moved += reply.startsWith("-MOVED") ? 1 : 0;
            }
        }
        assertTrue(moved > 0 && moved < 26, moved + " of 26 keys redirected");
    }
}
