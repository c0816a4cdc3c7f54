package org.gawah.custody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.gawah.Digests;
import org.gawah.GawahException;
import org.gawah.interop.GnuPG;
import org.gawah.openpgp.Certificate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test vectors of {@code analyst_added} (src/test/resources/org/gawah/custody/analysts,
 * written by {@link AnalystVectors}): each log, read as a third party reads a team vault's log
 * (no key of its own, the two certificates as the vault keeps them), is accepted or refused at
 * the entry and for the reason its {@code expect:} line gives. The admission entry's bytes are
 * canonical, and real GnuPG checks its signature as the format says anyone can.
 */
class AnalystVectorsTest {
    private static final String DIR = "/org/gawah/custody/analysts/";
    private static final List<String> VECTORS = List.of("admitted", "signed-before-admission", "admitted-by-itself",
            "admits-no-key", "other-certificate-logged");

    @TestFactory
    Stream<DynamicTest> eachLogIsAcceptedOrRefusedWhereItsVectorSays() {
        return VECTORS.stream().map(name -> dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) {
        String text = new String(read(name + ".vector"), StandardCharsets.US_ASCII);
        String expect = text.substring("expect: ".length(), text.indexOf('\n'));
        List<Entry.Signed> log = text.substring(text.indexOf("\n\n") + 2).lines().map(Entry::parseLine).toList();
        if (expect.equals("success")) {
            ChainCheck chain = walk(log);
            assertEquals(log.size(), chain.count());
            assertEquals(log.get(log.size() - 1).entry().sha256(), chain.headSha256());
            return;
        }
        GawahException refused = assertThrows(GawahException.class, () -> walk(log), name);
        String entry = expect.substring(0, expect.indexOf(" ("));
        String why = expect.substring(expect.indexOf(" (") + 2, expect.length() - 1);
        String said = refused.message().render();
        assertTrue(said.contains("is " + entry + ": "), said);
        assertTrue(said.contains(why), said);
    }

    /** The log as every signature is checked: no key of this home's own, the vault's certificates by SHA-256. */
    private static ChainCheck walk(List<Entry.Signed> log) {
        Map<String, Certificate> kept = Map.of(Digests.sha256(certificate("first").encoded()), certificate("first"),
                Digests.sha256(certificate("second").encoded()), certificate("second"));
        Map<String, String> ahead = new java.util.HashMap<>();
        log.stream().map(Entry.Signed::entry).filter(e -> e.action() == Action.ANALYST_ADDED)
                .forEach(e -> ahead.put(e.subject(), e.subjectSha256()));
        ChainCheck chain = ChainCheck.vaultLog(org.gawah.Message.of("org.gawah.vault.messages", "audit.vault-log"),
                new Admissions(List.of(), ahead, sha256 -> Optional.ofNullable(kept.get(sha256))), true);
        long row = 1;
        for (Entry.Signed signed : log) {
            chain.add(row++, signed);
        }
        chain.finish();
        return chain;
    }

    @Test
    void theAdmissionEntryIsCanonicalAndGnuPgChecksItsSignature(@TempDir Path dir) throws IOException {
        String text = new String(read("admitted.vector"), StandardCharsets.US_ASCII);
        Entry.Signed admission = text.substring(text.indexOf("\n\n") + 2).lines().map(Entry::parseLine)
                .filter(s -> s.entry().action() == Action.ANALYST_ADDED && s.entry().subject().equals(certificate("second").fingerprint()))
                .findFirst().orElseThrow();
        byte[] bytes = admission.entry().canonical();
        assertArrayEquals(bytes, Entry.parse(bytes).canonical());
        assertTrue(new String(bytes, StandardCharsets.US_ASCII).startsWith("{\"action\":\"analyst_added\",\"actor\":\""
                + certificate("first").fingerprint() + "\""));
        assertEquals(Digests.sha256(certificate("second").encoded()), admission.entry().subjectSha256());
        try (GnuPG gpg = new GnuPG(dir)) {
            gpg.runWithInput(read("first.asc"), "--import").ok();
            Path entry = Files.write(dir.resolve("entry.json"), bytes);
            Path signature = Files.write(dir.resolve("entry.json.sig"), admission.signature());
            GnuPG.Result verified = gpg.run("--verify", signature.toString(), entry.toString()).ok();
            assertEquals(certificate("first").fingerprint(), verified.require("VALIDSIG").get(1));
        }
    }

    private static Certificate certificate(String name) {
        return Certificate.parse(read(name + ".asc"));
    }

    private static byte[] read(String name) {
        try (InputStream in = AnalystVectorsTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
