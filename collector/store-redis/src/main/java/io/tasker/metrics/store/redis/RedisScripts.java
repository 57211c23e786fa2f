package io.tasker.metrics.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Runs {@link RedisScript}s by their SHA-1 (EVALSHA), and sends the whole script (EVAL) only to a
 * server that does not know it yet: a fresh or restarted one, or after SCRIPT FLUSH. EVAL also
 * caches the script, so the next EVALSHA on that server succeeds.
 *
 * <p>{@code long applied = scripts.run(RedisScript.ADD, key, version, data, ttlMillis);}
 */
final class RedisScripts {

    /** One script call on one key. */
    record Call(byte[] key, List<byte[]> args) {
        Call {
            args = List.copyOf(args);
        }
    }

    private final UnifiedJedis client;

    RedisScripts(UnifiedJedis client) {
        this.client = client;
    }

    /** Runs {@code script} on {@code key}: atomic on the server. */
    long run(RedisScript script, byte[] key, byte[]... args) {
        List<byte[]> keys = List.of(key);
        List<byte[]> argv = List.of(args);
        try {
            return asLong(client.evalsha(script.sha(), keys, argv));
        } catch (JedisNoScriptException e) {
            return asLong(client.eval(script.source(), keys, argv));
        }
    }

    /**
     * Runs {@code script} once per call in one pipeline: one round trip per node (two when a node
     * did not know the script). Each call is atomic on its own; together they are not.
     */
    List<Long> runAll(RedisScript script, List<Call> calls) {
        byte[] sha = script.sha();
        List<Response<Object>> replies = pipeline(calls, (p, call) -> p.evalsha(sha, List.of(call.key()), call.args()));
        List<Long> results = new ArrayList<>(calls.size());
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            try {
                results.add(asLong(replies.get(i).get()));
            } catch (JedisNoScriptException e) {
                // The server did not run this call: sending the whole script instead is safe.
                results.add(null);
                unknown.add(i);
            }
        }
        if (!unknown.isEmpty()) {
            List<Call> retries = unknown.stream().map(calls::get).toList();
            byte[] source = script.source();
            List<Response<Object>> again =
                    pipeline(retries, (p, call) -> p.eval(source, List.of(call.key()), call.args()));
            for (int j = 0; j < unknown.size(); j++) {
                results.set(unknown.get(j), asLong(again.get(j).get()));
            }
        }
        return results;
    }

    private List<Response<Object>> pipeline(
            List<Call> calls, BiFunction<AbstractPipeline, Call, Response<Object>> send) {
        List<Response<Object>> replies = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (Call call : calls) {
                replies.add(send.apply(pipeline, call));
            }
        } // close() sends the calls and reads every reply
        return replies;
    }

    private static long asLong(Object reply) {
        if (reply instanceof Long value) {
            return value;
        }
        throw new JedisDataException("A script answered " + reply + " where a number was expected");
    }
}
