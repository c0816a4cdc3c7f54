package org.gawah.bag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

/**
 * Reads a zip's structure itself (PKWARE APPNOTE 6.3.10, sections 4.3.6 to 4.3.16, 4.4 and 4.5)
 * and judges it before a byte of content is read: file types in the external attributes (links,
 * devices), repeated names, names that climb out of the folder, declared sizes no honest entry
 * has. Nothing is extracted; {@link BagReader} then reads each entry's data from where this scan
 * found it, and checks its size and CRC-32.
 *
 * <p>Every byte of the file must belong to exactly one part of it, so that no change to any byte
 * goes unseen and no other reader (ZipFile, unzip, 7-Zip) can find in the file what this scan did
 * not: the entries (local header, data, data descriptor) follow one another from the first byte of
 * the file to the central directory; each local header repeats its central directory record field
 * for field; the central directory holds exactly the entries it declares and ends where the end
 * records begin; the end record ends the file. Where the format leaves a choice, only what
 * {@link java.util.zip.ZipOutputStream} (and so {@link BagWriter}) writes is accepted: no comments,
 * general purpose flags 3 and 11 only, no extra fields but ZIP64 and the extended timestamp,
 * "version made by" the version needed on MS-DOS or Unix, no attributes but a Unix file or
 * folder with its usual permissions, and a data descriptor with its signature.
 */
public final class ZipScan {
    /**
     * One entry that passed every check: its name, sizes, compression method and CRC-32 as its
     * central directory record declares them, and where its local header and its data begin.
     */
    public record Entry(String name, long compressedSize, long size, int method, long crc, long headerOffset,
                        long dataOffset) {
    }

    /** A central directory record that passed the checks it can pass alone. */
    private record Central(int index, int at, String name, long compressed, long size, long offset, boolean wideSizes) {
    }

    /** An entry, and where it ends in the file: after its data, or after its data descriptor. */
    private record Placed(Entry entry, long end) {
    }

    /** Where an entry's local header and data lie in the file (APPNOTE 4.3.7), to find overlaps. */
    private record Span(long start, long end, String name) {
    }

    /** Limits: entry count and total declared uncompressed size, and per-entry compression ratio. */
    public static final int MAX_ENTRIES = 200_000;
    public static final long MAX_TOTAL_SIZE = 1L << 40;      // 1 TiB declared
    /** Deflate shrinks at best about 1032:1; sealed OpenPGP data hardly shrinks at all. */
    private static final long MAX_RATIO = 100;
    private static final long RATIO_SLACK = 1 << 20;
    private static final int MAX_CENTRAL_DIRECTORY = 256 << 20;
    private static final int END = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final int TIMESTAMP_EXTRA = 0x5455;
    /** 4.4.4: bit 3, sizes and CRC-32 in a data descriptor; bit 11, UTF-8 names. */
    private static final int DATA_DESCRIPTOR = 0x0008;
    private static final int KNOWN_FLAGS = DATA_DESCRIPTOR | 0x0800;
    private static final int FULL16 = 0xffff;
    private static final long FULL32 = 0xffffffffL;
    private static final Pattern DRIVE = Pattern.compile("(^|.*/)[A-Za-z]:.*", Pattern.DOTALL);

    private ZipScan() {
    }

    /** Scans the zip file; every refusal is a GawahException of Failure.BAD_DATA ("bag: ..." in English). */
    public static List<Entry> scan(Path zip) throws IOException {
        try (FileChannel file = FileChannel.open(zip, StandardOpenOption.READ)) {
            return scan(file);
        }
    }

