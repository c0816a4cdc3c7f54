package org.gawah.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submitting as the window calls it ({@link Submit}, which {@code gawah submit} calls too): into a
 * folder, where the bag is named by its id; cancelled while it packs, it leaves nothing in the
 * folder (not even the hidden partial bag), nothing listed in the vault, nothing logged; done, it
 * says what went and who can read it, and the legal team's gawah verifies and imports the bag.
 */
class SubmitIntoAFolderTest {
    @TempDir
    static Path base;
    static Homes homes;
    static String first;
    static String second;

    @BeforeAll
    static void twoRecordsOneWithAPhoto() throws IOException {
        homes = Homes.copied(base.resolve("homes"));
        first = homes.record();
        Path photo = Files.write(base.resolve("photo.jpg"), new byte[3 << 20]);
        second = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--attach", photo.toString()).ok().out().strip();
    }

    @Test
    void cancelledWhilePackingItLeavesNothingAndLogsNothing(@TempDir Path usb) throws IOException {
        long entries = entries(homes.documenter);
        List<Long> told = new ArrayList<>();
        Submit.Progress cancelling = new Submit.Progress() {
            @Override
            public void packing(long done, long total) {
                told.add(done);
            }

            @Override
            public boolean cancelled() {
                return told.size() > 2; // a little of the bag written, then cancel
            }
        };
        assertThrows(CancellationException.class, () -> Submit.submit(home(), Submit.Request.intoFolder(usb, false),
                SubmitIntoAFolderTest::unlock, cancelling));

        assertTrue(told.size() > 2 && told.get(told.size() - 1) > 0, "cancelled while packing: " + told);
        assertEquals(List.of(), everything(usb), "nothing in the folder, not even a hidden partial bag");
        assertEquals(entries, entries(homes.documenter), "nothing logged");
        try (Vault vault = Vault.open(homes.documenter.resolve("vault.db"))) {
            assertEquals(List.of(), vault.outputsInProgress(""), "nothing left listed for the next command");
        }
    }

    @Test
    void doneItSaysWhatWentAndWhoCanReadItAndTheLegalTeamImportsIt(@TempDir Path usb) throws IOException {
        List<long[]> told = new ArrayList<>();
        boolean[] signing = new boolean[1];
        Submit.Submitted went = Submit.submit(home(), Submit.Request.intoFolder(usb, false), SubmitIntoAFolderTest::unlock,
                new Submit.Progress() {
                    @Override
                    public void packing(long done, long total) {
                        told.add(new long[] {done, total});
                    }

                    @Override
                    public void signing() {
                        signing[0] = true;
                    }
                });

        assertEquals(usb.resolve(went.bagId() + ".zip").toAbsolutePath(), went.file());
        assertEquals(List.of(went.file().getFileName().toString()), everything(usb).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of(first, second), went.records());
        assertEquals(1, went.attachments());
        assertEquals(Files.size(went.file()), went.bytes());
        assertEquals(List.of(homes.legalFingerprint), went.readers().stream().map(Sealed.Reader::fingerprint).toList());
        assertEquals("Legal team", went.readers().get(0).userId());
        assertEquals(List.of(homes.legalFingerprint), went.identityReaders().stream().map(Sealed.Reader::fingerprint).toList());
        long[] last = told.get(told.size() - 1);
        assertTrue(last[1] > 3 << 20 && last[0] == last[1], "every byte of the sealed records counted: " + last[0] + " of " + last[1]);
        assertTrue(signing[0], "told when the bag is being signed");

        String report = homes.gawah.in(homes.legal, "verify", went.file().toString()).ok().out();
        assertTrue(report.contains("bag " + went.bagId() + ": VALID"), report);
        Path legal = base.resolve("legal-copy");
        Homes.copy(homes.legal, legal);
        assertEquals(went.bagId(), homes.gawah.in(legal, "import", went.file().toString()).ok().out().strip());
    }

    @Test
    void aFolderThatIsNotThereIsRefusedBeforeTheKeyIsAsked() {
        Path missing = base.resolve("no-such-stick");
        GawahException e = assertThrows(GawahException.class, () -> Submit.submit(home(),
                Submit.Request.intoFolder(missing, false), own -> {
                    throw new AssertionError("the key was asked for");
                }, (done, total) -> { }));
        assertEquals(Failure.MISSING_INPUT, e.failure());
        assertTrue(Files.notExists(missing));
    }

    private static Home home() {
        return new Home(homes.documenter, said -> { });
    }

    private static org.gawah.openpgp.SigningKey unlock(org.gawah.openpgp.SecretKey own) {
        return own.unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
    }

    private static long entries(Path home) {
        long[] count = new long[1];
        long[] submitted = new long[1];
        try (Vault vault = Vault.open(home.resolve("vault.db"))) {
            vault.forEachCustody(row -> {
                count[0]++;
                if (org.gawah.custody.Entry.parse(row.entry()).action() == Action.SUBMITTED) {
                    submitted[0]++;
                }
            });
        }
        return count[0] * 1000 + submitted[0];
    }

    private static List<Path> everything(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
