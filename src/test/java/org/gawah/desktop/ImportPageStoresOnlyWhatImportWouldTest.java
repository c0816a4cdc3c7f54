package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.app.SubmissionReport;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import page's model, without a window, on bags made by real gawah commands: what the page
 * lets through is what {@code gawah import} lets through. A bag from a documenter not pinned here
 * is reported whole but cannot be imported; a wrong passphrase stores nothing and asks again; a
 * bag already imported is said to be; lock forgets the bag, and Import after it does nothing.
 */
class ImportPageStoresOnlyWhatImportWouldTest {
    @TempDir
    static Path base;
    static Homes homes;
    static Path otherDocumenter;

    /** The team's homes, and a documenter whose key the legal team never pinned. */
    @BeforeAll
    static void homes() {
        homes = new Homes(base.resolve("gawah"));
        otherDocumenter = base.resolve("other");
        homes.gawah.in(otherDocumenter, "init").ok();
        homes.gawah.in(otherDocumenter, "keys", "generate", "--name", "Documenter X-9").ok();
        Path team = base.resolve("legal.asc");
        homes.gawah.in(homes.legal, "keys", "export", "--out", team.toString()).ok();
        homes.gawah.in(otherDocumenter, "keys", "import", "--role", "legal", team.toString()).ok();
        homes.gawah.in(otherDocumenter, "keys", "import", "--role", "protection", team.toString()).ok();
    }

    @Test
    void aBagFromADocumenterNotPinnedHereIsReportedButNotImported() throws Exception {
        homes.gawah.inWithInput(otherDocumenter, Homes.sampleInput(), "record", "--from", "-").ok();
        Path bag = submit(otherDocumenter, "other.zip");
        byte[] before = vault();
        ImportModel model = new ImportModel(homes.legal);
        model.check(bag);
        assertEquals(ImportModel.Page.REPORT, model.page(), "reported, as verify reports it");
        SubmissionReport report = model.report();
        assertEquals(SubmissionReport.Signer.NOT_PINNED, report.signer());
        assertFalse(report.importable());
        assertEquals(Failure.UNKNOWN_SIGNER, report.refusal().failure(), "refused as gawah import refuses it");
        assertEquals(1, report.records().size());
        model.importBag(Homes.PASSPHRASE.toCharArray());
        assertEquals(ImportModel.Page.REPORT, model.page());
        assertEquals(Failure.UNKNOWN_SIGNER, model.problem().failure());
        assertArrayEquals(before, vault(), "nothing stored");
    }

    @Test
    void aWrongPassphraseStoresNothingAndTheRightOneImports() throws Exception {
        String id = homes.record();
        Path bag = submit(homes.documenter, "new.zip");
        byte[] before = vault();
        ImportModel model = new ImportModel(homes.legal);
        model.check(bag);
        assertTrue(model.report().importable(), "a pinned documenter's bag, new here");
        char[] wrong = "not the passphrase".toCharArray();
        model.importBag(wrong);
        assertEquals(ImportModel.Page.REPORT, model.page(), "back to the report");
        assertEquals(Failure.BAD_PASSPHRASE, model.problem().failure());
        assertArrayEquals(new char[wrong.length], wrong, "the passphrase typed is wiped");
        assertArrayEquals(before, vault(), "nothing stored");
        model.importBag(Homes.PASSPHRASE.toCharArray());
        assertEquals(ImportModel.Page.IMPORTED, model.page());
        assertTrue(model.outcome().added() >= 1, "stored: " + model.outcome());
        assertTrue(homes.gawah.in(homes.legal, "list").ok().out().contains(id), "listed as gawah import would leave it");
    }

    @Test
    void aBagAlreadyImportedIsSaidToBeAndNotImportedAgain() throws Exception {
        homes.record();
        Path bag = submit(homes.documenter, "imported.zip");
        homes.gawah.in(homes.legal, "import", bag.toString()).ok();
        byte[] before = vault();
        ImportModel model = new ImportModel(homes.legal);
        model.check(bag);
        assertEquals(ImportModel.Page.REPORT, model.page());
        assertTrue(model.report().importedBefore().isPresent(), "already imported");
        assertFalse(model.report().importable());
        assertArrayEquals(before, vault());
    }

    @Test
    void lockForgetsTheBagAndImportAfterItDoesNothing() throws Exception {
        homes.record();
        Path bag = submit(homes.documenter, "locked.zip");
        byte[] before = vault();
        ImportModel model = new ImportModel(homes.legal);
        model.check(bag);
        assertTrue(model.report().importable());
        model.wipe();
        assertNull(model.report(), "the report is forgotten");
        char[] typed = Homes.PASSPHRASE.toCharArray();
        model.importBag(typed);
        assertArrayEquals(new char[typed.length], typed, "the passphrase typed is wiped all the same");
        assertArrayEquals(before, vault(), "nothing stored after lock");
    }

    @Test
    void aFolderIsRefusedByThePageAsByTheCommand(@TempDir Path folder) throws Exception {
        byte[] before = vault();
        ImportModel model = new ImportModel(homes.legal);
        model.check(folder);
        assertEquals(ImportModel.Page.INVALID, model.page());
        assertEquals(Failure.MISSING_INPUT, model.problem().failure());
        assertEquals("import.folder", model.problem().message().key());
        org.gawah.testsupport.Gawah.Result command = homes.gawah.in(homes.legal, "import", folder.toString());
        assertEquals(Failure.MISSING_INPUT.exitCode(), command.code());
        assertTrue(command.stderr().contains("is a folder, not a submission bag"), command.stderr());
        assertArrayEquals(before, vault(), "nothing stored");
    }

    private static Path submit(Path documenter, String name) {
        Path bag = base.resolve(name);
        homes.gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        return bag;
    }

    private static byte[] vault() throws Exception {
        return Files.readAllBytes(homes.legal.resolve("vault.db"));
    }
}
