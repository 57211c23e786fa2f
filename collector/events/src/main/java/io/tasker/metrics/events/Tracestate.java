package io.tasker.metrics.events;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The W3C {@code tracestate} rules: at most 32 comma-separated {@code key=value} members, keys
 * lowercase ({@code vendor} or {@code tenant@vendor}), values printable ASCII without {@code ,}
 * or {@code =} and at most 256 characters, no key twice.
 */
final class Tracestate {
    private static final Pattern KEY =
            Pattern.compile("[a-z][a-z0-9_\\-*/]{0,255}|[a-z0-9][a-z0-9_\\-*/]{0,240}@[a-z][a-z0-9_\\-*/]{0,13}");
    private static final Pattern VALUE =
            Pattern.compile("[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]");
    private static final int MAX_MEMBERS = 32;

    private Tracestate() {}

    static boolean valid(String tracestate) {
        if (tracestate == null || tracestate.isBlank()) {
            return false;
        }
        String[] members = tracestate.split(",", -1);
        if (members.length > MAX_MEMBERS) {
            return false;
        }
        Set<String> keys = new HashSet<>();
        for (String member : members) {
            String m = member.strip();
            if (m.isEmpty()) {
                continue; // empty list members are allowed
            }
            int eq = m.indexOf('=');
            if (eq <= 0
                    || !KEY.matcher(m.substring(0, eq)).matches()
                    || !VALUE.matcher(m.substring(eq + 1)).matches()
                    || !keys.add(m.substring(0, eq))) {
                return false;
            }
        }
        return !keys.isEmpty();
    }
}
