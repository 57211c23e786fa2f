package io.tasker.metrics.testing;

import java.nio.file.Path;
import java.util.List;

/**
  * Runs a real {@code redis-server} on a free loopback port, without persistence, for a test class.
  *
  * <p>{@code @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();}
  * then {@code redis.url()} is {@code redis://127.0.0.1:<port>/0}.
  */
public final class RedisServerExtension extends ServerExtension {

    public RedisServerExtension() {
        super("redis-server");
    }

    @Override
    protected List<String> launchCommand(int port, Path workDir) {
        return List.of(Executables.redisServer().toString(),
                "--port", String.valueOf(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--dir", workDir.toString());
    }

    @Override
    protected ReadinessProbe probe() {
        return ReadinessProbe.redisPing();
    }

    @Override
    public String url() {
        return "redis://" + host() + ":" + port() + "/0";
    }
}
