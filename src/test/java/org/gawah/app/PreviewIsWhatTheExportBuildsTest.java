package org.gawah.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.gawah.custody.OpenedList;
import org.gawah.custody.Entry;
import org.gawah.export.Consent;
import org.gawah.export.Item;
import org.gawah.export.Profile;
import org.gawah.export.Redaction;
import org.gawah.openpgp.Opener;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export's preview (the window's) runs the very pipeline that builds the package, into a bag
 * that goes nowhere: it writes no file, logs one {@code opened} entry listing each sealed source it
 * decrypted (each record, identity envelope and attachment), and what it says goes and stays
 * out is, item for item and reason for reason, the report of the package gawah export then builds.
 */
class PreviewIsWhatTheExportBuildsTest {
    @TempDir
    static Path base;
    static CaseFixture fixture;

    @BeforeAll
    static void aCaseOfThreeRecords() {
        fixture = new CaseFixture(base);
    }

    @Test
    void thePreviewWritesNothingButWhatItOpenedAndSaysWhatTheExportDoes() throws Exception {
        Home home = new Home(fixture.homes.legal, settled -> { });
        Team team = new Team(home.keyring());
        Opener.PassphraseSource passphrase = fingerprint -> Homes.PASSPHRASE.toCharArray();
        List<Entry> before = entries();
        List<String> files = files();
        List<String> told = new ArrayList<>();
        EvidenceExport.Preview preview = EvidenceExport.preview(home, team, passphrase,
                () -> team.own().unlockForSigning(Homes.PASSPHRASE.toCharArray(), java.time.Instant.now()),
                new EvidenceExport.Request(fixture.caseId, Profile.named("icc"), null, false, Reviewed.none(), null),
                new EvidenceExport.Progress() {
                    @Override
                    public void record(String recordId, int done, int of) {
                        told.add(done + "/" + of + " " + recordId);
                    }
                });
        List<Entry> logged = entries().subList(before.size(), entries().size());
        assertEquals(files, files(), "no file but the vault's");
        assertEquals(1, logged.size(), "one opened entry for all it read: " + logged);
        Entry opening = logged.get(0);
        assertTrue(OpenedList.isOpening(opening) && opening.actor().equals(team.own().fingerprint()), opening.toString());
        OpenedList list;
        try (Vault vault = Vault.open(fixture.homes.legal.resolve("vault.db"))) {
            list = OpenedList.parse(vault.openedList(opening.subjectSha256()).orElseThrow());
        }
        assertEquals(OpenedList.EXPORT_PREVIEW_VIEW, list.view());
        // Each item listed is one the signed logs store with that ciphertext: verify --vault checks it.
        fixture.homes.gawah.in(fixture.homes.legal, "verify", "--vault").ok();
        Set<String> subjects = list.items().keySet();
        Set<String> read = new HashSet<>(List.of(fixture.anonymous, fixture.legalTeamOnly, fixture.named,
                fixture.named + "/identity"));
        preview.report().items().stream().filter(item -> item.kind() == Item.Kind.ATTACHMENT).forEach(item -> read.add(item.id()));
        assertTrue(read.stream().anyMatch(id -> id.startsWith("GWA-")), read.toString());
        assertTrue(subjects.containsAll(read), "every record, the identity searched with and each attachment read: " + subjects);
        // A file its witness's consent keeps out is never decrypted: nothing read, nothing logged.
        List<String> refused = preview.report().leftOut().stream()
                .filter(left -> left.item() != null && left.reason().key().equals("consent.audio-video")).map(left -> left.item()).toList();
        assertFalse(refused.isEmpty(), preview.report().leftOut().toString());
        refused.forEach(id -> assertFalse(subjects.contains(id), id));
        assertEquals(List.of("1/3 " + fixture.anonymous, "2/3 " + fixture.legalTeamOnly, "3/3 " + fixture.named), told);

        assertTrue(preview.report().leftOut().stream()
                .anyMatch(left -> left.recordId().equals(fixture.legalTeamOnly) && Consent.isRefusal(left.reason())));
        List<Redaction.Match> named = preview.matches().get(fixture.named);
        assertTrue(named.stream().anyMatch(match -> match.path().equals("account.text") && match.spans().stream()
                .anyMatch(span -> match.text().substring(span.start(), span.end()).contains(CaseFixture.NAME))), named.toString());

        Path zip = fixture.export("icc");
        String built = Files.readString(zip.resolveSibling(zip.getFileName() + ".report.json"), StandardCharsets.UTF_8);
        String previewed = new String(preview.report().json(), StandardCharsets.UTF_8)
                .replace(preview.report().bagId(), built.replaceAll("(?s).*\"package_id\" *: *\"([^\"]+)\".*", "$1"));
        assertEquals(built, previewed, "the preview's report is the package's");
    }

    private static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        try (Vault vault = Vault.open(fixture.homes.legal.resolve("vault.db"))) {
            vault.forEachCustody(row -> entries.add(Entry.parse(row.entry())));
        }
        return entries;
    }

    /** Every file under the test's folder but the vault's own journal, which SQLite makes and removes as it reads. */
    private static List<String> files() throws Exception {
        try (Stream<Path> all = Files.walk(base)) {
            return all.filter(Files::isRegularFile).map(Path::toString).filter(name -> !name.endsWith("-journal")).sorted().toList();
        }
    }
}
