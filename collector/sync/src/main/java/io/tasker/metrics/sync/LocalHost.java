package io.tasker.metrics.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This process's host name, for its meta record: {@code HOSTNAME} where the environment sets it
 * (Kubernetes sets it to the pod's name), else the name the system resolves for itself. Looked up
 * once: a lookup can wait on DNS, and the name does not change while the process runs.
 */
final class LocalHost {
    private static final String NAME = lookUp();

    private LocalHost() {}

    static String name() {
        return NAME;
    }

    private static String lookUp() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
