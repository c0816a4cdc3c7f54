package org.gawah.testsupport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: what each byte of a plain zip is (APPNOTE 4.3.7 to 4.3.16), read independently of
 * the code under test: which entry it belongs to, in which part (local header, data, data
 * descriptor, central directory record, end record) and which field. For zips as BagWriter writes
 * them: no ZIP64, no comment.
 */
public final class ZipMap {
    /** One byte's place in the zip; {@code entry} is null for the end record. */
    public record Part(String entry, String part, String field) {
        @Override
        public String toString() {
            return part + (field.isEmpty() ? "" : " (" + field + ")") + (entry == null ? "" : " of " + entry);
        }
    }

    private static final String[] LOCAL = fields(4, "signature", 2, "version needed", 2, "flags", 2, "method",
            2, "mod time", 2, "mod date", 4, "CRC-32", 4, "compressed size", 4, "size", 2, "name length", 2, "extra length");
    private static final String[] CENTRAL = fields(4, "signature", 2, "version made by", 2, "version needed", 2, "flags",
            2, "method", 2, "mod time", 2, "mod date", 4, "CRC-32", 4, "compressed size", 4, "size", 2, "name length",
            2, "extra length", 2, "comment length", 2, "disk number", 2, "internal attributes", 4, "external attributes",
            4, "local header offset");
    private static final String[] DESCRIPTOR = fields(4, "signature", 4, "CRC-32", 4, "compressed size", 4, "size");
    private static final String[] END = fields(4, "signature", 2, "disk number", 2, "central directory disk",
            2, "entries on this disk", 2, "entries", 4, "central directory size", 4, "central directory offset",
            2, "comment length");

    /** Where an entry's data lies, and whether it is deflated. */
    public record Data(int offset, int length, boolean deflated) {
    }

    private final Part[] parts;
    private final Map<String, Data> data = new LinkedHashMap<>();

    public ZipMap(byte[] zip) {
        parts = new Part[zip.length];
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        if (b.getInt(end) != 0x06054b50) {
            throw new IllegalArgumentException("not a zip without comment");
        }
        mark(end, END, null, "end record");
        int p = b.getInt(end + 16);
        for (int i = 0; i < (b.getShort(end + 10) & 0xffff); i++) {
            int nameLength = b.getShort(p + 28) & 0xffff;
            int extraLength = b.getShort(p + 30) & 0xffff;
            String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            mark(p, CENTRAL, name, "central directory record");
            fill(p + 46, nameLength, name, "central directory record", "name");
            fill(p + 46 + nameLength, extraLength, name, "central directory record", "extra field");
            int local = b.getInt(p + 42);
            int localName = b.getShort(local + 26) & 0xffff;
            int localExtra = b.getShort(local + 28) & 0xffff;
            mark(local, LOCAL, name, "local header");
            fill(local + 30, localName, name, "local header", "name");
            fill(local + 30 + localName, localExtra, name, "local header", "extra field");
            Data entryData = new Data(local + 30 + localName + localExtra, b.getInt(p + 20), b.getShort(p + 10) == 8);
            data.put(name, entryData);
            fill(entryData.offset(), entryData.length(), name, (entryData.deflated() ? "deflated" : "stored") + " data", "");
            if ((b.getShort(p + 8) & 8) != 0) {
                mark(entryData.offset() + entryData.length(), DESCRIPTOR, name, "data descriptor");
            }
            p += 46 + nameLength + extraLength + (b.getShort(p + 32) & 0xffff);
        }
        int unmapped = Arrays.asList(parts).indexOf(null);
        if (unmapped >= 0) {
            throw new IllegalArgumentException("byte " + unmapped + " belongs to no part of the zip");
        }
    }

    public Part at(int offset) {
        return parts[offset];
    }

    /** Each entry's data, by full name, in the order of the central directory. */
    public Map<String, Data> data() {
        return Collections.unmodifiableMap(data);
    }

    private void mark(int at, String[] fields, String entry, String part) {
        for (int i = 0; i < fields.length; i++) {
            parts[at + i] = new Part(entry, part, fields[i]);
        }
    }

    private void fill(int at, int length, String entry, String part, String field) {
        Arrays.fill(parts, at, at + length, new Part(entry, part, field));
    }

    /** Field widths and names, one name per byte. */
    private static String[] fields(Object... widthsAndNames) {
        List<String> bytes = new ArrayList<>();
        for (int i = 0; i < widthsAndNames.length; i += 2) {
            for (int k = 0; k < (int) widthsAndNames[i]; k++) {
                bytes.add((String) widthsAndNames[i + 1]);
            }
        }
        return bytes.toArray(new String[0]);
    }
    /** Whether a byte changed at {@code offset} lies in deflated data that still inflates to the entry's original content. */
    public boolean inflatesTheSame(byte[] good, byte[] changed, int offset) {
        Part part = at(offset);
        Data data = part.entry() == null ? null : data().get(part.entry());
        if (data == null || !data.deflated() || !part.part().equals("deflated data")) {
            return false;
        }
        byte[] original = inflate(good, data);
        return original != null && java.util.Arrays.equals(original, inflate(changed, data));
    }

    private static byte[] inflate(byte[] zip, Data data) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        try {
            inflater.setInput(zip, data.offset(), data.length());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return inflater.getRemaining() == 0 ? out.toByteArray() : null;
        } catch (java.util.zip.DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
