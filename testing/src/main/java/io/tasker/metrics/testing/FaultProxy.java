package io.tasker.metrics.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that cuts connections at random points, in the request or in the
 * reply, to make a client meet the ambiguous failures of a real network: a request the server
 * never got, or one it applied whose reply was lost.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start("127.0.0.1", redis.port(), new Random(7))) {
 *     proxy.cutProbability(0.2);       // each forwarded chunk of bytes may end the connection
 *     CacheStore store = RedisStore.open("redis://127.0.0.1:" + proxy.port() + "/0", timeout);
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Random random;
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicLong cutsInRequest = new AtomicLong();
    private final AtomicLong cutsInReply = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile double cutProbability;
    private volatile boolean closed;

    private FaultProxy(ServerSocket server, String targetHost, int targetPort, Random random) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.random = random;
    }

    /**
     * Starts forwarding a free loopback port to {@code host:port}; no faults until told.
     *
     * @param host the target's host
     * @param port the target's port
     * @param random decides where cuts fall; seed it for a repeatable run
     * @return the running proxy
     * @throws IOException when no loopback port can be bound
     */
    public static FaultProxy start(String host, int port, Random random) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FaultProxy proxy = new FaultProxy(server, host, port, random);
        Thread accept = new Thread(proxy::acceptLoop, "fault-proxy-accept-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
        return proxy;
    }

    /**
     * The loopback port clients connect to instead of the target's.
     *
     * @return the proxy's port
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * The chance that forwarding one read of bytes ends the connection right after it (0 to 1).
     *
     * @param p the probability; 0 for no cuts
     */
    public void cutProbability(double p) {
        this.cutProbability = p;
    }

    /**
     * Connections cut while forwarding towards the target.
     *
     * @return the cuts in requests so far
     */
    public long cutsInRequest() {
        return cutsInRequest.get();
    }

    /**
     * Connections cut while forwarding towards the client.
     *
     * @return the cuts in replies so far
     */
    public long cutsInReply() {
        return cutsInReply.get();
    }

    /**
     * Connections accepted so far.
     *
     * @return the number of connections
     */
    public int connections() {
        return connections.get();
    }

    /** Ends every open connection now, as a network partition would. */
    public synchronized void cutAll() {
        sockets.forEach(FaultProxy::closeQuietly);
        sockets.clear();
    }

    /** Stops accepting and ends every open connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        cutAll();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                synchronized (this) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                connections.incrementAndGet();
                pump(client, upstream, cutsInRequest, "request");
                pump(upstream, client, cutsInReply, "reply");
            } catch (IOException e) {
                if (!closed) {
                    // The target may be down for a moment (a restart test): the client sees a cut.
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong cuts, String direction) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            // Cut somewhere inside this read: part of it may go through first.
                            if (shouldCut()) {
                                int part = random(n);
                                out.write(buf, 0, part);
                                out.flush();
                                cuts.incrementAndGet();
                                break;
                            }
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // The other side closed; close ours too.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "fault-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private synchronized boolean shouldCut() {
        return cutProbability > 0 && random.nextDouble() < cutProbability;
    }

    private synchronized int random(int bound) {
        return random.nextInt(bound + 1);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