    /**
     * Scans a zip read through {@code file} (a file, or a {@link MemoryChannel}), which is left open
     * and at no particular position; every refusal is a GawahException of Failure.BAD_DATA ("bag: ..." in English).
     */
    public static List<Entry> scan(SeekableByteChannel file) throws IOException {
        long length = file.size();
        // 4.3.16: 22 bytes and a comment of up to 65,535. ZipFile takes the last signature it
        // sees; so do we, and refuse it unless it ends the file with no comment.
        int tail = (int) Math.min(length, 22 + FULL16);
        ByteBuffer end = read(file, length - tail, tail);
        int at = tail - 22;
        while (at >= 0 && end.getInt(at) != END) {
            at--;
        }
        refuseIf(at < 0, Messages.of("zip.not-zip"));
        refuseIf(at + 22 + u16(end, at + 20) != tail, Messages.of("zip.bytes-after-end"));
        refuseIf(u16(end, at + 20) != 0, Messages.of("zip.comment", u16(end, at + 20)));
        refuseIf(u16(end, at + 4) != 0 || u16(end, at + 6) != 0 || u16(end, at + 8) != u16(end, at + 10), Messages.of("zip.split"));
        long endAt = length - tail + at;
        long count = u16(end, at + 10);
        long cdSize = u32(end, at + 12);
        long cdOffset = u32(end, at + 16);
        // 4.3.14, 4.3.15: ZipFile reads the ZIP64 end record whenever its locator sits just
        // before the end record, whatever the 16- and 32-bit fields say; so must we.
        ByteBuffer locator = endAt >= 20 ? read(file, endAt - 20, 20) : null;
        if (locator != null && locator.getInt(0) == ZIP64_LOCATOR) {
            long z64At = locator.getLong(8);
            refuseIf(locator.getInt(4) != 0 || locator.getInt(16) != 1, Messages.of("zip.split"));
            // 4.3.14.1: 44 bytes after the size field, with no extensible data, just before the locator.
            refuseIf(z64At != endAt - 20 - 56, Messages.of("zip.zip64-end-misplaced"));
            ByteBuffer z = read(file, z64At, 56);
            refuseIf(z.getInt(0) != ZIP64_END || z.getLong(4) != 44, Messages.of("zip.zip64-end-damaged"));
            if (!versions(u16(z, 12), u16(z, 14)) || u16(z, 14) != 45) {
                throw refused(Messages.of("zip.zip64-end-versions", hex(u16(z, 12)), u16(z, 14)));
            }
            refuseIf(z.getInt(16) != 0 || z.getInt(20) != 0 || z.getLong(24) != z.getLong(32), Messages.of("zip.split"));
            // ZipFile quietly falls back to the 32-bit record when the two disagree; we refuse.
            refuseIf(!agree(count, FULL16, z.getLong(32)) || !agree(cdSize, FULL32, z.getLong(40))
                    || !agree(cdOffset, FULL32, z.getLong(48)), Messages.of("zip.end-records-disagree"));
            count = z.getLong(32);
            cdSize = z.getLong(40);
            cdOffset = z.getLong(48);
            endAt = z64At;
        }
        refuseIf(count < 0 || count > MAX_ENTRIES,
                Messages.of("zip.too-many-entries", Long.toUnsignedString(count), MAX_ENTRIES));
        refuseIf(cdSize < 0 || cdSize > MAX_CENTRAL_DIRECTORY,
                Messages.of("zip.directory-too-large", Long.toUnsignedString(cdSize)));
        // ZipFile reads the directory that ends at the end record, whatever the offset says.
        refuseIf(cdOffset != endAt - cdSize, Messages.of("zip.directory-not-at-end"));
        ByteBuffer cd = read(file, cdOffset, (int) cdSize);
        return locals(new Window(file), cd, entries(cd, (int) count, cdOffset), cdOffset);
    }

