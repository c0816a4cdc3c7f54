package org.gawah.bag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

/**
 * Reads a zipped BagIt 1.0 bag from outside, trusting nothing: the zip is scanned first
 * ({@link ZipScan}: every byte of it accounted for, each local header checked against the central
 * directory), then each entry is read from where the scan found it, never extracted, and fails
 * unless it yields exactly the bytes its central directory record declares, with its CRC-32.
 * Every check refuses with a message that names the file. Generic BagIt; what a Gawah submission
 * must hold is {@link Submission}'s.
 */
public final class BagReader implements AutoCloseable {
    /** A tag file is text: manifests, bag-info, a custody log. Past this it is not one of ours. */
    public static final int MAX_TAG_FILE = 64 << 20;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final SeekableByteChannel zip;
    private final String root;
    /** Files (no folders) by path relative to the bag folder. */
    private final Map<String, ZipScan.Entry> files = new TreeMap<>();
    /** One inflater kept from the last closed stream: a bag may hold many thousand small entries. */
    private Inflater spare;

    private BagReader(SeekableByteChannel zip, String root, List<ZipScan.Entry> entries) throws IOException {
        this.zip = zip;
        this.root = root;
        for (ZipScan.Entry entry : entries) {
            if (!entry.name().endsWith("/")) {
                files.put(entry.name().substring(root.length()), entry);
            } else {
                // Nothing else reads a folder's (empty) data: check it now, so no byte goes unread.
                try (InputStream in = new EntryStream(this, entry, entry.name())) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
    }

    /** Opens a bag in a file. */
    public static BagReader open(Path file) {
        SeekableByteChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("bag.no-such-file", file));
        } catch (IOException e) {
            throw refused(Messages.of("bag.unreadable-zip", file, e.getMessage()));
        }
        return open(channel, file.toString());
    }

    /**
     * Opens a bag read through {@code channel}: a file, or a {@link MemoryChannel} over a zip held
     * in memory (one just decrypted, say). The reader owns the channel from here on: it closes it
     * when it is closed itself, or at once if the bag is refused. {@code displayName} names the bag
     * in messages.
     */
    public static BagReader open(SeekableByteChannel channel, String displayName) {
        boolean opened = false;
        try {
            List<ZipScan.Entry> entries = ZipScan.scan(channel);
            BagReader reader = new BagReader(channel, root(entries), entries);
            opened = true;
            return reader;
        } catch (IOException e) {
            throw refused(Messages.of("bag.unreadable-zip", displayName, e.getMessage()));
        } finally {
            if (!opened) {
                closeQuietly(channel);
            }
        }
    }

