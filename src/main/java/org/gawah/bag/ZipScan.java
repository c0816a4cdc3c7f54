package org.gawah.bag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
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

/**
 * Reads a zip's central directory itself (PKWARE APPNOTE 6.3.10, sections 4.3.12 to 4.3.16 and
 * 4.5.3) before {@link java.util.zip.ZipFile} touches a bag from outside, because ZipFile hides
 * what such a bag must not hold: file types in the external attributes (links, devices), repeated
 * names, names that climb out of the folder. Nothing is extracted; this judges names and declared
 * sizes only.
 *
 * <p>Where the format leaves room, only the layout that ZipFile reads the same way is accepted: no
 * bytes before the first entry or after the end record, a central directory that ends where the
 * end record begins and holds exactly the entries it declares. Otherwise ZipFile, which finds the
 * directory by other means, could serve entries this scan never saw.
 */
public final class ZipScan {
    /** One central-directory record that passed every check. */
    public record Entry(String name, long compressedSize, long size, int method) {
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
    private static final int FULL16 = 0xffff;
    private static final long FULL32 = 0xffffffffL;
    private static final String SPLIT = "a zip split over several disks is not accepted";
    private static final Pattern DRIVE = Pattern.compile("(^|.*/)[A-Za-z]:.*", Pattern.DOTALL);

    private ZipScan() {
    }

    /** Scans the central directory of the zip file; every refusal is a GawahException(Failure.BAD_DATA, "bag: ..."). */
    public static List<Entry> scan(Path zip) throws IOException {
        try (FileChannel file = FileChannel.open(zip, StandardOpenOption.READ)) {
            long length = file.size();
            // 4.3.16: 22 bytes and a comment of up to 65,535. ZipFile takes the last signature it
            // sees; so do we, and refuse it unless its comment ends the file exactly.
            int tail = (int) Math.min(length, 22 + FULL16);
            ByteBuffer end = read(file, length - tail, tail);
            int at = tail - 22;
            while (at >= 0 && end.getInt(at) != END) {
                at--;
            }
            refuseIf(at < 0, "not a zip file (no end of central directory record)");
            refuseIf(at + 22 + u16(end, at + 20) != tail, "the zip has bytes after its end record, or a second one in its comment");
            refuseIf(u16(end, at + 4) != 0 || u16(end, at + 6) != 0 || u16(end, at + 8) != u16(end, at + 10), SPLIT);
            long endAt = length - tail + at;
            long count = u16(end, at + 10);
            long cdSize = u32(end, at + 12);
            long cdOffset = u32(end, at + 16);
            // 4.3.14, 4.3.15: ZipFile reads the ZIP64 end record whenever its locator sits just
            // before the end record, whatever the 16- and 32-bit fields say; so must we.
            ByteBuffer locator = endAt >= 20 ? read(file, endAt - 20, 20) : null;
            if (locator != null && locator.getInt(0) == ZIP64_LOCATOR) {
                long z64At = locator.getLong(8);
                refuseIf(locator.getInt(4) != 0 || Integer.compareUnsigned(locator.getInt(16), 1) > 0, SPLIT);
                refuseIf(z64At < 0 || z64At > endAt - 20 - 56, "the zip's ZIP64 end record is missing or misplaced");
                ByteBuffer z = read(file, z64At, 56);
                refuseIf(z.getInt(0) != ZIP64_END || z.getLong(4) != endAt - 20 - z64At - 12,
                        "the zip's ZIP64 end record is damaged or misplaced");
                refuseIf(z.getInt(16) != 0 || z.getInt(20) != 0 || z.getLong(24) != z.getLong(32), SPLIT);
                // ZipFile quietly falls back to the 32-bit record when the two disagree; we refuse.
                refuseIf(!agree(count, FULL16, z.getLong(32)) || !agree(cdSize, FULL32, z.getLong(40))
                        || !agree(cdOffset, FULL32, z.getLong(48)), "the zip's two end records disagree");
                count = z.getLong(32);
                cdSize = z.getLong(40);
                cdOffset = z.getLong(48);
                endAt = z64At;
            }
            refuseIf(count < 0 || count > MAX_ENTRIES,
                    "the zip declares " + Long.toUnsignedString(count) + " entries, more than " + MAX_ENTRIES);
            refuseIf(cdSize < 0 || cdSize > MAX_CENTRAL_DIRECTORY,
                    "the zip's central directory is too large (" + Long.toUnsignedString(cdSize) + " bytes)");
            // ZipFile reads the directory that ends at the end record, whatever the offset says.
            refuseIf(cdOffset != endAt - cdSize, "the zip's central directory is damaged or truncated (it does not end at the end record)");
            return entries(read(file, cdOffset, (int) cdSize), (int) count, cdOffset);
        }
    }

