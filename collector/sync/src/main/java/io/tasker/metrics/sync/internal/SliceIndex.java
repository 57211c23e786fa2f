package io.tasker.metrics.sync.internal;

import java.util.Arrays;

/**
 * Values found by a range of bytes, without making a key object per lookup: how the
 * {@link ViewMerger} finds the series of a point from the bytes of its labels in a chunk, a
 * million times per view read of 500 instances. {@code owner} keeps apart equal bytes that
 * belong to different series (one instance's gauge from another's, when gauges carry an
 * instance label). Open addressing, at most half full.
 */
public final class SliceIndex<V> {
    private byte[][] keys = new byte[16][];
    private int[] owners = new int[16];
    private int[] hashes = new int[16];
    private Object[] values = new Object[16];
    private int size;

    /** The value put under these bytes and owner, or null. */
    @SuppressWarnings("unchecked")
    public V get(byte[] data, int from, int to, int owner) {
        int h = hash(data, from, to, owner);
        int mask = keys.length - 1;
        for (int i = h & mask; keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && owners[i] == owner && Arrays.equals(keys[i], 0, keys[i].length, data, from, to)) {
                return (V) values[i];
            }
        }
        return null;
    }

    /** Puts a value under a copy of these bytes; they must not be in the index yet. */
    public void put(byte[] data, int from, int to, int owner, V value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(Arrays.copyOfRange(data, from, to), owner, hash(data, from, to, owner), value);
        size++;
    }

    public int size() {
        return size;
    }

    private void insert(byte[] key, int owner, int h, Object value) {
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        owners[i] = owner;
        hashes[i] = h;
        values[i] = value;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldOwners = owners;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        owners = new int[keys.length];
        hashes = new int[keys.length];
        values = new Object[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldOwners[i], oldHashes[i], oldValues[i]);
            }
        }
    }

    private static int hash(byte[] data, int from, int to, int owner) {
        int h = owner;
        for (int i = from; i < to; i++) {
            h = 31 * h + data[i];
        }
        return h ^ (h >>> 16);
    }
}
