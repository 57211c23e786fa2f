package io.tasker.metrics.subscribers.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Our project version, from {@code scope.properties}, which Maven filters; {@code dev} when it cannot be read. */
final class ScopeVersion {
    private ScopeVersion() {}

    static String read() {
        try (InputStream in = ScopeVersion.class.getResourceAsStream("scope.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
