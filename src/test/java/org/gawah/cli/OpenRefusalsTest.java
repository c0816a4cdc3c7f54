package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way opening can fail: its own exit code, one clear message, and no plaintext anywhere. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class OpenRefusalsTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    /** This engine's folder under root. */
    static Path base;
    static Homes homes;
    static String id;
    static Path sealed;

    @BeforeParameterizedClassInvocation
    static void setUp(TestEngine engine) throws java.io.IOException {
        base = java.nio.file.Files.createDirectories(root.resolve(engine.name()));
        homes = engine.homes(base);
        id = homes.record();
        sealed = base.resolve("record.pgp");
        homes.gawah.in(homes.documenter, "export-sealed", id, "--out", sealed.toString()).ok();
    }

    /** A refusal: the expected code, a "gawah: error:" line, nothing on stdout, no testimony text in stderr. */
    private static void assertRefused(Failure expected, Result result) {
        assertEquals(expected.exitCode(), result.code(), result.stderr());
        assertEquals(0, result.stdout().length, "nothing may reach stdout");
        assertTrue(result.stderr().startsWith("gawah: error: "), result.stderr());
        assertFalse(result.stderr().contains("شاهد"), "no testimony text in messages");
        assertFalse(result.stderr().contains("W-0193"), "no pseudonym in messages");
    }

    @Test
    void wrongPassphrase() {
        Result result = new Gawah("not the passphrase").in(homes.legal, "open", "--sealed", sealed.toString());
        assertRefused(Failure.BAD_PASSPHRASE, result);
        assertTrue(result.stderr().contains("wrong passphrase"), result.stderr());
    }

    @Test
    void keyThatIsNotARecipient() {
        // The documenter's own laptop: write-only by default.
        Result result = homes.gawah.in(homes.documenter, "open", id);
        assertRefused(Failure.CANNOT_DECRYPT, result);
        assertTrue(result.stderr().contains("not encrypted to key " + homes.documenterFingerprint), result.stderr());
    }

    @Test
    void truncatedMessage() throws Exception {
        byte[] bytes = Files.readAllBytes(sealed);
        Path truncated = base.resolve("truncated.pgp");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 40));
        Result result = homes.gawah.in(homes.legal, "open", "--sealed", truncated.toString());
        assertRefused(Failure.BAD_DATA, result);
    }

    @Test
    void flippedByteInTheEncryptedData() throws Exception {
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length / 2] ^= 0x40;
        Path tampered = base.resolve("tampered.pgp");
        Files.write(tampered, bytes);
        Result result = homes.gawah.in(homes.legal, "open", "--sealed", tampered.toString());
        assertRefused(Failure.BAD_DATA, result);
    }

    @Test
    void recordAlteredInsideTheVault() throws Exception {
        Path copy = base.resolve("tampered-home");
        Homes.copy(homes.documenter, copy);
        VaultTamper.flipTestimonyByte(copy, id, 200);
        Result result = homes.gawah.in(copy, "open", id);
        assertRefused(Failure.BAD_DATA, result);
        assertTrue(result.stderr().contains("does not match its SHA-256"), result.stderr());
    }

    @Test
    void signerWhoIsNotAKnownDocumenter() throws Exception {
        // A legal home that never pinned this documenter.
        Path other = base.resolve("other-legal");
        homes.gawah.in(other, "init").ok();
        Files.createDirectories(other.resolve("keys/secret"));
        Path secret = homes.legal.resolve("keys/secret/" + homes.legalFingerprint + ".asc");
        Files.copy(secret, other.resolve("keys/secret/" + homes.legalFingerprint + ".asc"));
        Result result = homes.gawah.in(other, "open", "--sealed", sealed.toString());
        assertRefused(Failure.UNKNOWN_SIGNER, result);
        assertTrue(result.stderr().contains("gawah keys import --role documenter"), result.stderr());
    }

    @Test
    void unknownRecordId() {
        assertRefused(Failure.NOT_FOUND, homes.gawah.in(homes.legal, "open", "GWH-0000-0000-0000-0000"));
    }

    /** The passphrase is read ahead of the vault (its S2K starts early), but a missing one is still reported where it is needed. */
    @Test
    void anUnknownRecordIsNamedBeforeAPassphraseVariableThatIsNotSet() {
        Result result = homes.gawah.run("open", "GWH-0000-0000-0000-0000", "--home", homes.legal.toString(),
                "--passphrase-env", "GAWAH_TEST_NOT_SET");
        assertRefused(Failure.NOT_FOUND, result);
        assertFalse(result.stderr().contains("GAWAH_TEST_NOT_SET"), result.stderr());
    }

    @Test
    void existingOutputFileIsNeverOverwritten() throws Exception {
        Path out = base.resolve("exists.json");
        Files.writeString(out, "keep");
        Result result = homes.gawah.in(homes.legal, "open", "--sealed", sealed.toString(), "--out", out.toString());
        assertRefused(Failure.OUTPUT_EXISTS, result);
        assertEquals("keep", Files.readString(out));
    }

    @Test
    void notAnOpenPgpMessage() throws Exception {
        Path junk = base.resolve("junk.pgp");
        Files.writeString(junk, "hello, this is not OpenPGP");
        assertRefused(Failure.BAD_DATA, homes.gawah.in(homes.legal, "open", "--sealed", junk.toString()));
    }

    @Test
    void writesPlaintextOnlyWhereAskedAndOwnerOnly() throws Exception {
        Path out = base.resolve("opened.json");
        Result result = homes.gawah.in(homes.legal, "open", "--sealed", sealed.toString(), "--out", out.toString()).ok();
        assertEquals(0, result.stdout().length);
        assertTrue(Files.readString(out).contains("\"record_id\": \"" + id + "\""));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

}
