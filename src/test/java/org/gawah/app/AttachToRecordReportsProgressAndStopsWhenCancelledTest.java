package org.gawah.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operation both {@code gawah attach} and the window's attachments page call, without either
 * face: its progress callback hears every file begin and end and the bytes sealed, up to the
 * total; a cancel half-way stops it with nothing stored (no record, no attachment, no custody
 * entry); and what it seals {@code gawah verify --vault} and {@code gawah list} take as their own.
 */
class AttachToRecordReportsProgressAndStopsWhenCancelledTest {
    @TempDir
    static Path base;
    static Homes homes;
    static String record;

    @BeforeAll
    static void homes() {
        homes = Homes.copied(base.resolve("gawah"));
        record = homes.record();
    }

    @Test
    void progressCountsEveryByteOfEveryFileAndTheSealIsWhatGawahOpens() throws Exception {
        Path first = file("first.bin", 3 * 1024 * 1024 + 5);
        Path second = file("second.bin", 70_000);
        List<String> heard = new ArrayList<>();
        long[] last = {0, 0};
        SealProgress progress = new SealProgress() {
            @Override
            public void file(Path file, long size) {
                heard.add("begin " + file.getFileName() + " " + size);
            }

            @Override
            public void bytes(long done, long total) {
                assertTrue(done > last[0], "bytes only grow");
                last[0] = done;
                last[1] = total;
            }

            @Override
            public void fileDone(Path file) {
                heard.add("done " + file.getFileName());
            }
        };
        AttachToRecord.Attached attached = attach(List.of(first, second), progress);

        assertEquals(List.of("begin first.bin " + Files.size(first), "done first.bin",
                "begin second.bin " + Files.size(second), "done second.bin"), heard);
        assertEquals(Files.size(first) + Files.size(second), last[0], "every byte was counted");
        assertEquals(last[0], last[1], "of the total of both files");
        assertEquals(record, attached.addsTo());
        assertEquals(sha256(first), attached.files().get(0).sha256());
        assertEquals(sha256(second), attached.files().get(1).sha256());
        assertTrue(attached.readers().stream().anyMatch(r -> r.fingerprint().equals(homes.legalFingerprint)));

        // The command line checks it as it checks its own: the signed log vouches for the record and both files.
        homes.gawah.in(homes.documenter, "verify", "--vault").ok();
        String listed = homes.gawah.in(homes.documenter, "list").ok().out();
        assertTrue(listed.lines().anyMatch(line -> line.startsWith(attached.recordId()) && line.contains("2 (")), listed);
    }

    @Test
    void aCancelHalfWayThroughStoresNothing() throws Exception {
        Path large = file("large.bin", 4 * 1024 * 1024);
        List<String> before = recordIds();
        int entriesBefore = entries();
        boolean[] cancelled = {false};
        SealProgress cancelling = new SealProgress() {
            @Override
            public void bytes(long done, long total) {
                cancelled[0] |= done * 2 >= total;
            }

            @Override
            public boolean cancelled() {
                return cancelled[0];
            }
        };
        assertThrows(CancellationException.class, () -> attach(List.of(large), cancelling));
        assertTrue(cancelled[0]);
        assertEquals(before, recordIds(), "no record");
        assertEquals(entriesBefore, entries(), "no custody entry");
        homes.gawah.in(homes.documenter, "verify", "--vault").ok();
        assertArrayEquals(bytes(large), Files.readAllBytes(large), "the file is as it was");
    }

    private static AttachToRecord.Attached attach(List<Path> files, SealProgress progress) {
        Home home = new Home(homes.documenter, message -> { });
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SigningKey signer = own.unlockForSigning(Homes.PASSPHRASE.toCharArray(), now);
        AttachmentList list = new AttachmentList();
        files.forEach(file -> list.add(file, "original"));
        try (Vault vault = home.vault()) {
            AttachToRecord.Target target = AttachToRecord.target(home, vault, keyring, own, record);
            List<AttachmentSeal.Planned> planned = AttachmentSeal.plan(list, target.attachmentIds(), record, warning -> { });
            return AttachToRecord.seal(vault, target, planned, signer, now, progress, warning -> { });
        }
    }

    private static List<String> recordIds() {
        try (Vault vault = Vault.open(homes.documenter.resolve("vault.db"))) {
            return vault.recordIds();
        }
    }

    private static int entries() {
        int[] count = {0};
        try (Vault vault = Vault.open(homes.documenter.resolve("vault.db"))) {
            vault.forEachCustody(row -> count[0]++);
        }
        return count[0];
    }

    private static Path file(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(base.resolve(name), bytes);
    }

    private static byte[] bytes(Path file) throws Exception {
        byte[] bytes = new byte[(int) Files.size(file)];
        new Random(bytes.length).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
