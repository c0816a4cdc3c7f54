package org.gawah.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.gawah.Digests;
import org.gawah.custody.Entry;
import org.gawah.openpgp.Armor;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.openpgp.SigningKey;

/**
 * Test-only: takes a bag apart and puts it back together with changes, writing the zip by hand so
 * that it can hold what no honest tool writes: duplicate names, links, traversing paths.
 */
public final class Bags {
    private Bags() {
    }

    /**
     * One zip entry to write: its name, its bytes, the Unix mode to claim (0 for none), the
     * "version made by" (its high byte the host system: 3 Unix, 2 VMS, 0 MS-DOS), the general
     * purpose flags, and the compression method (0 stored, 8 deflated).
     */
    public record Item(String name, byte[] data, int unixMode, int madeBy, int flags, int method) {
        /** Stored, UTF-8 name, no host. */
        public Item(String name, byte[] data) {
            this(name, data, 0);
        }

        /** Stored, UTF-8 name, made on Unix with this mode (none if 0). */
        public Item(String name, byte[] data, int unixMode) {
            this(name, data, unixMode, unixMode != 0 ? (3 << 8) | 20 : 20, 0x0800, 0);
        }

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** The entries of a zip, in order, by full name. */
    public static Map<String, Item> read(Path zip) throws IOException {
        Map<String, Item> items = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    items.put(entry.getName(), new Item(entry.getName(), in.readAllBytes()));
                }
            }
        }
        return items;
    }

    /** The bag folder's name (the zip's one top-level folder). */
    public static String root(Map<String, Item> items) {
        String first = items.keySet().iterator().next();
        return first.substring(0, first.indexOf('/'));
    }

    /** Writes entries as a stored (uncompressed) zip, exactly as given. */
    public static void write(Path zip, List<Item> items) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Item item : items) {
            byte[] name = item.name().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(item.data());
            byte[] stored = item.method() == 8 ? deflated(item.data()) : item.data();
            int offset = out.size();
            le32(out, 0x04034b50);
            le16(out, 20);
            le16(out, item.flags());
            le16(out, item.method());
            le32(out, 0);
            le32(out, (int) crc.getValue());
            le32(out, stored.length);
            le32(out, item.data().length);
            le16(out, name.length);
            le16(out, 0);
            out.write(name);
            out.write(stored);
            le32(central, 0x02014b50);
            le16(central, item.madeBy());
            le16(central, 20);
            le16(central, item.flags());
            le16(central, item.method());
            le32(central, 0);
            le32(central, (int) crc.getValue());
            le32(central, stored.length);
            le32(central, item.data().length);
            le16(central, name.length);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le32(central, item.unixMode() << 16);
            le32(central, offset);
            central.write(name);
        }
        int centralOffset = out.size();
        central.writeTo(out);
        le32(out, 0x06054b50);
        le16(out, 0);
        le16(out, 0);
        le16(out, items.size());
        le16(out, items.size());
        le32(out, central.size());
        le32(out, centralOffset);
        le16(out, 0);
        Files.write(zip, out.toByteArray());
    }

    private static byte[] deflated(byte[] data) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    public static void write(Path zip, Map<String, Item> items) throws IOException {
        write(zip, new ArrayList<>(items.values()));
    }

    /**
     * Rebuilds a bag's manifests, its closing {@code submitted} entry, bag-info and tag manifest
     * around changed payload, and signs it all with {@code key}: what a documenter (or anyone
     * holding a trusted key) could do to smuggle something in.
     */
    public static void reseal(Map<String, Item> items, SigningKey key) {
        String root = root(items) + "/";
        String oxum = rebuildManifests(items, root);
        String sha256 = items.get(root + "manifest-sha256.txt").text();
        List<String> log = new ArrayList<>(items.get(root + "custody/log.jsonl").text().lines().toList());
        Entry last = Entry.parseLine(log.get(log.size() - 1)).entry();
        Entry submitted = new Entry(last.seq(), last.time(), key.fingerprint(), last.action(), last.subject(),
                Digests.sha256(sha256.getBytes(StandardCharsets.UTF_8)), last.prevSha256(), last.nonce());
        log.set(log.size() - 1, submitted.line(DetachedSignature.sign(key, submitted.canonical(), submitted.time())));
        put(items, root + "custody/log.jsonl", String.join("\n", log) + "\n");
        String info = items.get(root + "bag-info.txt").text()
                .replaceAll("Payload-Oxum: .*", "Payload-Oxum: " + oxum)
                .replaceAll("Gawah-Log-Head: .*", "Gawah-Log-Head: " + submitted.seq() + " " + submitted.sha256())
                .replaceAll("Internal-Sender-Identifier: .*", "Internal-Sender-Identifier: " + key.fingerprint());
        put(items, root + "bag-info.txt", info);
        StringBuilder tags = new StringBuilder();
        for (String tag : List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt",
                "metadata/records.jsonl", "custody/log.jsonl", "keys/documenter.asc")) {
            tags.append(hex("SHA-512", items.get(root + tag).data())).append("  ").append(tag).append('\n');
        }
        for (String name : new java.util.TreeSet<>(items.keySet())) { // time-stamp tokens, when the log has any
            if (name.startsWith(root + "custody/timestamps/")) {
                tags.append(hex("SHA-512", items.get(name).data())).append("  ").append(name.substring(root.length())).append('\n');
            }
        }
        byte[] tagManifest = tags.toString().getBytes(StandardCharsets.UTF_8);
        put(items, root + "tagmanifest-sha512.txt", tags.toString());
        put(items, root + "signature/tagmanifest-sha512.txt.asc", Armor.armor(DetachedSignature.sign(key, tagManifest, Instant.now())));
    }

    /** Writes both payload manifests over the files under data/; returns the Payload-Oxum. */
    private static String rebuildManifests(Map<String, Item> items, String root) {
        StringBuilder sha256 = new StringBuilder();
        StringBuilder sha512 = new StringBuilder();
        long bytes = 0;
        int count = 0;
        for (Item item : new java.util.TreeMap<>(items).values()) {
            if (item.name().startsWith(root + "data/")) {
                String path = item.name().substring(root.length());
                sha256.append(hex("SHA-256", item.data())).append("  ").append(path).append('\n');
                sha512.append(hex("SHA-512", item.data())).append("  ").append(path).append('\n');
                bytes += item.data().length;
                count++;
            }
        }
        put(items, root + "manifest-sha256.txt", sha256.toString());
        put(items, root + "manifest-sha512.txt", sha512.toString());
        return bytes + "." + count;
    }

    /**
     * Rebuilds an evidence package around changed files and signs it all again with the
     * custodian's {@code key}: manifests, Payload-Oxum, the final export entry, the tag manifest.
     * What a custodian gone bad could do; the documenters' signatures it cannot make.
     */
    public static void resealPackage(Map<String, Item> items, SigningKey key) {
        String root = root(items) + "/";
        String oxum = rebuildManifests(items, root);
        String sha256 = items.get(root + "manifest-sha256.txt").text();
        String folder = root + "custody/" + key.fingerprint() + "/";
        String lastName = new java.util.TreeSet<>(items.keySet()).stream()
                .filter(n -> n.startsWith(folder) && n.endsWith(".json")).reduce((a, b) -> b).orElseThrow();
        Entry last = Entry.parse(items.get(lastName).data());
        Entry export = new Entry(last.seq(), last.time(), last.actor(), last.action(), last.subject(),
                Digests.sha256(sha256.getBytes(StandardCharsets.UTF_8)), last.prevSha256(), last.nonce());
        items.put(lastName, new Item(lastName, export.canonical()));
        items.put(lastName + ".sig", new Item(lastName + ".sig", DetachedSignature.sign(key, export.canonical(), export.time())));
        Item chain = items.get(folder + "chain-sha256.txt");
        if (chain != null) { // the custodian's digest list ends at the export entry: its last line follows it
            String lines = chain.text();
            int lastLine = lines.lastIndexOf('\n', lines.length() - 2) + 1;
            put(items, folder + "chain-sha256.txt", lines.substring(0, lastLine) + export.sha256() + lines.substring(lastLine + 64));
        }
        put(items, root + "bag-info.txt", items.get(root + "bag-info.txt").text()
                .replaceAll("Payload-Oxum: .*", "Payload-Oxum: " + oxum)
                .replaceAll("Gawah-Export-Entry: .*", "Gawah-Export-Entry: " + export.seq() + " " + export.sha256()));
        StringBuilder tags = new StringBuilder();
        for (String name : new java.util.TreeSet<>(items.keySet())) {
            String path = name.substring(root.length());
            if (!path.startsWith("data/") && !path.startsWith("signature/") && !path.equals("tagmanifest-sha512.txt")) {
                tags.append(hex("SHA-512", items.get(name).data())).append("  ").append(path).append('\n');
            }
        }
        put(items, root + "tagmanifest-sha512.txt", tags.toString());
        put(items, root + "signature/tagmanifest-sha512.txt.asc", Armor.armor(DetachedSignature.sign(key,
                tags.toString().getBytes(StandardCharsets.UTF_8), Instant.now())));
    }

    /**
     * Rewrites every entry of a bag's custody log with {@code subjects} renamed (old id to new id),
     * chained and signed again with {@code key}: a documenter forging their own history.
     */
    public static void rewriteLog(Map<String, Item> items, SigningKey key, Map<String, String> subjects) {
        String name = root(items) + "/custody/log.jsonl";
        StringBuilder log = new StringBuilder();
        String previous = Entry.GENESIS;
        for (String line : items.get(name).text().lines().toList()) {
            Entry old = Entry.parseLine(line).entry();
            Entry entry = new Entry(old.seq(), old.time(), key.fingerprint(), old.action(),
                    subjects.getOrDefault(old.subject(), old.subject()), old.subjectSha256(), previous, old.nonce());
            log.append(entry.line(DetachedSignature.sign(key, entry.canonical(), entry.time()))).append('\n');
            previous = entry.sha256();
        }
        put(items, name, log.toString());
    }

    public static void put(Map<String, Item> items, String name, String text) {
        items.put(name, new Item(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void le16(OutputStream out, int v) throws IOException {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private static void le32(OutputStream out, int v) throws IOException {
        le16(out, v & 0xffff);
        le16(out, (v >>> 16) & 0xffff);
    }
}
