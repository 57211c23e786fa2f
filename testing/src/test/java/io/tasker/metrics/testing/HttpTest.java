package io.tasker.metrics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the JDK's own HTTP server, which answers with the method and the Authorization header it got. */
class HttpTest {

    private static HttpServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", HttpTest::echo);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/echo";
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void getSendsHeadersAndReadsThoseOfTheAnswer() throws IOException {
        Http.Response response = Http.get(url, "Authorization", "Bearer t1", "Accept", "text/plain");

        assertEquals(200, response.status());
        assertEquals("GET Bearer t1", response.body());
        assertEquals(Optional.of("session=abc; Path=/"), response.header("set-cookie"));
        assertEquals(Optional.empty(), response.header("X-Not-Sent"));
    }

    @Test
    void postSendsHeaders() throws IOException {
        assertEquals(
                "POST Bearer t2", Http.post(url, "Authorization", "Bearer t2").body());
        assertEquals("POST null", Http.post(url).body());
    }

    @Test
    void aHeaderNameWithoutItsValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Http.get(url, "Authorization"));
    }

    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body = (exchange.getRequestMethod() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization"))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
