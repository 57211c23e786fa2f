package io.tasker.metrics.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
  * Runs a real {@code memcached} on a free loopback port (TCP only) for a test class.
  *
  * <p>{@code @RegisterExtension static final MemcachedServerExtension memcached = new MemcachedServerExtension();}
  * then {@code memcached.url()} is {@code memcached://127.0.0.1:<port>}.
  */
public final class MemcachedServerExtension extends ServerExtension {

    public MemcachedServerExtension() {
        super("memcached");
    }

    @Override
    protected List<String> launchCommand(int port, Path workDir) {
        List<String> command = new ArrayList<>(List.of(Executables.memcached().toString(),
                "-p", String.valueOf(port), "-l", "127.0.0.1", "-U", "0"));
        // memcached refuses to run as root unless told which user to be.
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "root"));
        }
        return command;
    }

    @Override
    protected ReadinessProbe probe() {
        return ReadinessProbe.memcachedVersion();
    }

    @Override
    public String url() {
        return "memcached://" + host() + ":" + port();
    }
}
