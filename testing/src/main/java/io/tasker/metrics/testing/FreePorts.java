package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Finds a loopback port that nothing listens on right now.
 *
 * <p>The port is free when this returns; a server started right after almost always gets it,
 * and the server extensions retry with another port when it did not.
 *
 * <p>{@code int port = FreePorts.next();}
 */
public final class FreePorts {

    private FreePorts() {}

    /**
     * A free TCP port on 127.0.0.1, chosen by the kernel.
     *
     * @return the port number
     */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free loopback port", e);
        }
    }
}
