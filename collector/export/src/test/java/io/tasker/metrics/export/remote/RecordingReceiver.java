package io.tasker.metrics.export.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.xerial.snappy.Snappy;

/**
 * A local HTTP server standing in for a receiver that misbehaves: it answers each request with
 * the next scripted reply (a status, a body, headers, or no answer at all), 204 when the script
 * is done, and records every request with its headers and body.
 *
 * <pre>{@code
 * try (RecordingReceiver receiver = RecordingReceiver.start().then(Reply.status(500))) { ... }
 * }</pre>
 */
final class RecordingReceiver implements AutoCloseable {
    /** One scripted answer. */
    record Reply(int status, String body, Map<String, String> headers, boolean hang) {
        static Reply status(int status) {
            return new Reply(status, "", Map.of(), false);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), false);
        }

        /** Reads the request, then answers nothing until the receiver closes. */
        static Reply noAnswer() {
            return new Reply(0, "", Map.of(), true);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, hang);
        }
    }

    /** One request as it arrived; header names in lower case. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }

        /** The body decompressed as its {@code Content-Encoding} says, by the reference libraries. */
        byte[] protobuf() {
            String encoding = header("Content-Encoding");
            try {
                if (encoding == null) {
                    return body;
                }
                return switch (encoding) {
                    case "snappy" -> Snappy.uncompress(body);
                    case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
                    default -> throw new AssertionError("Unexpected Content-Encoding " + encoding);
                };
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot decompress a " + encoding + " body", e);
            }
        }

        RemoteWriteProto.Decoded decoded() {
            return RemoteWriteProto.decode(protobuf());
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private RecordingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    static RecordingReceiver start() {
        try {
            return new RecordingReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local receiver", e);
        }
    }

    /** Adds replies to the script, answered in order. */
    RecordingReceiver then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write");
    }

    synchronized List<Received> requests() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        synchronized (this) {
            received.add(new Received(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
        }
        Reply reply = script.poll();
        if (reply == null) {
            reply = Reply.status(204);
        }
        if (reply.hang()) {
            awaitClose();
            exchange.close();
            return;
        }
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private void awaitClose() {
        try {
            closing.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