    private static List<Entry> entries(ByteBuffer cd, int count, long dataEnd) {
        List<Entry> entries = new ArrayList<>(count);
        List<Span> spans = new ArrayList<>(count);
        Map<String, String> seen = new HashMap<>();
        long total = 0;
        for (int p = 0; p < cd.limit(); p = next(cd, p)) {
            // ZipFile reads every record in the directory, however many the end record declares.
            refuseIf(entries.size() == count, "the zip's central directory holds more entries than the " + count + " it declares");
            refuseIf(p + 46 > cd.limit() || cd.getInt(p) != CENTRAL || next(cd, p) > cd.limit(),
                    "the zip's central directory is damaged or truncated (entry " + (entries.size() + 1) + ")");
            Entry entry = entry(cd, p, dataEnd, spans);
            if (entry.size() > MAX_TOTAL_SIZE - total) {
                throw refused("the zip declares more than 1 TiB of content (at entry " + quoted(entry.name()) + ")");
            }
            total += entry.size();
            unique(seen, entry.name());
            entries.add(entry);
        }
        refuseIf(entries.size() != count,
                "the zip's central directory holds " + entries.size() + " entries, not the " + count + " it declares");
        // Entries that share bytes are how a small zip declares terabytes (Fifield's overlapping
        // zip bomb); no honest writer makes them.
        spans.sort(Comparator.comparingLong(Span::start));
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).start() < spans.get(i - 1).end()) {
                throw refused("entries " + quoted(spans.get(i - 1).name()) + " and " + quoted(spans.get(i).name())
                        + " overlap in the file: a zip bomb or a forgery");
            }
        }
        return entries;
    }

    /** 4.3.12: one central directory header, judged on its own. */
    private static Entry entry(ByteBuffer cd, int p, long dataEnd, List<Span> spans) {
        int nameLength = u16(cd, p + 28);
        String name = name(cd, p + 46, nameLength);
        String shown = "entry " + quoted(name);
        checkName(name, shown);
        refuseIf((u16(cd, p + 8) & 0x41) != 0, shown + " is encrypted");   // 4.4.4: bits 0 and 6
        int method = u16(cd, p + 10);
        if (method != 0 && method != 8) {
            throw refused(shown + " uses compression method " + method + " (only 0, stored, and 8, deflated, are accepted)");
        }
        checkType(name, shown, u16(cd, p + 4), u32(cd, p + 38));
        refuseIf(u16(cd, p + 34) != 0, shown + " starts on another disk; " + SPLIT);
        long[] v = {u32(cd, p + 24), u32(cd, p + 20), u32(cd, p + 42)};   // size, compressed, offset
        if (v[0] == FULL32 || v[1] == FULL32 || v[2] == FULL32) {
            zip64(cd, p + 46 + nameLength, u16(cd, p + 30), v, shown);
        }
        long size = v[0];
        long compressed = v[1];
        // Header and data lie before the directory; so compressed sizes add up to less than the file.
        if (compressed > dataEnd || v[2] > dataEnd - compressed - 30 - nameLength) {
            throw refused(shown + " claims data beyond the zip's entries (offset " + v[2] + ", " + compressed + " bytes)");
        }
        spans.add(new Span(v[2], v[2] + 30 + nameLength + compressed, name));
        if (method == 0 && size != compressed) {
            throw refused(shown + " is stored but declares " + size + " bytes in " + compressed);
        }
        if (name.endsWith("/") && size != 0) {
            throw refused(shown + " is a folder but holds " + size + " bytes");
        }
        if (size > MAX_RATIO * compressed + RATIO_SLACK) {
            throw refused(shown + " declares " + size + " bytes from " + compressed + " compressed: a zip bomb");
        }
        return new Entry(name, compressed, size, method);
    }

    /** 4.5.3: the ZIP64 extra field holds, in this order, each value whose header field is full. */
    private static void zip64(ByteBuffer cd, int at, int length, long[] values, String shown) {
        for (int end = at + length; at + 4 <= end; at += 4 + u16(cd, at + 2)) {
            if (u16(cd, at) == 0x0001) {
                int q = at + 4;
                int stop = Math.min(q + u16(cd, at + 2), end);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == FULL32) {
                        refuseIf(q + 8 > stop || (values[i] = cd.getLong(q)) < 0, shown + " has a damaged ZIP64 extra field");
                        q += 8;
                    }
                }
                return;
            }
        }
        throw refused(shown + " has a full 32-bit size or offset but no ZIP64 extra field");
    }

    /** Strict UTF-8 whatever bit 11 says (4.4.4): a name is exactly these characters or refused. */
    private static String name(ByteBuffer cd, int at, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(cd.slice(at, length)).toString();
        } catch (CharacterCodingException e) {
            byte[] raw = new byte[length];
            cd.get(at, raw);
            throw refused("entry " + quoted(new String(raw, StandardCharsets.UTF_8)) + " has a name that is not valid UTF-8");
        }
    }

    /** Names stay inside the bag folder on every system: no root, no climbing, no drive, no backslash. */
    private static void checkName(String name, String shown) {
        refuseIf(name.isEmpty(), "an entry has an empty name");
        refuseIf(name.indexOf('\0') >= 0, shown + " holds a NUL character");
        refuseIf(name.indexOf('\\') >= 0, shown + " holds a backslash (a Windows path separator)");
        refuseIf(name.startsWith("/"), shown + " is an absolute path");
        refuseIf(DRIVE.matcher(name).matches(), shown + " names a drive letter");
        refuseIf(name.indexOf(':') >= 0, shown + " holds a ':' (a drive or an NTFS stream on Windows)");
        for (String segment : bare(name).split("/", -1)) {
            refuseIf(segment.isEmpty(), shown + " has an empty path segment ('//')");
            if (segment.equals(".") || segment.equals("..")) {
                throw refused(shown + " has a '" + segment + "' path segment");
            }
        }
    }

    /** 4.4.2, 4.4.15: made on Unix (host 3), the high 16 bits of the external attributes are st_mode. */
    private static void checkType(String name, String shown, int madeBy, long external) {
        long type = (madeBy >>> 8) == 3 ? (external >>> 16) & 0170000 : 0;
        refuseIf(type == 0120000, shown + " is a symbolic link");
        refuseIf(type == 0040000 && !name.endsWith("/"), shown + " is marked as a folder but its name does not end in '/'");
        if (type != 0 && type != 0100000 && type != 0040000) {
            throw refused(shown + " is not a regular file (a device, pipe or socket: type 0" + Long.toOctalString(type) + ")");
        }
    }

    /**
     * No two names may land on one file: exact repeats, and names equal once Unicode-normalised
     * (macOS) and lower-cased (Windows, macOS); nor a file and a folder of one name ("a", "a/").
     */
    private static void unique(Map<String, String> seen, String name) {
        String other = seen.putIfAbsent(Normalizer.normalize(bare(name), Normalizer.Form.NFC).toLowerCase(Locale.ROOT), name);
        if (other != null) {
            refuseIf(other.equals(name), "entry " + quoted(name) + " appears twice");
            refuseIf(other.endsWith("/") != name.endsWith("/"),
                    "entry " + quoted(name) + " is both a file and a folder (see " + quoted(other) + ")");
            throw refused("entries " + quoted(other) + " and " + quoted(name)
                    + " differ only in case or Unicode form; a case-insensitive disk would make them one (they appear twice)");
        }
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

    private static ByteBuffer read(FileChannel file, long at, int length) throws IOException {
        refuseIf(at < 0 || length > file.size() - at, "the zip is truncated");
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            refuseIf(file.read(buffer, at + buffer.position()) < 0, "the zip is truncated");
        }
        return buffer.flip();
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & FULL32;
    }

    /** Only for messages cheap to build: this runs for every entry. */
    private static void refuseIf(boolean bad, String problem) {
        if (bad) {
            throw refused(problem);
        }
    }

    private static GawahException refused(String problem) {
        return new GawahException(Failure.BAD_DATA, "bag: " + problem, "nothing was written; ask the sender for a new bag");
    }
}
