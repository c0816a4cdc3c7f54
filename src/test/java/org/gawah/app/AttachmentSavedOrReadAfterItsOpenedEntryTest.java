package org.gawah.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legal team's records opened in memory ({@link LegalRecords}), then one attachment of a
 * record saved into a folder or read into memory ({@link RecordAttachments}), on a bag made by
 * real gawah commands: saved through {@code open --attachments}' own path (the file is the one
 * its signed testimony lists), read whole, each logged {@code opened} once; a file of its name
 * already in the folder is refused with OUTPUT_EXISTS, left as it was, and nothing logged.
 */
class AttachmentSavedOrReadAfterItsOpenedEntryTest {
    private static final byte[] NOTE = "Field note: the road was closed at the bridge.\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path base;
    static Homes homes;
    static OpenedRecord record;
    static SecretKey own;
    static SigningKey signer;

    @BeforeAll
    static void aRecordWithAnAttachmentOpened() throws Exception {
        homes = Homes.copied(base.resolve("gawah"));
        Path note = base.resolve("notes.txt");
        Files.write(note, NOTE);
        String id = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-", "--attach", note.toString())
                .ok().out().strip();
        Path bag = base.resolve("bag.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        own = new Home(homes.legal, w -> { }).keyring().requireOwnKey();
        signer = own.unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        List<OpenedRecord> opened = LegalRecords.openAll(homes.legal, own, signer, (done, of) -> { });
        assertEquals(1, opened.size());
        record = opened.get(0);
        assertEquals(id, record.id());
    }

    @Test
    void savedIntoTheFolderAsItsTestimonyListsItAndLoggedOpened() throws Exception {
        Path folder = Files.createDirectories(base.resolve("saved"));
        String attachment = record.testimony().at("/attachments/0/id").asText();
        long before = opened(attachment);
        AttachmentOpening.Written written = RecordAttachments.save(homes.legal, own, signer, record, 0, folder,
                new AttachmentOpening.Told() { });
        assertEquals(folder.resolve("notes.txt"), written.file());
        assertFalse(written.renamed());
        assertArrayEquals(NOTE, Files.readAllBytes(written.file()));
        assertEquals(record.testimony().at("/attachments/0/sha256").asText(), Digests.sha256(Files.readAllBytes(written.file())));
        assertEquals(List.of(written.file()), List.of(Files.list(folder).toArray(Path[]::new)), "no partial file beside it");
        assertEquals(before + 1, opened(attachment));
    }

    @Test
    void readIntoMemoryAndLoggedOpened() {
        String attachment = record.testimony().at("/attachments/0/id").asText();
        long before = opened(attachment);
        assertArrayEquals(NOTE, RecordAttachments.read(homes.legal, own, signer, record, 0));
        assertEquals(before + 1, opened(attachment));
    }

    @Test
    void aFileOfItsNameInTheFolderIsRefusedLeftAsItWasAndNothingLogged() throws Exception {
        Path folder = Files.createDirectories(base.resolve("taken"));
        Path there = Files.writeString(folder.resolve("notes.txt"), "someone else's file");
        String attachment = record.testimony().at("/attachments/0/id").asText();
        long before = opened(attachment);
        GawahException refused = assertThrows(GawahException.class, () -> RecordAttachments.save(homes.legal, own, signer, record,
                0, folder, new AttachmentOpening.Told() { }));
        assertEquals(Failure.OUTPUT_EXISTS, refused.failure());
        assertTrue(refused.message().render().contains("notes.txt"), refused.message().render());
        assertEquals("someone else's file", Files.readString(there));
        assertEquals(List.of(there), List.of(Files.list(folder).toArray(Path[]::new)));
        assertEquals(before, opened(attachment), "nothing logged");
    }

    @Test
    void aFolderThatIsNotThereIsRefused() {
        GawahException refused = assertThrows(GawahException.class, () -> RecordAttachments.save(homes.legal, own, signer, record,
                0, base.resolve("no-such-folder"), new AttachmentOpening.Told() { }));
        assertEquals(Failure.MISSING_INPUT, refused.failure());
    }

    /** How many opened entries the legal home's signed log holds about {@code subject}. */
    private static long opened(String subject) {
        long[] count = {0};
        try (Vault vault = Vault.open(homes.legal.resolve("vault.db"))) {
            vault.forEachCustody(row -> {
                Entry entry = Entry.parse(row.entry());
                if (entry.action() == Action.OPENED && entry.subject().equals(subject)) {
                    count[0]++;
                }
            });
        }
        return count[0];
    }
}
