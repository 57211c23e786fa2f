package io.tasker.metrics.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a real {@code memcached} on a free loopback port (TCP only) for a test class.
 *
 * <p>{@code @RegisterExtension static final MemcachedServerExtension memcached = new MemcachedServerExtension();}
 * then {@code memcached.url()} is {@code memcached://127.0.0.1:<port>}. Extra server arguments go to
 * the other constructor: {@code new MemcachedServerExtension("-m", "1024", "-I", "2m")}.
 */
public final class MemcachedServerExtension extends ServerExtension {

    private final List<String> extraArgs;

    /** A server with memcached's default settings. */
    public MemcachedServerExtension() {
        this(new String[0]);
    }

    /**
     * A server started with these arguments after the defaults, e.g. {@code "-I", "2m"} for items
     * up to 2 MB or {@code "-m", "1024"} for 1 GB of memory. They are kept across {@link #stop()} and
     * {@link #start()}.
     *
     * @param extraArgs further {@code memcached} arguments
     */
    public MemcachedServerExtension(String... extraArgs) {
        super("memcached");
        this.extraArgs = List.of(extraArgs);
    }

    @Override
    protected List<String> launchCommand(int port, Path workDir) {
        List<String> command = new ArrayList<>(
                List.of(Executables.memcached().toString(), "-p", String.valueOf(port), "-l", "127.0.0.1", "-U", "0"));
        // memcached refuses to run as root unless told which user to be.
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "root"));
        }
        command.addAll(extraArgs);
        return command;
    }

    @Override
    protected String versionFlag() {
        return "-V";
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
