package org.gawah.custody;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.gawah.Digests;

/**
 * The list of items one {@code opened} entry of many openings names (docs/format/custody-log.md,
 * "Many openings in one entry"): the view that opened them, then each item's ciphertext SHA-256
 * and subject, sorted by subject. The entry's {@code subject_sha256} is the SHA-256 of these
 * bytes; a reader accepts only bytes it would write itself.
 */
public final class OpenedList {
    public static final String SCHEMA = "gawah.opened/1";
    /** The subject prefix of an entry of many openings: {@code GWO-} and an id. */
    public static final String PREFIX = "GWO-";
    /** The window's records page. */
    public static final String RECORDS_VIEW = "records";
    /** The window's export preview: what it decrypted to say what a package would carry. */
    public static final String EXPORT_PREVIEW_VIEW = "export-preview";
    private static final Pattern VIEW = Pattern.compile("[a-z][a-z-]{0,31}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final String view;
    /** Subject to its ciphertext's SHA-256, in byte order of the subjects (ASCII: String order is byte order). */
    private final SortedMap<String, String> items;

    private OpenedList(String view, SortedMap<String, String> items) {
        this.view = view;
        this.items = Collections.unmodifiableSortedMap(items);
    }

    /** The list of {@code items} (subject to ciphertext SHA-256) opened by {@code view}; at least one. */
    public static OpenedList of(String view, Map<String, String> items) {
        if (!VIEW.matcher(view).matches() || items.isEmpty()) {
            throw new IllegalArgumentException("an opening list needs a view and an item");
        }
        for (Map.Entry<String, String> item : items.entrySet()) {
            if (!Entry.isSubject(item.getKey()) || !SHA256.matcher(item.getValue()).matches()) {
                throw new IllegalArgumentException("not an item of an opening list: " + item.getKey());
            }
        }
        return new OpenedList(view, new TreeMap<>(items));
    }

    /** Whether an entry's subject is an opening id ({@code GWO-…}), whose digest is a list's. */
    public static boolean isOpening(Entry entry) {
        return entry.action() == Action.OPENED && entry.subject().startsWith(PREFIX);
    }

    /** Reads a list, refusing any bytes it would not write itself. */
    public static OpenedList parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.endsWith("\n")) {
            throw malformed(1);
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        String head = SCHEMA + " ";
        if (!lines[0].startsWith(head) || !VIEW.matcher(lines[0].substring(head.length())).matches() || lines.length < 2) {
            throw malformed(1);
        }
        SortedMap<String, String> items = new TreeMap<>();
        String last = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int gap = line.indexOf("  ");
            if (gap != 64 || !SHA256.matcher(line.substring(0, 64)).matches() || !Entry.isSubject(line.substring(66))
                    || (last != null && last.compareTo(line.substring(66)) >= 0)) {
                throw malformed(i + 1);
            }
            last = line.substring(66);
            items.put(last, line.substring(0, 64));
        }
        OpenedList list = new OpenedList(lines[0].substring(head.length()), items);
        if (!java.util.Arrays.equals(list.bytes(), bytes)) {
            throw malformed(1); // a non-ASCII byte read as a replacement character: not what would be written
        }
        return list;
    }

    private static CustodyException malformed(int line) {
        return new CustodyException(Messages.of("custody.opened-list.malformed", SCHEMA, line));
    }

    /** The canonical bytes, whose SHA-256 the entry names. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder(SCHEMA.length() + 10 + items.size() * 96);
        text.append(SCHEMA).append(' ').append(view).append('\n');
        items.forEach((subject, sha256) -> text.append(sha256).append("  ").append(subject).append('\n'));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    public String sha256() {
        return Digests.sha256(bytes());
    }

    public String view() {
        return view;
    }

    /** Subject to the SHA-256 of the ciphertext opened, sorted by subject. */
    public SortedMap<String, String> items() {
        return items;
    }
}