    private static List<Central> entries(ByteBuffer cd, int count, long dataEnd) {
        List<Central> entries = new ArrayList<>(count);
        List<Span> spans = new ArrayList<>(count);
        Map<String, String> seen = new HashMap<>();
        long total = 0;
        for (int p = 0; p < cd.limit(); p = next(cd, p)) {
            // ZipFile reads every record in the directory, however many the end record declares.
            refuseIf(entries.size() == count, Messages.of("zip.directory-extra-entries", count));
            refuseIf(p + 46 > cd.limit() || cd.getInt(p) != CENTRAL || next(cd, p) > cd.limit(),
                    Messages.of("zip.directory-damaged", entries.size() + 1));
            Central entry = entry(cd, entries.size(), p, dataEnd, spans);
            if (entry.size() > MAX_TOTAL_SIZE - total) {
                throw refused(Messages.of("zip.too-much-content", quoted(entry.name())));
            }
            total += entry.size();
            unique(seen, entry.name());
            entries.add(entry);
        }
        refuseIf(entries.size() != count, Messages.of("zip.entry-count", entries.size(), count));
        // Entries that share bytes are how a small zip declares terabytes (Fifield's overlapping
        // zip bomb); no honest writer makes them.
        spans.sort(Comparator.comparingLong(Span::start));
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).start() < spans.get(i - 1).end()) {
                throw refused(Messages.of("zip.overlap", quoted(spans.get(i - 1).name()), quoted(spans.get(i).name())));
            }
        }
        return entries;
    }

    /** 4.3.12: one central directory header, judged on its own. */
    private static Central entry(ByteBuffer cd, int index, int p, long dataEnd, List<Span> spans) {
        int nameLength = u16(cd, p + 28);
        String name = name(cd, p + 46, nameLength);
        Message shown = entry(name);
        checkName(name, shown);
        int flags = u16(cd, p + 8);
        refuseIf((flags & 0x41) != 0, Messages.of("zip.encrypted", shown));   // 4.4.4: bits 0 and 6
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw refused(Messages.of("zip.flags", shown, hex(flags)));
        }
        int method = u16(cd, p + 10);
        if (method != 0 && method != 8) {
            throw refused(Messages.of("zip.method", shown, method));
        }
        int madeBy = u16(cd, p + 4);
        long external = u32(cd, p + 38);
        checkType(name, shown, madeBy, external);
        int needed = u16(cd, p + 6);
        if (needed != 10 && needed != 20 && needed != 45) {
            throw refused(Messages.of("zip.version-needed", shown, needed / 10, needed % 10));
        }
        if (!versions(madeBy, needed)) {
            throw refused(Messages.of("zip.version-made-by", shown, hex(madeBy), needed));
        }
        checkAttributes(name, shown, madeBy, u16(cd, p + 36), external);
        refuseIf(u16(cd, p + 34) != 0, Messages.of("zip.entry-other-disk", shown));
        if (u16(cd, p + 32) != 0) {
            throw refused(Messages.of("zip.entry-comment", shown));
        }
        long[] v = {u32(cd, p + 24), u32(cd, p + 20), u32(cd, p + 42)};   // size, compressed, offset
        boolean wideSizes = v[0] == FULL32 || v[1] == FULL32;
        zip64(extra(cd, p + 46 + nameLength, u16(cd, p + 30), shown), v, shown);
        long size = v[0];
        long compressed = v[1];
        // Header and data lie before the directory; so compressed sizes add up to less than the file.
        if (compressed > dataEnd || v[2] > dataEnd - compressed - 30 - nameLength) {
            throw refused(Messages.of("zip.beyond-entries", shown, v[2], compressed));
        }
        spans.add(new Span(v[2], v[2] + 30 + nameLength + compressed, name));
        if (method == 0 && size != compressed) {
            throw refused(Messages.of("zip.stored-size", shown, size, compressed));
        }
        if (name.endsWith("/") && size != 0) {
            throw refused(Messages.of("zip.folder-with-data", shown, size));
        }
        if (size > MAX_RATIO * compressed + RATIO_SLACK) {
            throw refused(Messages.of("zip.ratio", shown, size, compressed));
        }
        return new Central(index, p, name, compressed, size, v[2], wideSizes);
    }

    /**
     * 4.5.3: the ZIP64 extra field holds, in this order, each value whose header field is full,
     * and nothing else; with no full field there is no ZIP64 extra field.
     */
    private static void zip64(List<ByteBuffer> extra, long[] values, Message shown) {
        int full = 0;
        for (long value : values) {
            full += value == FULL32 ? 1 : 0;
        }
        ByteBuffer block = find(extra, ZIP64_EXTRA);
        if (block == null) {
            refuseIf(full > 0, Messages.of("zip.zip64-missing", shown));
            return;
        }
        refuseIf(block.limit() != 4 + 8 * full || full == 0, Messages.of("zip.zip64-damaged", shown));
        int q = 4;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == FULL32) {
                refuseIf((values[i] = block.getLong(q)) < 0, Messages.of("zip.zip64-damaged", shown));
                q += 8;
            }
        }
    }

    /**
     * 4.5.1: an extra field is a run of blocks (id, data length, data) that fills it exactly. Only
     * ZIP64 (0x0001) and the extended timestamp (0x5455) are accepted, each once: another block
     * could hold what some other reader takes for the entry's name (0x7075) or its attributes.
     */
    private static List<ByteBuffer> extra(ByteBuffer b, int at, int length, Message where) {
        List<ByteBuffer> blocks = new ArrayList<>(2);
        for (int end = at + length; at < end; ) {
            if (at + 4 > end || at + 4 + u16(b, at + 2) > end) {
                throw refused(Messages.of("zip.extra-damaged", where));
            }
            int id = u16(b, at);
            if (id != ZIP64_EXTRA && id != TIMESTAMP_EXTRA) {
                throw refused(Messages.of("zip.extra-unknown", where, hex(id)));
            }
            if (find(blocks, id) != null) {
                throw refused(Messages.of("zip.extra-repeated", where, hex(id)));
            }
            blocks.add(b.slice(at, 4 + u16(b, at + 2)).order(ByteOrder.LITTLE_ENDIAN));
            at += 4 + u16(b, at + 2);
        }
        return blocks;
    }

    private static ByteBuffer find(List<ByteBuffer> blocks, int id) {
        for (ByteBuffer block : blocks) {
            if (u16(block, 0) == id) {
                return block;
            }
        }
        return null;
    }

    /**
     * 4.3.7 to 4.3.9: reads every local header, in the order of the file, and the data descriptor
     * after its data if it has one; each must repeat its central directory record, and together
     * they must fill the file from its first byte to the central directory. Returns the entries
     * in the order of the central directory.
     */
    private static List<Entry> locals(Window file, ByteBuffer cd, List<Central> records, long cdOffset) throws IOException {
        List<Central> inFile = new ArrayList<>(records);
        inFile.sort(Comparator.comparingLong(Central::offset));
        Entry[] entries = new Entry[records.size()];
        long expected = 0;
        String before = null;
        for (int i = 0; i < inFile.size(); i++) {
            Central record = inFile.get(i);
            if (record.offset() != expected) {
                throw refused(before == null
                        ? Messages.of("zip.unaccounted", record.offset() - expected, expected, quoted(record.name()))
                        : Messages.of("zip.unaccounted-after", record.offset() - expected, expected, quoted(before),
                                quoted(record.name())));
            }
            Placed placed = local(file, cd, record, cdOffset, i + 1 < inFile.size() ? extent(cd, inFile.get(i + 1)) : 0);
            entries[record.index()] = placed.entry();
            expected = placed.end();
            before = record.name();
        }
        if (expected != cdOffset) {
            throw refused(before == null ? Messages.of("zip.unaccounted-end", cdOffset - expected, expected)
                    : Messages.of("zip.unaccounted-end-after", cdOffset - expected, expected, quoted(before)));
        }
        return List.of(entries);
    }

    /**
     * One local header (4.3.7) against its central directory record (4.3.12), and its data
     * descriptor if it has one (4.3.9); returns the entry and where it ends in the file.
     */
    private static Placed local(Window file, ByteBuffer cd, Central record, long cdOffset, long next) throws IOException {
        Message shown = entry(record.name());
        int p = record.at();
        long wanted = extent(cd, record) + next;
        ByteBuffer h = file.at(record.offset(), 30, wanted);
        if (h.getInt(0) != LOCAL) {
            throw refused(Messages.of("zip.no-local-header", shown, record.offset()));
        }
        int nameLength = u16(h, 26);
        int extraLength = u16(h, 28);
        long dataOffset = record.offset() + 30 + nameLength + extraLength;
        if (dataOffset > cdOffset - record.compressed()) {
            throw refused(Messages.of("zip.local-header-overruns", shown));
        }
        h = file.at(record.offset(), 30 + nameLength + extraLength, wanted);
        if (!h.slice(30, nameLength).equals(cd.slice(p + 46, u16(cd, p + 28)))) {
            byte[] raw = new byte[nameLength];
            h.get(30, raw);
            throw refused(Messages.of("zip.local-header-name", shown, quoted(new String(raw, StandardCharsets.UTF_8))));
        }
        int flags = u16(cd, p + 8);
        agree(u16(h, 6) == flags, shown, Field.FLAGS);
        agree(u16(h, 8) == u16(cd, p + 10), shown, Field.METHOD);
        agree(h.getInt(10) == cd.getInt(p + 12), shown, Field.TIME);
        List<ByteBuffer> extra = extra(h, 30 + nameLength, extraLength, Messages.of("zip.local-header-of", shown));
        ByteBuffer zip64 = find(extra, ZIP64_EXTRA);
        // ZipOutputStream gives the central record version 4.5 when only it needs ZIP64 (a large
        // offset, or sizes that follow in a data descriptor); the local header keeps 1.0 or 2.0.
        int needed = u16(cd, p + 6);
        int localNeeded = u16(h, 4);
        agree(localNeeded == needed || needed == 45 && zip64 == null && (localNeeded == 10 || localNeeded == 20),
                shown, Field.VERSION);
        long crc = u32(cd, p + 16);
        if ((flags & DATA_DESCRIPTOR) != 0) {
            // 4.4.4, bit 3: zero here, the values follow the data.
            if (h.getInt(14) != 0 || h.getInt(18) != 0 || h.getInt(22) != 0 || zip64 != null) {
                throw refused(Messages.of("zip.local-sizes-in-descriptor", shown));
            }
        } else {
            agree(u32(h, 14) == crc, shown, Field.CRC);
            // 4.5.3: in a local header, the ZIP64 extra field holds both sizes, or neither.
            boolean wide = u32(h, 18) == FULL32 || u32(h, 22) == FULL32;
            boolean same = wide ? u32(h, 18) == FULL32 && u32(h, 22) == FULL32 && zip64 != null && zip64.limit() == 20
                    && zip64.getLong(4) == record.size() && zip64.getLong(12) == record.compressed()
                    : zip64 == null && u32(h, 18) == record.compressed() && u32(h, 22) == record.size();
            agree(same, shown, Field.SIZES);
        }
        List<ByteBuffer> centralExtra = extra(cd, p + 46 + u16(cd, p + 28), u16(cd, p + 30), shown);
        centralExtra.remove(find(centralExtra, ZIP64_EXTRA));
        extra.remove(zip64);
        agree(extra.equals(centralExtra), shown, Field.EXTRA);
        Entry entry = new Entry(record.name(), record.compressed(), record.size(), u16(cd, p + 10), crc, record.offset(), dataOffset);
        long end = dataOffset + record.compressed();
        if ((flags & DATA_DESCRIPTOR) == 0) {
            return new Placed(entry, end);
        }
        // ZipOutputStream writes the signature, and 8-byte sizes when the central record needed
        // ZIP64 for either of them.
        int width = record.wideSizes() ? 8 : 4;
        if (end > cdOffset - 8 - 2 * width) {
            throw refused(Messages.of("zip.descriptor-overruns", shown));
        }
        ByteBuffer d = file.at(end, 8 + 2 * width, 8 + 2 * width + next);
        boolean same = width == 8 ? d.getLong(8) == record.compressed() && d.getLong(16) == record.size()
                : u32(d, 8) == record.compressed() && u32(d, 12) == record.size();
        if (d.getInt(0) != DESCRIPTOR || u32(d, 4) != crc || !same) {
            throw refused(Messages.of("zip.descriptor-disagrees", shown));
        }
        return new Placed(entry, end + 8 + 2 * width);
    }

    /** About how far an entry reaches from its local header: header, data, data descriptor. */
    private static long extent(ByteBuffer cd, Central record) {
        return 30 + u16(cd, record.at() + 28) + 2L * u16(cd, record.at() + 30) + record.compressed() + 24;
    }

    /** The fields a local header repeats from its central directory record, as a message names them. */
    private enum Field {
        FLAGS, METHOD, TIME, VERSION, CRC, SIZES, EXTRA;

        Message words() {
            return switch (this) {
                case FLAGS -> Messages.of("zip.field.flags");
                case METHOD -> Messages.of("zip.field.method");
                case TIME -> Messages.of("zip.field.time");
                case VERSION -> Messages.of("zip.field.version");
                case CRC -> Messages.of("zip.field.crc");
                case SIZES -> Messages.of("zip.field.sizes");
                case EXTRA -> Messages.of("zip.field.extra");
            };
        }
    }

    /** A field of a local header must be what its central directory record says. */
    private static void agree(boolean same, Message shown, Field field) {
        if (!same) {
            throw refused(Messages.of("zip.disagree", shown, field.words()));
        }
    }

    /** Strict UTF-8 whatever bit 11 says (4.4.4): a name is exactly these characters or refused. */
    private static String name(ByteBuffer cd, int at, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(cd.slice(at, length)).toString();
        } catch (CharacterCodingException e) {
            byte[] raw = new byte[length];
            cd.get(at, raw);
            throw refused(Messages.of("zip.name-not-utf8", entry(new String(raw, StandardCharsets.UTF_8))));
        }
    }

    /** Names stay inside the bag folder on every system: no root, no climbing, no drive, no backslash. */
    private static void checkName(String name, Message shown) {
        refuseIf(name.isEmpty(), Messages.of("zip.empty-name"));
        refuseIf(name.indexOf('\0') >= 0, Messages.of("zip.nul", shown));
        refuseIf(name.indexOf('\\') >= 0, Messages.of("zip.backslash", shown));
        refuseIf(name.startsWith("/"), Messages.of("zip.absolute", shown));
        refuseIf(DRIVE.matcher(name).matches(), Messages.of("zip.drive", shown));
        refuseIf(name.indexOf(':') >= 0, Messages.of("zip.colon", shown));
        for (String segment : bare(name).split("/", -1)) {
            refuseIf(segment.isEmpty(), Messages.of("zip.empty-segment", shown));
            if (segment.equals(".") || segment.equals("..")) {
                throw refused(Messages.of("zip.dot-segment", shown, segment));
            }
        }
    }

    /** 4.4.2, 4.4.15: made on Unix (host 3), the high 16 bits of the external attributes are st_mode. */
    private static void checkType(String name, Message shown, int madeBy, long external) {
        long type = (madeBy >>> 8) == 3 ? (external >>> 16) & 0170000 : 0;
        refuseIf(type == 0120000, Messages.of("zip.symlink", shown));
        refuseIf(type == 0040000 && !name.endsWith("/"), Messages.of("zip.folder-mark", shown));
        if (type != 0 && type != 0100000 && type != 0040000) {
            throw refused(Messages.of("zip.special-file", shown, Long.toOctalString(type)));
        }
    }

    /**
     * 4.4.14, 4.4.15: nothing in the attributes but what ZipOutputStream writes (none, made on
     * MS-DOS), or a Unix file (0644) or folder (0755): a flipped bit here changes nothing a reader
     * needs, so it is refused rather than ignored.
     */
    private static void checkAttributes(String name, Message shown, int madeBy, int internal, long external) {
        if (internal != 0) {
            throw refused(Messages.of("zip.internal-attributes", shown));
        }
        long mode = external >>> 16;
        if ((madeBy >>> 8) == 3 ? (external & FULL16) != 0 || (mode != 0 && mode != (name.endsWith("/") ? 0040755 : 0100644))
                : external != 0) {
            throw refused(Messages.of("zip.external-attributes", shown, Long.toHexString(external)));
        }
    }

    /** 4.4.2: "version made by" is the version needed, on MS-DOS (host 0) or Unix (host 3). */
    private static boolean versions(int madeBy, int needed) {
        return (madeBy & 0xff) == needed && ((madeBy >>> 8) == 0 || (madeBy >>> 8) == 3);
    }

    /**
     * No two names may land on one file: exact repeats, and names equal once Unicode-normalised
     * (macOS) and lower-cased (Windows, macOS); nor a file and a folder of one name ("a", "a/").
     */
    private static void unique(Map<String, String> seen, String name) {
        String other = seen.putIfAbsent(Normalizer.normalize(bare(name), Normalizer.Form.NFC).toLowerCase(Locale.ROOT), name);
        if (other != null) {
            refuseIf(other.equals(name), Messages.of("zip.twice", entry(name)));
            refuseIf(other.endsWith("/") != name.endsWith("/"), Messages.of("zip.file-and-folder", entry(name), quoted(other)));
            throw refused(Messages.of("zip.case-clash", quoted(other), quoted(name)));
        }
    }

    /** "entry" and the entry's name, for a message. */
    private static Message entry(String name) {
        return Messages.of("zip.entry", quoted(name));
    }

    /** A name for a message: control and direction-changing characters become '?', and it is cut short. */
    static String quoted(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> safe.appendCodePoint(c < 0x20 || (c >= 0x7f && c < 0xa0)
                || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ? '?' : c));
        return "\"" + safe + (name.codePointCount(0, name.length()) > 200 ? "\"..." : "\"");
    }

    private static String bare(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static int next(ByteBuffer cd, int p) {
        return p + 46 + u16(cd, p + 28) + u16(cd, p + 30) + u16(cd, p + 32);
    }

    private static boolean agree(long narrow, long full, long wide) {
        return narrow == full || narrow == wide;
    }

    private static ByteBuffer read(SeekableByteChannel file, long at, int length) throws IOException {
        refuseIf(at < 0 || length > file.size() - at, Messages.of("zip.truncated"));
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            refuseIf(readAt(file, buffer, at + buffer.position()) < 0, Messages.of("zip.truncated"));
        }
        return buffer.flip();
    }

    /** Reads into {@code buffer} from {@code at}: a file in place, another channel positioned first. */
    static int readAt(SeekableByteChannel file, ByteBuffer buffer, long at) throws IOException {
        if (file instanceof FileChannel channel) {
            return channel.read(buffer, at);
        }
        synchronized (file) {
            file.position(at);
            return file.read(buffer);
        }
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "%04x", value);
    }

    /**
     * Reads 256 KiB at once when what is wanted next lies within them: the headers of small
     * entries then cost one read for many, and a large entry's data is not read here at all.
     */
    private static final class Window {
        private static final int AHEAD = 1 << 18;
        private final SeekableByteChannel file;
        private ByteBuffer buffer = ByteBuffer.allocate(0);
        private long start;

        Window(SeekableByteChannel file) {
            this.file = file;
        }

        /** {@code length} bytes from {@code at}; {@code wanted}: how far from there the next reads will go. */
        ByteBuffer at(long at, int length, long wanted) throws IOException {
            if (at < start || at + length > start + buffer.limit()) {
                int ahead = wanted <= AHEAD ? (int) Math.min(AHEAD, file.size() - at) : 0;
                buffer = read(file, at, Math.max(length, ahead));
                start = at;
            }
            return buffer.slice((int) (at - start), length).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & FULL32;
    }

    /** Only for messages cheap to build: this runs for every entry. */
    private static void refuseIf(boolean bad, Message problem) {
        if (bad) {
            throw refused(problem);
        }
    }

    private static GawahException refused(Message problem) {
        return BagReader.refused(problem);
    }
}