    /** The single top-level folder every entry sits in: the bag. */
    private static String root(List<ZipScan.Entry> entries) {
        if (entries.isEmpty()) {
            throw refused(Messages.of("bag.empty-zip"));
        }
        String first = entries.get(0).name();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            throw refused(Messages.of("bag.not-one-folder-top", printable(first)));
        }
        String root = first.substring(0, slash + 1);
        for (ZipScan.Entry entry : entries) {
            if (!entry.name().startsWith(root)) {
                throw refused(Messages.of("bag.not-one-folder-also", printable(entry.name())));
            }
        }
        return root;
    }

    /** The bag folder's name. */
    public String name() {
        return root.substring(0, root.length() - 1);
    }

    /** Every file of the bag, by path relative to the bag folder. */
    public Set<String> files() {
        return new TreeSet<>(files.keySet());
    }

    /** A file, whole: a tag file, or a small payload file such as a sealed testimony. */
    public byte[] tag(String path) {
        ZipScan.Entry entry = files.get(path);
        if (entry == null) {
            throw refused(Messages.of("bag.missing-file", path));
        }
        if (entry.size() > MAX_TAG_FILE) {
            throw refused(Messages.of("bag.tag-too-large", path, entry.size()));
        }
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw refused(Messages.of("bag.unreadable", path, e.getMessage()));
        }
    }

    /** A tag file as strict UTF-8 text. */
    public String text(String path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(tag(path))).toString();
        } catch (CharacterCodingException e) {
            throw refused(Messages.of("bag.not-utf8", path));
        }
    }

    /**
     * A file's bytes as a stream that fails if the entry yields more (or fewer) bytes than it
     * declares, or other bytes than its CRC-32 says: a zip bomb stops at its declared size, and a
     * changed byte is refused at the latest with the last byte.
     */
    public InputStream open(String path) throws IOException {
        ZipScan.Entry entry = files.get(path);
        if (entry == null) {
            throw refused(Messages.of("bag.missing-file", path));
        }
        return new EntryStream(this, entry, path);
    }

    /** bagit.txt must declare BagIt 1.0 in UTF-8. */
    public void checkDeclaration() {
        Map<String, String> declaration = fields("bagit.txt");
        if (!"1.0".equals(declaration.get("BagIt-Version"))
                || !"UTF-8".equalsIgnoreCase(declaration.get("Tag-File-Character-Encoding"))
                || declaration.size() != 2) {
            throw refused(Messages.of("bag.declaration"));
        }
    }

    /** A tag file of "Label: value" lines (bagit.txt, bag-info.txt). Repeated labels are refused. */
    public Map<String, String> fields(String path) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = text(path);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw refused(Messages.of("bag.no-final-line-break", path));
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int colon = line.indexOf(": ");
            if (colon <= 0 || !LABEL.matcher(line.substring(0, colon)).matches()) {
                throw refused(Messages.of("bag.not-label-value", path));
            }
            if (fields.put(line.substring(0, colon), line.substring(colon + 2).strip()) != null) {
                throw refused(Messages.of("bag.repeated-label", path, line.substring(0, colon)));
            }
        }
        return fields;
    }

    /** A manifest: path to lower-case hex digest. Bad lines, bad digests and repeated paths are refused. */
    public Map<String, String> manifest(String path, int hexLength) {
        Map<String, String> lines = new TreeMap<>();
        String text = text(path);
        if (!text.endsWith("\n")) {
            throw refused(Messages.of("bag.empty-or-unterminated", path));
        }
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int space = line.indexOf(' ');
            String digest = space < 0 ? line : line.substring(0, space);
            String file = space < 0 ? "" : line.substring(space).stripLeading();
            if (digest.length() != hexLength || !digest.matches("[0-9a-fA-F]+") || file.isEmpty()) {
                throw refused(Messages.of("bag.malformed-line", path));
            }
            if (lines.put(file, digest.toLowerCase(java.util.Locale.ROOT)) != null) {
                throw refused(Messages.of("bag.listed-twice", path, printable(file)));
            }
        }
        return lines;
    }

    /**
     * Checks the tag manifest: it lists every tag file but itself and {@code unlisted}, each with
     * its SHA-512, and nothing absent or under data/.
     */
    public void checkTagManifest(Map<String, String> tagManifest, Set<String> unlisted) {
        for (String file : files.keySet()) {
            if (!file.startsWith("data/") && !unlisted.contains(file) && !tagManifest.containsKey(file)) {
                throw refused(Messages.of("bag.not-listed", printable(file), "tagmanifest-sha512.txt"));
            }
        }
        for (Map.Entry<String, String> line : tagManifest.entrySet()) {
            if (line.getKey().startsWith("data/") || !files.containsKey(line.getKey())) {
                throw refused(Messages.of("bag.tag-manifest-extra", printable(line.getKey())));
            }
            MessageDigest sha512 = BagWriter.digest("SHA-512");
            sha512.update(tag(line.getKey()));
            if (!BagWriter.hex(sha512).equals(line.getValue())) {
                throw refused(Messages.of("bag.digest-mismatch", printable(line.getKey()), "SHA-512", "tagmanifest-sha512.txt"));
            }
        }
    }

    /**
     * Checks the payload against both manifests: the same files, exactly those under data/, each
     * read once and matching both digests, and the Payload-Oxum. Returns each file's SHA-256.
     */
    public Map<String, String> checkPayload(Map<String, String> sha256, Map<String, String> sha512, String oxum,
                                            ProgressListener progress) {
        Set<String> payload = new TreeSet<>();
        files.keySet().stream().filter(f -> f.startsWith("data/")).forEach(payload::add);
        for (Map<String, String> manifest : List.of(sha256, sha512)) {
            String which = manifest == sha256 ? "manifest-sha256.txt" : "manifest-sha512.txt";
            for (String file : payload) {
                if (!manifest.containsKey(file)) {
                    throw refused(Messages.of("bag.not-listed", printable(file), which));
                }
            }
            for (String file : manifest.keySet()) {
                if (!payload.contains(file)) {
                    throw refused(Messages.of("bag.listed-not-in-bag", which, printable(file)));
                }
            }
        }
        long total = payload.stream().mapToLong(f -> files.get(f).size()).sum();
        if (!(total + "." + payload.size()).equals(oxum)) {
            throw refused(Messages.of("bag.oxum", oxum, total, payload.size()));
        }
        for (String file : payload) {
            MessageDigest a = BagWriter.digest("SHA-256");
            MessageDigest b = BagWriter.digest("SHA-512");
            try (InputStream in = open(file)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    a.update(buffer, 0, n);
                    b.update(buffer, 0, n);
                    progress.advance(n);
                }
            } catch (IOException e) {
                throw refused(Messages.of("bag.unreadable", printable(file), e.getMessage()));
            }
            if (!BagWriter.hex(a).equals(sha256.get(file))) {
                throw refused(Messages.of("bag.digest-mismatch", printable(file), "SHA-256", "manifest-sha256.txt"));
            }
            if (!BagWriter.hex(b).equals(sha512.get(file))) {
                throw refused(Messages.of("bag.digest-mismatch", printable(file), "SHA-512", "manifest-sha512.txt"));
            }
        }
        return sha256;
    }

    /** Told how far a long read has come. */
    @FunctionalInterface
    public interface ProgressListener {
        ProgressListener NONE = bytes -> { };

        void advance(long bytes);
    }

    /** Copies a file's bytes into {@code out}. */
    public void copy(String path, OutputStream out) throws IOException {
        try (InputStream in = open(path)) {
            in.transferTo(out);
        }
    }

    @Override
    public synchronized void close() {
        if (spare != null) {
            spare.end();
            spare = null;
        }
        closeQuietly(zip);
    }

    private synchronized Inflater inflater() {
        Inflater inflater = spare != null ? spare : new Inflater(true);
        spare = null;
        return inflater;
    }

    private synchronized void recycle(Inflater inflater) {
        if (spare == null && zip.isOpen()) {
            inflater.reset();
            spare = inflater;
        } else {
            inflater.end();
        }
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Read-only: nothing is lost by a failed close.
        }
    }

    /** A name from outside, quoted so that its ends show; the message shows it through {@link org.gawah.Screen}. */
    static String printable(String name) {
        return "\"" + name + "\"";
    }

    static GawahException refused(Message problem) {
        return new GawahException(Failure.BAD_DATA, Messages.of("bag.refused", problem), hint());
    }

    /** What to do about a refused bag. */
    static Message hint() {
        return Messages.of("bag.hint");
    }

    /**
     * One entry's data, read from where {@link ZipScan} found it: stored, a bounded copy; deflated,
     * raw deflate (RFC 1951) inflated with no more input than the compressed size. Fails as soon as
     * the entry would yield more bytes than it declares; when the last declared byte is read, the
     * deflate stream must end exactly with the compressed data, and the CRC-32 must match.
     */
    private static final class EntryStream extends InputStream {
        private final BagReader bag;
        private final SeekableByteChannel zip;
        private final ZipScan.Entry entry;
        private final String path;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private final byte[] input;
        private long inAt;
        private long inLeft;
        private long outLeft;
        private boolean checked;
        private boolean closed;

        EntryStream(BagReader bag, ZipScan.Entry entry, String path) {
            this.bag = bag;
            this.zip = bag.zip;
            this.entry = entry;
            this.path = path;
            this.inflater = entry.method() == 8 ? bag.inflater() : null;
            this.input = inflater == null ? null : new byte[(int) Math.min(1 << 16, Math.max(1, entry.compressedSize()))];
            this.inAt = entry.dataOffset();
            this.inLeft = entry.compressedSize();
            this.outLeft = entry.size();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("stream closed");
            }
            if (outLeft == 0) {
                check();
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = inflater == null ? copy(b, off, (int) Math.min(len, outLeft)) : inflate(b, off, (int) Math.min(len, outLeft));
            crc.update(b, off, n);
            outLeft -= n;
            if (outLeft == 0) {
                check();
            }
            return n;
        }

        private int copy(byte[] b, int off, int len) throws IOException {
            int n = ZipScan.readAt(zip, ByteBuffer.wrap(b, off, len), inAt);
            if (n <= 0) {
                throw refused(Messages.of("bag.entry-short", printable(path)));
            }
            inAt += n;
            inLeft -= n;
            return n;
        }

        private int inflate(byte[] b, int off, int len) throws IOException {
            try {
                while (true) {
                    int n = inflater.inflate(b, off, len);
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.finished()) {
                        throw refused(Messages.of("bag.entry-short", printable(path)));
                    }
                    if (!inflater.needsInput()) {
                        throw refused(Messages.of("bag.entry-stalls", printable(path)));
                    }
                    feed();
                }
            } catch (DataFormatException e) {
                throw refused(Messages.of("bag.entry-damaged", printable(path), e.getMessage()));
            }
        }

        /** More compressed input, never beyond the entry's compressed size. */
        private void feed() throws IOException {
            if (inLeft == 0) {
                throw refused(Messages.of("bag.entry-cut-short", printable(path)));
            }
            int n = ZipScan.readAt(zip, ByteBuffer.wrap(input, 0, (int) Math.min(input.length, inLeft)), inAt);
            if (n <= 0) {
                throw refused(Messages.of("bag.entry-short", printable(path)));
            }
            inAt += n;
            inLeft -= n;
            inflater.setInput(input, 0, n);
        }

        /** All declared bytes read: nothing may follow them, and the CRC-32 must match. */
        private void check() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            if (inflater != null) {
                byte[] more = new byte[1];
                try {
                    while (!inflater.finished()) {
                        if (inflater.inflate(more) > 0) {
                            throw refused(Messages.of("bag.entry-too-long", printable(path)));
                        }
                        if (!inflater.finished()) {
                            if (!inflater.needsInput()) {
                                throw refused(Messages.of("bag.entry-stalls", printable(path)));
                            }
                            feed();
                        }
                    }
                } catch (DataFormatException e) {
                    throw refused(Messages.of("bag.entry-damaged", printable(path), e.getMessage()));
                }
                if (inflater.getRemaining() != 0 || inLeft != 0) {
                    throw refused(Messages.of("bag.entry-trailing", printable(path)));
                }
            }
            if (crc.getValue() != entry.crc()) {
                throw refused(Messages.of("bag.entry-crc", printable(path)));
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (outLeft == 0) {
                    check();   // an empty file is read by opening it
                }
            } finally {
                if (inflater != null && !closed) {
                    bag.recycle(inflater);
                }
                closed = true;
            }
        }
    }
}
