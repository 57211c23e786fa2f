package io.tasker.metrics.benchmarks;

import io.tasker.metrics.export.remote.Compression;
import io.tasker.metrics.export.remote.internal.RemoteWriteBatch;
import io.tasker.metrics.export.remote.internal.RemoteWriteEncoder;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.util.Iterator;

/**
 * The bytes a snapshot's remote-write requests take, raw and in each compression, and the time
 * each step took, measured by encoding the batches again without sending them. Each request is
 * compressed on its own, as the client sends it, so the gzip figure is what a gzip receiver
 * would get, not one stream over the whole export.
 *
 * @param requests requests (batches)
 * @param series remote-write series in them
 * @param raw protobuf bytes, Compression NONE
 * @param snappy bytes with snappy, what Prometheus receives
 * @param gzip bytes with gzip
 * @param encodeNanos time spent encoding the protobuf
 * @param snappyNanos time spent compressing with snappy
 * @param gzipNanos time spent compressing with gzip
 */
record Payload(
        int requests,
        long series,
        long raw,
        long snappy,
        long gzip,
        long encodeNanos,
        long snappyNanos,
        long gzipNanos) {

    static Payload measure(MetricsSnapshot snapshot, int batchSize) {
        int requests = 0;
        long series = 0;
        long raw = 0;
        long snappy = 0;
        long gzip = 0;
        long encode = 0;
        long snappyTime = 0;
        long gzipTime = 0;
        Iterator<RemoteWriteBatch> batches = new RemoteWriteEncoder(batchSize).batches(snapshot);
        while (true) {
            long t0 = System.nanoTime();
            if (!batches.hasNext()) {
                break;
            }
            RemoteWriteBatch batch = batches.next();
            long t1 = System.nanoTime();
            int s = Compression.SNAPPY.compress(batch.protobuf()).length;
            long t2 = System.nanoTime();
            int g = Compression.GZIP.compress(batch.protobuf()).length;
            long t3 = System.nanoTime();
            encode += t1 - t0;
            snappyTime += t2 - t1;
            gzipTime += t3 - t2;
            requests++;
            series += batch.series();
            raw += batch.protobuf().length;
            snappy += s;
            gzip += g;
        }
        return new Payload(requests, series, raw, snappy, gzip, encode, snappyTime, gzipTime);
    }

    /** The share of bytes compression saves: 0.7 is the design document's "70% less bandwidth". */
    static double saved(long compressed, long raw) {
        return raw == 0 ? 0 : 1 - (double) compressed / raw;
    }
}
