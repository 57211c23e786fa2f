package io.tasker.metrics.console.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens the console can tell as its own: 16 random bytes and the first 16 bytes of their
 * HMAC-SHA256 under a key made when the process starts, 64 hex digits in all. The double submit
 * (cookie equals header) is then not the only defence: a pair the console never issued, planted
 * by anything that can set a cookie for its name, is refused. A restart makes a new key, so a
 * page open across it needs a reload before it can POST.
 */
final class CsrfTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final int PART = 16;
    private static final byte[] KEY = randomBytes(32);

    private CsrfTokens() {}

    /** A new token, signed by this process. */
    static String issue() {
        byte[] nonce = randomBytes(PART);
        return HEX.formatHex(nonce) + HEX.formatHex(mac(nonce));
    }

    /** Whether {@code token} is one this process issued (in constant time as to its signature). */
    static boolean issued(String token) {
        if (token == null || !token.matches("[0-9a-f]{" + 4 * PART + "}")) {
            return false;
        }
        byte[] nonce = HEX.parseHex(token, 0, 2 * PART);
        byte[] signature = HEX.parseHex(token, 2 * PART, 4 * PART);
        return MessageDigest.isEqual(signature, mac(nonce));
    }

    private static byte[] mac(byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            mac.update("tasker-console-csrf".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(mac.doFinal(nonce), PART);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
