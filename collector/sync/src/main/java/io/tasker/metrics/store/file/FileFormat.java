package io.tasker.metrics.store.file;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The bytes of one {@link FileStore} file: a fixed header, the key, the data. Big-endian:
 * <pre>
 * offset size
 *  0      4   magic "TMFS"
 *  4      2   format, 1
 *  6      1   kind: 0 record, 1 counter
 *  7      8   record version, or counter value
 * 15      8   expiry, epoch milliseconds
 * 23      4   key length (UTF-8 bytes)
 * 27      4   data length
 * 31      4   CRC32 of every other byte of the file (header, key and data)
 * 35          key, then data
 * </pre>
 * The key is stored so that a file can be checked against the key it is read for (file names
 * are hashes) and so that a person can tell what a file is.
 *
 * <p>{@code FileEntry entry = FileFormat.decode(FileFormat.encode(entry), entry.key());}
 */
final class FileFormat {

    static final int MAGIC = 0x544D_4653; // "TMFS"
    static final short FORMAT = 1;
    static final int HEADER_BYTES = 35;
    private static final int CRC_OFFSET = 31;

    private FileFormat() {}

    /** A file that cannot be what this store wrote: damaged, truncated or foreign. */
    static final class CorruptException extends Exception {
        CorruptException(String reason) {
            super(reason);
        }
    }

    /** A file in a format newer than this version reads: not damaged, so it is left alone. */
    static final class NewerFormatException extends Exception {
        NewerFormatException(int format) {
            super("format " + format + ", written by a newer Tasker Metrics; this one reads format " + FORMAT);
        }
    }

    static byte[] encode(FileEntry entry) {
        byte[] key = entry.key().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = ByteBuffer.allocate(HEADER_BYTES + key.length + entry.data().length)
                .putInt(MAGIC)
                .putShort(FORMAT)
                .put((byte) entry.kind().ordinal())
                .putLong(entry.version())
                .putLong(entry.expiresAtMillis())
                .putInt(key.length)
                .putInt(entry.data().length)
                .putInt(0)
                .put(key)
                .put(entry.data())
                .array();
        ByteBuffer.wrap(bytes).putInt(CRC_OFFSET, crc(bytes));
        return bytes;
    }

    static FileEntry decode(byte[] bytes, String expectedKey) throws CorruptException, NewerFormatException {
        if (bytes.length < HEADER_BYTES) {
            throw new CorruptException(
                    "truncated: " + bytes.length + " bytes, less than the " + HEADER_BYTES + "-byte header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        if (header.getInt() != MAGIC) {
            throw new CorruptException("it does not start with the TMFS magic");
        }
        short format = header.getShort();
        if (format > FORMAT) {
            throw new NewerFormatException(format);
        }
        if (format != FORMAT) {
            throw new CorruptException("unknown format " + format);
        }
        return body(bytes, header, expectedKey);
    }

    private static FileEntry body(byte[] bytes, ByteBuffer header, String expectedKey) throws CorruptException {
        int kind = header.get();
        long version = header.getLong();
        long expiresAtMillis = header.getLong();
        int keyLength = header.getInt();
        int dataLength = header.getInt();
        long announced = (long) HEADER_BYTES + keyLength + dataLength;
        if (keyLength < 0 || dataLength < 0 || announced != bytes.length) {
            throw new CorruptException(
                    "truncated or padded: the header announces " + announced + " bytes, the file has " + bytes.length);
        }
        if (header.getInt() != crc(bytes)) {
            throw new CorruptException("its CRC32 does not match its contents");
        }
        if (kind < 0 || kind >= FileEntry.Kind.values().length) {
            throw new CorruptException("unknown kind " + kind);
        }
        // Bytes, not strings: a key that UTF-8 cannot encode exactly still matches its own file.
        byte[] key = Arrays.copyOfRange(bytes, HEADER_BYTES, HEADER_BYTES + keyLength);
        if (!Arrays.equals(key, expectedKey.getBytes(StandardCharsets.UTF_8))) {
            String found = new String(key, StandardCharsets.UTF_8);
            throw new CorruptException("it holds key " + found + ", not " + expectedKey);
        }
        byte[] data = Arrays.copyOfRange(bytes, HEADER_BYTES + keyLength, bytes.length);
        return new FileEntry(expectedKey, FileEntry.Kind.values()[kind], version, expiresAtMillis, data);
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, CRC_OFFSET);
        crc.update(bytes, CRC_OFFSET + Integer.BYTES, bytes.length - CRC_OFFSET - Integer.BYTES);
        return (int) crc.getValue();
    }
}
