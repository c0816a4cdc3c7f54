package org.gawah.bag;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zipped BagIt 1.0 bag (RFC 8493) as a stream: payload files first, each hashed
 * (SHA-256 and SHA-512) on the way through, then the manifests and tag files, then the tag
 * manifest. Constant memory, whatever the payload size. The zip has one top-level folder, the bag.
 */
public final class BagWriter implements AutoCloseable {
    public static final String BAG_INFO = "bag-info.txt";
    public static final String TAG_MANIFEST = "tagmanifest-sha512.txt";
    /** In a folder of its own: bagit-java 5.2.0 takes every root file named "tagmanifest-*" for a manifest. */
    public static final String SIGNATURE = "signature/" + TAG_MANIFEST + ".asc";

    private final ZipOutputStream zip;
    private final String root;
    private final List<Digested> payload = new ArrayList<>();
    private final List<Digested> tags = new ArrayList<>();
    private boolean entryOpen;

    /** A file written into the bag: its path from the bag's root, size and digests. */
    public record Digested(String path, long size, String sha256, String sha512) {
    }

    public BagWriter(OutputStream out, String bagName) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.root = bagName + "/";
        tag("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A stream for one payload file, {@code data/<name>}; close it before the next. Stored, not
     * deflated: the payload is ciphertext or media, which do not compress.
     */
    public OutputStream payload(String name) throws IOException {
        String path = "data/" + name;
        zip.setLevel(Deflater.NO_COMPRESSION);
        open(path);
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest sha512 = digest("SHA-512");
        return new FilterOutputStream(zip) {
            private long size;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
                sha256.update(b, off, len);
                sha512.update(b, off, len);
                size += len;
            }

            @Override
            public void close() throws IOException {
                zip.closeEntry();
                entryOpen = false;
                payload.add(new Digested(path, size, hex(sha256), hex(sha512)));
            }
        };
    }

    /** Writes one tag file (any path outside {@code data/}), deflated. */
    public void tag(String path, byte[] content) {
        try {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            open(path);
            zip.write(content);
            zip.closeEntry();
            entryOpen = false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest sha512 = digest("SHA-512");
        sha256.update(content);
        sha512.update(content);
        tags.add(new Digested(path, content.length, hex(sha256), hex(sha512)));
    }

    /** The payload file closed last. */
    public Digested lastPayload() {
        return payload.get(payload.size() - 1);
    }

    /** {@code <total bytes>.<file count>} of the payload written so far. */
    public String payloadOxum() {
        return payload.stream().mapToLong(Digested::size).sum() + "." + payload.size();
    }

    /** Writes manifest-sha256.txt and manifest-sha512.txt; returns the bytes of manifest-sha256.txt. */
    public byte[] writeManifests() {
        byte[] sha256 = manifest(payload, true);
        tag("manifest-sha256.txt", sha256);
        tag("manifest-sha512.txt", manifest(payload, false));
        return sha256;
    }

    /** Writes tagmanifest-sha512.txt over every tag file so far; returns its bytes (to be signed). */
    public byte[] writeTagManifest() {
        byte[] manifest = manifest(new ArrayList<>(tags), false);
        tag(TAG_MANIFEST, manifest);
        return manifest;
    }

    private static byte[] manifest(List<Digested> files, boolean sha256) {
        StringBuilder lines = new StringBuilder();
        for (Digested file : files) {
            lines.append(sha256 ? file.sha256() : file.sha512()).append("  ").append(file.path()).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void open(String path) throws IOException {
        if (entryOpen) {
            throw new IllegalStateException("the previous bag entry is still open");
        }
        ZipEntry entry = new ZipEntry(root + path);
        // A fixed time: the zip's own timestamps would say nothing the signed log does not.
        entry.setTime(315532800000L);
        zip.putNextEntry(entry);
        entryOpen = true;
    }

    /** Writes the zip's central directory and flushes, leaving the underlying stream open (to fsync it). */
    public void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
