package io.tasker.metrics.store.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The file name of a key: a readable prefix of the key for people, then the SHA-256 of the key
 * in lowercase hex. A hash, not an encoding of the key, because it has a fixed length (keys can be
 * longer than a file name may be) and no case (some file systems ignore case); the file holds the
 * full key.
 *
 * <p>{@code FileNames.of("tasker:instance:a:0") // "tasker_instance_a_0~<64 hex digits>.rec"}
 */
final class FileNames {

    static final String SUFFIX = ".rec";
    private static final int PREFIX_CHARS = 48;

    private FileNames() {}

    static String of(String key) {
        return readablePrefix(key) + "~" + sha256Hex(key) + SUFFIX;
    }

    private static String readablePrefix(String key) {
        String prefix = key.length() > PREFIX_CHARS ? key.substring(0, PREFIX_CHARS) : key;
        return prefix.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String sha256Hex(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
