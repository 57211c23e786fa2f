package io.tasker.metrics.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts that make {@link RedisStore}'s conditional writes atomic on the server. A record
 * is a hash with the fields {@code v} (the version, in decimal) and {@code d} (the data); each
 * script reads and writes one key, so it runs on the one node that holds that key in a cluster.
 *
 * <p>Versions are compared as decimal strings (longer is larger, then byte order), not with Lua
 * numbers, which are doubles and would round versions above 2^53.
 *
 * <p>{@code client.evalsha(RedisScript.ADD.sha(), List.of(key), List.of(version, data, ttlMillis));}
 */
enum RedisScript {

    /** ARGV: version, data, ttl ms. Writes when absent or the stored version is at most the new one. */
    PUT_IF_NEWER("""
            local current = redis.call('HGET', KEYS[1], 'v')
            if current and (#current > #ARGV[1] or (#current == #ARGV[1] and current > ARGV[1])) then
                return 0
            end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """),

    /** ARGV: expected version (-1 for absent), version, data, ttl ms. */
    COMPARE_AND_SET("""
            local current = redis.call('HGET', KEYS[1], 'v') or '-1'
            if current ~= ARGV[1] then
                return 0
            end
            redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """),

    /** ARGV: version, data, ttl ms. Writes only when the key does not exist. */
    ADD("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
                return 0
            end
            redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """),

    /** ARGV: expected data. Deletes when the stored data is byte for byte the expected. */
    DELETE_IF_EQUALS("""
            if redis.call('HGET', KEYS[1], 'd') ~= ARGV[1] then
                return 0
            end
            return redis.call('DEL', KEYS[1])
            """),

    /** ARGV: expected data, ttl ms. Sets the expiry when the stored data is byte for byte the expected. */
    TOUCH_IF_EQUALS("""
            if redis.call('HGET', KEYS[1], 'd') ~= ARGV[1] then
                return 0
            end
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            """),

    /** ARGV: delta, ttl ms. INCRBY and PEXPIRE as one step, so a counter never lives on without expiry. */
    INCREMENT("""
            local value = redis.call('INCRBY', KEYS[1], ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return value
            """);

    private final byte[] source;
    private final byte[] sha;

    RedisScript(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.sha = sha1Hex(this.source);
    }

    byte[] source() {
        return source.clone();
    }

    /** The SHA-1 that EVALSHA names the script by, as the server computes it. */
    byte[] sha() {
        return sha.clone();
    }

    private static byte[] sha1Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes);
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }
}
