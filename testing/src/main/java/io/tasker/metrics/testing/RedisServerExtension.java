package io.tasker.metrics.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a real {@code redis-server} on a free loopback port, without persistence, for a test class.
 *
 * <p>{@code @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();}
 * then {@code redis.url()} is {@code redis://127.0.0.1:<port>/0}. Extra server arguments go to the
 * other constructor: {@code new RedisServerExtension("--requirepass", "secret")}.
 */
public final class RedisServerExtension extends ServerExtension {

    private final List<String> extraArgs;

    /** A server without persistence and without a password. */
    public RedisServerExtension() {
        this(new String[0]);
    }

    /**
     * A server started with these arguments after the defaults, e.g. {@code "--requirepass", "secret"}
     * or an ACL user: {@code "--user", "app", "on", ">pw", "~*", "&*", "+@all"}. They are kept across
     * {@link #stop()} and {@link #start()}.
     *
     * @param extraArgs further {@code redis-server} arguments
     */
    public RedisServerExtension(String... extraArgs) {
        super("redis-server");
        this.extraArgs = List.of(extraArgs);
    }

    @Override
    protected List<String> launchCommand(int port, Path workDir) {
        List<String> command = new ArrayList<>(List.of(
                Executables.redisServer().toString(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                workDir.toString()));
        command.addAll(extraArgs);
        return command;
    }

    @Override
    protected ReadinessProbe probe() {
        return RedisServerExtension::answersPing;
    }

    @Override
    public String url() {
        return "redis://" + host() + ":" + port() + "/0";
    }

    /** PING answered: with PONG, or with NOAUTH when a password is required, which is up all the same. */
    private static boolean answersPing(String host, int port) throws IOException {
        try (TextSocket socket = TextSocket.connect(host, port, ReadinessProbe.TIMEOUT)) {
            socket.send("*1\r\n$4\r\nPING\r\n");
            String reply = socket.readLine();
            return reply != null && (reply.equals("+PONG") || reply.startsWith("-NOAUTH"));
        }
    }
}
