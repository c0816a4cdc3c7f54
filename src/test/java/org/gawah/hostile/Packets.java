package org.gawah.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.bouncycastle.apache.bzip2.CBZip2OutputStream;

/**
 * OpenPGP packets written byte by byte (RFC 9580 section 4), so that they can say what no honest
 * writer says: lengths that lie, nesting no one needs, chunks no one sends.
 */
final class Packets {
    static final int PKESK = 1;
    static final int SIGNATURE = 2;
    static final int SKESK = 3;
    static final int ONE_PASS = 4;
    static final int SECRET_KEY = 5;
    static final int PUBLIC_KEY = 6;
    static final int COMPRESSED = 8;
    static final int SED = 9;
    static final int MARKER = 10;
    static final int LITERAL = 11;
    static final int USER_ID = 13;
    static final int PUBLIC_SUBKEY = 14;
    static final int SEIPD = 18;

    private Packets() {
    }

    /** One packet, new format, with its true length. */
    static byte[] packet(int tag, byte[] body) {
        return concat(header(tag, body.length), body);
    }

    /** A new-format header claiming {@code length} (which need not be true). */
    static byte[] header(int tag, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC0 | tag);
        if (length < 192) {
            out.write((int) length);
        } else if (length < 8384) {
            out.write((int) (((length - 192) >> 8) + 192));
            out.write((int) ((length - 192) & 0xff));
        } else {
            out.write(0xff);
            out.write((int) (length >>> 24));
            out.write((int) (length >>> 16));
            out.write((int) (length >>> 8));
            out.write((int) length);
        }
        return out.toByteArray();
    }

    /** The packet's body cut into partial-length chunks of 2^power bytes, the last one definite. */
    static byte[] partial(int tag, byte[] body, int power) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC0 | tag);
        int chunk = 1 << power;
        int at = 0;
        while (body.length - at > chunk) {
            out.write(0xE0 | power);
            out.write(body, at, chunk);
            at += chunk;
        }
        byte[] last = header(0, body.length - at);
        out.write(last, 1, last.length - 1);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    /** A binary literal data packet: no file name, time 0. */
    static byte[] literal(byte[] data) {
        return packet(LITERAL, concat(new byte[] {'b', 0, 0, 0, 0, 0}, data));
    }

    /** A compressed data packet holding {@code inner}: algorithm 1 ZIP (raw deflate), 2 ZLIB, 3 BZip2. */
    static byte[] compressed(int algorithm, byte[] inner) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(algorithm);
        try (OutputStream out = compressor(algorithm, body)) {
            out.write(inner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packet(COMPRESSED, body.toByteArray());
    }

    static OutputStream compressor(int algorithm, OutputStream body) throws IOException {
        switch (algorithm) {
            case 1: return new DeflaterOutputStream(body, new Deflater(Deflater.BEST_COMPRESSION, true), 1 << 16);
            case 2: return new DeflaterOutputStream(body, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16);
            case 3: return new CBZip2OutputStream(body, 9);
            default: throw new IllegalArgumentException("algorithm " + algorithm);
        }
    }

    /** A marker packet ("PGP"), which readers must skip. */
    static byte[] marker() {
        return packet(MARKER, new byte[] {'P', 'G', 'P'});
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    static byte[] repeat(byte[] part, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length * times);
        for (int i = 0; i < times; i++) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    /** One packet as found in a stream: its tag, where its header starts, its body. */
    record Packet(int tag, byte[] header, byte[] body) {
        byte[] encoded() {
            return concat(header, body);
        }
    }

    /** Splits a stream of packets with definite lengths (both formats), as honest writers make. */
    static List<Packet> split(byte[] data) {
        List<Packet> packets = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            int first = data[at] & 0xff;
            int tag;
            int headerLength;
            long length;
            if ((first & 0x40) != 0) {
                tag = first & 0x3f;
                int l1 = data[at + 1] & 0xff;
                if (l1 < 192) {
                    headerLength = 2;
                    length = l1;
                } else if (l1 < 224) {
                    headerLength = 3;
                    length = ((l1 - 192) << 8) + (data[at + 2] & 0xff) + 192;
                } else if (l1 == 255) {
                    headerLength = 6;
                    length = ((long) (data[at + 2] & 0xff) << 24) | ((data[at + 3] & 0xff) << 16)
                            | ((data[at + 4] & 0xff) << 8) | (data[at + 5] & 0xff);
                } else {
                    throw new IllegalArgumentException("partial length at " + at);
                }
            } else {
                tag = (first >> 2) & 0x0f;
                int type = first & 3;
                int bytes = type == 0 ? 1 : type == 1 ? 2 : 4;
                headerLength = 1 + bytes;
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (data[at + 1 + i] & 0xff);
                }
            }
            int end = (int) (at + headerLength + length);
            packets.add(new Packet(tag, Arrays.copyOfRange(data, at, at + headerLength),
                    Arrays.copyOfRange(data, at + headerLength, end)));
            at = end;
        }
        return packets;
    }
}
