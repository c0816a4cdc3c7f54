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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Reads a zip's central directory itself (PKWARE APPNOTE 6.3.x, sections 4.3.12 to 4.3.16),
 * before anything else touches the file, because {@link java.util.zip.ZipFile} hides what a
 * received bag must not hold: file types in the external attributes (links, devices), names that
 * repeat, names that climb out of the folder. Nothing is extracted; this only judges names and
 * declared sizes.
 */
public final class ZipScan {
    /** One central-directory record that passed every check. */
    public record Entry(String name, long compressedSize, long size, int method) {
    }

    public static final int MAX_ENTRIES = 200_000;
    public static final long MAX_TOTAL_SIZE = 1L << 40;
    private static final int MAX_CENTRAL_DIRECTORY = 256 << 20;
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final long MAX_32 = 0xffffffffL;
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*");

    private ZipScan() {
    }

    public static List<Entry> scan(Path zip) throws IOException {
        try (FileChannel file = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = file.size();
            // 4.3.16: the end record is the last 22 bytes plus a comment of up to 65,535.
            int tail = (int) Math.min(size, 22 + 65_535);
            ByteBuffer end = read(file, size - tail, tail);
            int at = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == EOCD) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw refused("not a zip file (no end of central directory)");
            }
            if (end.getShort(at + 4) != 0 || end.getShort(at + 6) != 0) {
                throw refused("a zip split over several disks is not accepted");
            }
            long count = end.getShort(at + 10) & 0xffff;
            long cdSize = end.getInt(at + 12) & MAX_32;
            long cdOffset = end.getInt(at + 16) & MAX_32;
            if (count == 0xffff || cdSize == MAX_32 || cdOffset == MAX_32) {
                // 4.3.14 and 4.3.15: ZIP64 end record, found through its locator just before.
                long locator = size - tail + at - 20;
                ByteBuffer loc = read(file, locator, 20);
                if (locator < 0 || loc.getInt(0) != ZIP64_LOCATOR) {
                    throw refused("the zip's ZIP64 end record is missing");
                }
                ByteBuffer z = read(file, loc.getLong(8), 56);
                if (z.getInt(0) != ZIP64_EOCD) {
                    throw refused("the zip's ZIP64 end record is damaged");
                }
                count = z.getLong(32);
                cdSize = z.getLong(40);
                cdOffset = z.getLong(48);
            }
            if (count > MAX_ENTRIES) {
                throw refused("the zip declares " + count + " entries, more than " + MAX_ENTRIES);
            }
            if (cdSize > MAX_CENTRAL_DIRECTORY || cdOffset < 0 || cdOffset + cdSize > size) {
                throw refused("the zip's central directory is damaged or truncated");
            }
            return entries(read(file, cdOffset, (int) cdSize), (int) count);
        }
    }

    private static List<Entry> entries(ByteBuffer cd, int count) {
        List<Entry> entries = new ArrayList<>(count);
        Set<String> folded = new HashSet<>();
        long total = 0;
        int p = 0;
        for (int i = 0; i < count; i++) {
            if (p + 46 > cd.limit() || cd.getInt(p) != CENTRAL_HEADER) {
                throw refused("the zip's central directory is damaged or truncated");
            }
            int madeBy = cd.getShort(p + 4) & 0xffff;
            int flags = cd.getShort(p + 8) & 0xffff;
            int method = cd.getShort(p + 10) & 0xffff;
            long compressed = cd.getInt(p + 20) & MAX_32;
            long size = cd.getInt(p + 24) & MAX_32;
            int nameLength = cd.getShort(p + 28) & 0xffff;
            int extraLength = cd.getShort(p + 30) & 0xffff;
            int commentLength = cd.getShort(p + 32) & 0xffff;
            long external = cd.getInt(p + 38) & MAX_32;
            int next = p + 46 + nameLength + extraLength + commentLength;
            if (next > cd.limit()) {
                throw refused("the zip's central directory is damaged or truncated");
            }
            String name = name(cd, p + 46, nameLength);
            if (compressed == MAX_32 || size == MAX_32) {
                long[] sizes = zip64Sizes(cd, p + 46 + nameLength, extraLength, size, compressed, name);
                size = sizes[0];
                compressed = sizes[1];
            }
            checkName(name);
            if ((flags & 1) != 0) {
                throw refused("entry " + BagReader.printable(name) + " is encrypted");
            }
            if (method != 0 && method != 8) {
                throw refused("entry " + BagReader.printable(name) + " uses compression method " + method
                        + " (only stored and deflated are accepted)");
            }
            checkType(name, madeBy, external);
            if (!folded.add(name.toLowerCase(Locale.ROOT)) || !folded.add(twin(name).toLowerCase(Locale.ROOT))) {
                throw refused("entry " + BagReader.printable(name) + " appears twice (perhaps differing in case only)");
            }
            if (size > 100 * compressed + (1 << 20)) {
                throw refused("entry " + BagReader.printable(name) + " declares " + size + " bytes from " + compressed
                        + " compressed: a zip bomb");
            }
            total += size;
            if (total > MAX_TOTAL_SIZE) {
                throw refused("the zip declares more than 1 TiB of content");
            }
            entries.add(new Entry(name, compressed, size, method));
            p = next;
        }
        return entries;
    }

    /** A folder and a file may not share a name: "a/" stands in the set also as "a", and "a" as "a/". */
    private static String twin(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name + "/";
    }

    /** 4.5.3: the ZIP64 extra field holds, in this order, only the sizes whose 32-bit field was full. */
    private static long[] zip64Sizes(ByteBuffer cd, int at, int length, long size, long compressed, String name) {
        int end = at + length;
        while (at + 4 <= end) {
            int id = cd.getShort(at) & 0xffff;
            int len = cd.getShort(at + 2) & 0xffff;
            if (id == 0x0001 && at + 4 + len <= end) {
                int q = at + 4;
                int stop = q + len;
                if (size == MAX_32) {
                    if (q + 8 > stop) {
                        break;
                    }
                    size = cd.getLong(q);
                    q += 8;
                }
                if (compressed == MAX_32) {
                    if (q + 8 > stop) {
                        break;
                    }
                    compressed = cd.getLong(q);
                }
                if (size < 0 || compressed < 0) {
                    break;
                }
                return new long[] {size, compressed};
            }
            at += 4 + len;
        }
        throw refused("entry " + BagReader.printable(name) + " has a damaged ZIP64 size field");
    }

    private static String name(ByteBuffer cd, int at, int length) {
        ByteBuffer bytes = cd.duplicate();
        bytes.position(at).limit(at + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw refused("an entry's name is not UTF-8");
        }
    }

    /** Names stay inside the bag folder on every system: no root, no climbing, no drive, no backslash. */
    private static void checkName(String name) {
        String shown = BagReader.printable(name);
        if (name.isEmpty() || name.startsWith("/")) {
            throw refused("entry " + shown + " has an absolute path");
        }
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 || DRIVE.matcher(name).matches()) {
            throw refused("entry " + shown + " holds a NUL, a backslash, a ':' or a drive letter");
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refused("entry " + shown + " has an empty, '.' or '..' path segment");
            }
        }
    }

    /** 4.4.2 and 4.4.15: made on Unix (host 3), the high 16 bits of the external attributes are st_mode. */
    private static void checkType(String name, int madeBy, long external) {
        if ((madeBy >>> 8) != 3) {
            return;
        }
        int type = (int) (external >>> 16) & 0170000;
        boolean ok = type == 0 || type == 0100000 || (type == 0040000 && name.endsWith("/"));
        if (!ok) {
            throw refused("entry " + BagReader.printable(name) + " is "
                    + (type == 0120000 ? "a symbolic link" : "not a regular file (mode " + Integer.toOctalString(type) + ")"));
        }
    }

    private static ByteBuffer read(FileChannel file, long at, int length) throws IOException {
        if (at < 0 || at + length > file.size()) {
            throw refused("the zip is truncated");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, at + buffer.position()) < 0) {
                throw refused("the zip is truncated");
            }
        }
        return buffer.flip();
    }

    private static GawahException refused(String problem) {
        return new GawahException(Failure.BAD_DATA, "bag: " + problem, "nothing was written; ask the sender for a new bag");
    }
}
