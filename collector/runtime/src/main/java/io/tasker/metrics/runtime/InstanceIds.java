package io.tasker.metrics.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Default instance ids: host name and process id, unique per process and readable in status output. */
final class InstanceIds {
    private InstanceIds() {}

    /** {@code host-pid}, unique per process in a cluster. */
    public static String forThisProcess() {
        return host() + "-" + ProcessHandle.current().pid();
    }

    /**
     * {@code local-host}: stable across restarts, for a single-instance deployment on a
     * persistent store, which restores its counters under the same id.
     */
    public static String forThisHost() {
        return "local-" + host();
    }

    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "unknown-host";
            }
        }
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }
}
