package org.gawah.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;

/**
 * A documenter and a legal team on one engine: a small record sent in a first bag, which the legal
 * team imported and opened; a record with a large attachment sent in a second bag, not yet
 * imported; the large file itself, to attach again. What the tests of killed writes start from.
 */
final class TwoBags {
    /** Large enough that a write of it takes seconds, and that a kill lands while its chunks are written. */
    static final int LARGE = 32 << 20;
    /** How far the vault must have grown before a write is cut: several chunks in, not at its end. */
    static final long GROWN = 8L << 20;

    final TestEngine engine;
    final Homes homes;
    final String small;
    final byte[] smallOpened;
    final String large;
    final Path largeFile;
    final Path bag;

    TwoBags(TestEngine engine, Path base) throws IOException {
        this.engine = engine;
        homes = engine.homes(base);
        small = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-", "--self-readable")
                .ok().out().strip();
        Path first = base.resolve("first.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", first.toString()).ok();
        homes.gawah.in(homes.legal, "import", first.toString()).ok();
        smallOpened = homes.gawah.in(homes.legal, "open", small).ok().stdout();
        largeFile = base.resolve("film.bin");
        byte[] data = new byte[LARGE];
        new Random(21).nextBytes(data);
        Files.write(largeFile, data);
        large = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-", "--attach",
                largeFile.toString()).ok().out().strip();
        bag = base.resolve("second.zip");
        homes.gawah.in(homes.documenter, "submit", "--since", "--out", bag.toString()).ok();
    }

    /** A copy of a home (its vault too, whichever engine) to cut a write in. */
    Path copy(Path home, Path to) {
        Homes.copy(home, to);
        return to;
    }

    /** Starts {@code gawah ARGS} on {@code home} as a real process and returns once the vault has grown by {@link #GROWN}. */
    Process startAndWaitUntilWriting(Path home, Path log, String... args) throws Exception {
        long before = VaultTamper.storage(home);
        Process process = GawahProcess.start(engine.childJvmOptions(), home, log, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (process.isAlive() && System.nanoTime() < deadline && VaultTamper.storage(home) - before < GROWN) {
            Thread.sleep(20);
        }
        if (!process.isAlive()) {
            throw new AssertionError("gawah " + String.join(" ", args) + " ended before its write could be cut: "
                    + Files.readString(log.resolveSibling(log.getFileName() + ".err")));
        }
        return process;
    }

    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("a killed gawah did not end");
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The record's attachments opened into a new folder: their SHA-256, in the order written. */
    List<String> openedAttachments(Path home, String record, Path into) throws Exception {
        Files.createDirectories(into);
        homes.gawah.in(home, "open", record, "--out", into.resolve("testimony.json").toString(), "--attachments",
                into.toString()).ok();
        try (var files = Files.list(into)) {
            List<Path> found = files.filter(f -> !f.getFileName().toString().equals("testimony.json")).sorted().toList();
            List<String> digests = new java.util.ArrayList<>();
            for (Path file : found) {
                digests.add(sha256(file));
            }
            return digests;
        }
    }
}
