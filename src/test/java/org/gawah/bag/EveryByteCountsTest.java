package org.gawah.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.ZipMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real submission bag, changed one byte at a time: every byte of the file in turn, XOR 0x01.
 * Each changed copy must be refused, with a message that names the entry the byte belongs to or
 * the zip's own structure. No byte of a bag goes unchecked: not a timestamp, an attribute, a
 * "version made by", a data descriptor, a byte of compressed data.
 *
 * <p>One kind of change cannot be seen, and is told apart here rather than refused: deflate can
 * say the same thing in more than one way (a match copied from another place that holds the same
 * bytes), so a changed bit in compressed data may inflate to exactly the original content. The
 * content then is the signed content; {@link #sameContent} checks that, independently of the reader.
 */
class EveryByteCountsTest {
    private static final Set<Failure> REFUSALS = Set.of(Failure.BAD_DATA, Failure.BAD_SIGNATURE);

    @TempDir
    static Path base;
    static Homes homes;
    static Path bag;
    static byte[] good;
    static ZipMap map;
    static List<Certificate> trusted;

    @BeforeAll
    static void aRealBag() throws IOException {
        homes = Homes.copied(base);
        homes.record();
        bag = base.resolve("submission.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        good = Files.readAllBytes(bag);
        map = new ZipMap(good);
        trusted = new Keyring(homes.legal.resolve("keys")).pinned(Role.DOCUMENTER);
    }

    @Test
    void theUnchangedBagIsReadFromMemoryAndFromItsFile() {
        try (BagReader reader = BagReader.open(new MemoryChannel(good), "submission.zip")) {
            assertEquals(1, Submission.read(reader, trusted, BagReader.ProgressListener.NONE).records().size());
        }
        try (BagReader reader = BagReader.open(bag)) {
            assertEquals(1, Submission.read(reader, trusted, BagReader.ProgressListener.NONE).records().size());
        }
    }

    @Test
    void everyChangedByteIsRefusedWithAMessageNamingWhereItIs() throws Exception {
        long start = System.nanoTime();
        // Every byte is still read and judged, in order of the file: only the work is shared out
        // over the machine's cores (each read is mostly Ed25519 verifying, on one core).
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Judged>> slices = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                int from = (int) ((long) good.length * w / workers);
                int to = (int) ((long) good.length * (w + 1) / workers);
                slices.add(pool.submit(() -> judge(from, to)));
            }
            Judged all = new Judged();
            for (Future<Judged> slice : slices) {
                all.add(slice.get());
            }
            System.out.println("EveryByteCountsTest: " + good.length + " bytes, each changed in turn, in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms on " + workers + " threads: " + all.failures
                    + "; accepted with the same content: " + all.sameContent);
            assertEquals(good.length, all.judged, "every byte judged once");
            assertEquals(List.of(), all.undetected, "changes that no check saw");
            assertEquals(List.of(), all.unnamed, "refusals that do not name the changed entry or the zip");
            assertTrue(all.sameContent.size() <= 3, "deflate's other encodings are rare: " + all.sameContent);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What became of each changed copy, for a run of bytes. */
    private static final class Judged {
        final List<String> undetected = new ArrayList<>();
        final List<String> unnamed = new ArrayList<>();
        final List<String> sameContent = new ArrayList<>();
        final Map<Failure, Integer> failures = new EnumMap<>(Failure.class);
        int judged;

        /** Appends {@code later}, the judgement of the bytes after these. */
        void add(Judged later) {
            undetected.addAll(later.undetected);
            unnamed.addAll(later.unnamed);
            sameContent.addAll(later.sameContent);
            later.failures.forEach((failure, count) -> failures.merge(failure, count, Integer::sum));
            judged += later.judged;
        }
    }

    /** Bytes {@code from} (inclusive) to {@code to}, each changed in turn in a copy of the bag and read. */
    private static Judged judge(int from, int to) {
        // Certificates of this thread's own: no Bouncy Castle object is shared between the threads.
        List<Certificate> trusted = new Keyring(homes.legal.resolve("keys")).pinned(Role.DOCUMENTER);
        Judged judged = new Judged();
        for (int i = from; i < to; i++) {
            byte[] changed = good.clone();
            changed[i] ^= 0x01;
            ZipMap.Part part = map.at(i);
            try (BagReader reader = BagReader.open(new MemoryChannel(changed), "changed.zip")) {
                Submission.read(reader, trusted, BagReader.ProgressListener.NONE);
                (map.inflatesTheSame(good, changed, i) ? judged.sameContent : judged.undetected).add("byte " + i + ", " + part);
            } catch (GawahException e) {
                judged.failures.merge(e.failure(), 1, Integer::sum);
                if (!REFUSALS.contains(e.failure()) || !names(e.getMessage(), part)) {
                    judged.unnamed.add("byte " + i + ", " + part + ": " + e.failure() + " " + e.getMessage());
                }
            }
            judged.judged++;
        }
        return judged;
    }

    @Test
    void gawahVerifyRefusesAChangedByteInEveryPartOfTheZip() throws IOException {
        // Through the command and the file, once for each field of each part of the zip.
        Map<String, Integer> firstByteOfEachField = new LinkedHashMap<>();
        for (int i = 0; i < good.length; i++) {
            firstByteOfEachField.putIfAbsent(map.at(i).part() + " " + map.at(i).field(), i);
        }
        Path changedBag = base.resolve("changed.zip");
        for (Map.Entry<String, Integer> field : firstByteOfEachField.entrySet()) {
            byte[] changed = good.clone();
            changed[field.getValue()] ^= 0x01;
            Files.write(changedBag, changed);
            Result result = homes.gawah.in(homes.legal, "verify", changedBag.toString());
            assertEquals(Failure.BAD_DATA.exitCode(), result.code(), field.getKey() + ": " + result.stderr());
            assertTrue(result.stderr().startsWith("gawah: error: bag: "), field.getKey() + ": " + result.stderr());
        }
        assertTrue(firstByteOfEachField.size() > 40, firstByteOfEachField.keySet().toString());
    }

    /** The entry's path in the bag, or else the zip's structure (its name, its lengths, the end record). */
    private static boolean names(String message, ZipMap.Part part) {
        if (part.entry() != null && message.contains(part.entry().substring(part.entry().indexOf('/') + 1))) {
            return true;
        }
        return message.contains("the zip") || message.contains("zip's") || message.contains("a zip ");
    }
}
