package io.tasker.metrics.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw line-oriented TCP connection, enough to speak Redis's RESP or memcached's text protocol
 * by hand without a client library in the way.
 *
 * <p>{@code try (TextSocket s = TextSocket.connect("127.0.0.1", port, Duration.ofSeconds(2))) { s.send("PING\r\n"); s.readLine(); }}
 */
public final class TextSocket implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader reader;
    private final OutputStream out;

    private TextSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /**
     * Connects with {@code timeout} for both the connect and every read.
     *
     * @param host the server's address
     * @param port the server's port
     * @param timeout the connect and read timeout
     * @return the connection
     * @throws IOException when the connection cannot be made in time
     */
    public static TextSocket connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            int millis = Math.toIntExact(timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            return new TextSocket(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends {@code text} as UTF-8; line endings ({@code \r\n}) are the caller's.
     *
     * @param text what to send
     * @throws UncheckedIOException when the write fails
     */
    public void send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next line without its terminator, or {@code null} when the server closed the connection.
     *
     * @return the line, or null
     * @throws UncheckedIOException when the read fails or times out
     */
    public String readLine() {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes the connection.
     *
     * @throws IOException when closing the socket fails
     */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
