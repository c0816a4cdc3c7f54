package org.gawah.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Homes;

/** Turns the corpus's cases into commands: which home each runs in, with which arguments. */
final class Planner {
    /** One command of the plan: what it runs, and what must come out. */
    record Run(String id, Corpus.Case spec, Path home, List<String> args) {
        String planLine() {
            return id + "\t" + home + "\t" + String.join("\t", args);
        }
    }

    final Path base;
    final Path corpus = corpus();
    final HostileHomes homes;
    /** For the records opened after an import: what `gawah list` showed before. */
    final Map<String, String> listings = new LinkedHashMap<>();

    Planner(Path base) {
        this.base = base;
        this.homes = new HostileHomes(base.resolve("homes"));
    }

    static Path corpus() {
        try {
            return Path.of(HostileInputsTest.class.getResource("/" + Corpus.DIR + "/cases.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Corpus.Case> cases() {
        try {
            List<Corpus.Case> cases = new ArrayList<>();
            for (String line : Files.readAllLines(corpus().resolve("cases.tsv"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                cases.add(new Corpus.Case(f[0], f[1], f[2], f[3], f[4].equals("-") ? "" : f[4], f[5]));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Too big to keep in the tree: made here, fed like the others. */
    static List<Corpus.Case> madeNow(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Corpus.Case> made = new ArrayList<>();
        String sample = new String(Homes.sampleInput(), java.nio.charset.StandardCharsets.UTF_8);
        String account = "a".repeat(8 * 1024 * 1024 + 1);
        Files.writeString(dir.resolve("testimony-account-8mib-plus-1.json"), sample.replaceFirst("\"text\": \"[^\"]*\"",
                "\"text\": \"" + account + "\""));
        made.add(new Corpus.Case(dir.resolve("testimony-account-8mib-plus-1.json").toString(), "record", 65, "account.text", "",
                "the sample with an account of 8 MiB + 1 byte"));
        Files.writeString(dir.resolve("testimony-input-over-16mib.json"), sample.replaceFirst("\"text\": \"[^\"]*\"",
                "\"text\": \"" + "b".repeat(17 * 1024 * 1024) + "\""));
        made.add(new Corpus.Case(dir.resolve("testimony-input-over-16mib.json").toString(), "record", 65, "16 MiB", "",
                "an input of 17 MiB"));
        Files.write(dir.resolve("key-1mib-plus-1.asc"), new byte[(1 << 20) + 1]);
        made.add(new Corpus.Case(dir.resolve("key-1mib-plus-1.asc").toString(), "import-key-legal", 41, "", "",
                "a certificate file of 1 MiB + 1 byte"));
        Path big = dir.resolve("sparse-300mib.pgp");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(300L << 20); // sparse: no disk used, and read whole it would not fit in the heap
        }
        made.addAll(bombs(dir));
        String how = "a file of 300 MiB (sparse, zeros): refused by its size, unread";
        made.add(new Corpus.Case(big.toString(), "open", 41, "larger than 96 MiB", "", how));
        made.add(new Corpus.Case(big.toString(), "import-key-legal", 41, "larger than 1 MiB", "", how));
        made.add(new Corpus.Case(big.toString(), "record", 65, "larger than 16 MiB", "", how));
        return made;
    }

    /** ZLIB holds 1 GiB of zeros in 1 MiB: over what the tree keeps, so made for each run, to the corpus keys. */
    private static List<Corpus.Case> bombs(Path dir) {
        List<Corpus.Case> made = new ArrayList<>();
        try {
            CorpusKeys keys = CorpusKeys.load();
            org.bouncycastle.openpgp.PGPPublicKey legal = CorpusKeys.encryptionKey(keys.legal);
            Path literal = Files.write(dir.resolve("message-bomb-zlib-1gib.pgp"),
                    Corpus.encrypt(legal, Corpus.bomb(keys.documenter, 2, 1L << 30), true));
            String how = "one-pass signature, then a ZLIB compressed packet holding a literal packet of 1 GiB of zeros "
                    + "(1 MiB compressed), encrypted to the corpus legal key";
            made.add(new Corpus.Case(literal.toString(), "open", 41, "64 MiB", "", how));
            made.add(new Corpus.Case(literal.toString(), "verify-sealed", 41, "compression bomb", "", how));
            Path padding = Files.write(dir.resolve("message-padding-bomb-1gib.pgp"),
                    Corpus.encrypt(legal, Corpus.paddingBomb(1L << 30), true));
            how = "a ZLIB compressed packet holding a padding packet (RFC 9580, type 21) of 1 GiB of zeros in "
                    + "partial-length chunks (1 MiB compressed), encrypted to the corpus legal key: Bouncy Castle reads "
                    + "a padding packet whole into memory";
            made.add(new Corpus.Case(padding.toString(), "open", 41, "packet of more than 1 MiB", "", how));
            made.add(new Corpus.Case(padding.toString(), "verify-sealed", 41, "packet of more than 1 MiB", "", how));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the ZLIB bombs in " + dir, e);
        }
        return made;
    }

    /** The home and arguments for one case; null when the case is checked elsewhere. */
    Run plan(String id, Corpus.Case c) throws IOException {
        String file = c.file().startsWith("/") ? c.file() : corpus.resolve(c.file()).toString();
        switch (c.command()) {
            case "valid": return control(id, c, file);
            case "open": return new Run(id, c, homes.legal, List.of("open", "--sealed", file));
            case "verify-sealed": return new Run(id, c, homes.receiver, List.of("verify", file));
            case "import-key-legal":
                return new Run(id, c, scratchIfAccepted(id, c, homes.documenter), List.of("keys", "import", "--role", "legal", file));
            case "import-key-documenter":
                return new Run(id, c, scratchIfAccepted(id, c, homes.legal), List.of("keys", "import", "--role", "documenter", file));
            case "verify-bag": return new Run(id, c, homes.legal, List.of("verify", file));
            case "import-bag": return new Run(id, c, homes.legal, List.of("import", file));
            case "verify-package": return new Run(id, c, homes.receiver, List.of("verify", file));
            case "record": return new Run(id, c, homes.documenter, List.of("record", "--from", file));
            case "own-key": return ownKey(id, c, file);
            case "import-and-open-attachments": return importThenOpen(id, c, file);
            default: throw new IllegalArgumentException(c.command());
        }
    }

    /** A key that is rightly accepted is pinned: into a copy of the home, so the next cases meet the home as it was. */
    Path scratchIfAccepted(String id, Corpus.Case c, Path home) {
        if (!c.accepted()) {
            return home;
        }
        Path copy = base.resolve("scratch-" + id);
        Homes.copy(home, copy);
        return copy;
    }

    /** The valid inputs: each must pass, so that the homes are known to be fit for the hostile ones. */
    Run control(String id, Corpus.Case c, String file) {
        if (file.endsWith("message.pgp")) {
            return new Run(id, c, homes.legal, List.of("open", "--sealed", file));
        }
        if (file.endsWith("bag.zip")) {
            return new Run(id, c, homes.legal, List.of("verify", file));
        }
        if (file.endsWith("package.zip")) {
            return new Run(id, c, homes.receiver, List.of("verify", file));
        }
        return null; // certificate: pinned by the homes themselves; testimony: recorded in recordAndOpen
    }

    /** A copy of the legal home whose own key is the file; it must open the message sealed to that key. */
    Run ownKey(String id, Corpus.Case c, String file) throws IOException {
        Path home = base.resolve("own-" + id);
        Homes.copy(homes.legal, home);
        try (var secrets = Files.list(home.resolve("keys/secret"))) {
            for (Path secret : secrets.toList()) {
                Files.delete(secret);
            }
        }
        // Written as it is, named by its fingerprint, as `keys generate` would have: gawah meets it when it loads the home.
        byte[] armored = Files.readAllBytes(Path.of(file));
        String fingerprint = java.util.HexFormat.of().withUpperCase()
                .formatHex(CorpusKeys.ring(armored).getPublicKey().getFingerprint());
        Files.write(home.resolve("keys/secret/" + fingerprint + ".asc"), armored);
        return new Run(id, c, home, List.of("open", "--sealed", file.replace(".asc", ".message.pgp")));
    }

    /** A copy of the legal home into which the (sound) bag is imported; then its record is opened with attachments. */
    Run importThenOpen(String id, Corpus.Case c, String file) throws IOException {
        Path home = base.resolve("import-" + id);
        Homes.copy(homes.legal, home);
        homes.gawah.in(home, "import", file).ok();
        Map<String, Bags.Item> bag = Bags.read(Path.of(file));
        String records = bag.get(Bags.root(bag) + "/metadata/records.jsonl").text();
        String recordId = records.substring(records.indexOf("GWH-"), records.indexOf("GWH-") + 23);
        Path out = base.resolve("attachments-" + id);
        Files.createDirectories(out);
        listings.put(id, homes.gawah.in(home, "list").ok().out());
        return new Run(id, c, home, List.of("open", recordId, "--attachments", out.toString()));
    }

}
