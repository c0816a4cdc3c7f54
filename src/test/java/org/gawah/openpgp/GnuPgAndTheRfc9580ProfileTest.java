package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.bcpg.sig.Features;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trap Bouncy Castle sets: its v4 keys (and OpenPGP.js's) advertise SEIPD v2, and its
 * high-level encryptor then sends them SEIPD v2 with v6 PKESKs. The same key held by GnuPG 2.2
 * could not read that. Gawah's compat message to such a key is decrypted and verified by the real
 * gpg 2.2 here, byte for byte. And what gpg 2.2 does with a record signed by a v6 key.
 */
class GnuPgAndTheRfc9580ProfileTest {
    static final byte[] TEXT = "{\"account\":\"گواه — ګواه — witness\"}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static Path gnupgHome;

    private static String gpg(byte[] stdin, Path stdout, String... args) throws Exception {
        return gpgExpecting(0, stdin, stdout, args);
    }

    private static String gpgExpecting(int exit, byte[] stdin, Path stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", gnupgHome.toString(), "--batch", "--no-tty",
                "--status-fd", "2", "--pinentry-mode", "loopback", "--trust-model", "always"));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "gpg", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        builder.environment().put("LC_ALL", "C");
        if (stdin == null) {
            builder.redirectInput(new File("/dev/null"));
        }
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            }
        }
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "gpg finished");
        String status = Files.readString(err);
        assertEquals(exit, process.exitValue(), String.join(" ", command) + "\n" + status);
        return status;
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (gnupgHome != null) {
            new ProcessBuilder("gpgconf", "--homedir", gnupgHome.toString(), "--kill", "all").start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @BeforeAll
    static void gnupgHome() throws Exception {
        gnupgHome = dir.resolve("gnupg");
        Files.createDirectories(gnupgHome, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * What docs/format/sealed-record.md says of a v6 documenter sealing to a v4 team: SEIPD v1,
     * which gpg 2.2 decrypts, but the v6 one-pass signature inside stops it, and it gives out
     * nothing. The rfc9580 profile is for documenters whose every receiver reads v6.
     */
    @Test
    void gpg22CannotReadARecordSignedByAV6Key() throws Exception {
        Instant now = Instant.now();
        SecretKey team = KeyGenerator.generate("Team on GnuPG 2.2", "p".toCharArray(), now);
        char[] pass = "p".toCharArray();
        SecretKey documenter = KeyGenerator.generateV6("Documenter v6", pass, now,
                new org.bouncycastle.bcpg.S2K.Argon2Params(1, 1, 10, new java.security.SecureRandom()));
        byte[] sealed = Sealer.seal(TEXT, documenter.unlockForSigning(pass, now), List.of(team.certificate()), now);
        assertEquals(1, Packets.outer(sealed).get(1).octet(0), "SEIPD v1 to the v4 team");
        Path secret = Files.write(dir.resolve("team.sec.asc"), team.armored().getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("pass"), "p\n");
        gpg(null, null, "--passphrase-file", dir.resolve("pass").toString(), "--import", secret.toString());
        Path message = Files.write(dir.resolve("sealed-v6-signer.pgp"), sealed);
        Path clear = dir.resolve("v6-signer.out");
        String status = gpgExpecting(2, null, clear, "--passphrase-file", dir.resolve("pass").toString(),
                "--decrypt", message.toString());
        assertTrue(status.contains("[GNUPG:] DECRYPTION_OKAY"), status);
        assertTrue(status.contains("onepass_sig with unknown version 6"), status);
        assertEquals(0, Files.size(clear), "no plaintext from gpg");
    }

    @Test
    void gpg22DecryptsAndVerifiesWhatGawahSealsToAKeyAdvertisingSeipdV2() throws Exception {
        Instant now = Instant.now();
        SecretKey recipient = CraftedKeys.v4("Team on Bouncy Castle", CraftedKeys.Spec.plain(Date.from(now.minusSeconds(60)))
                .features((byte) (Features.FEATURE_MODIFICATION_DETECTION | Features.FEATURE_SEIPD_V2)));
        assertTrue(recipient.certificate().bc().getPrimaryKey().getFeatures(Date.from(now)).supportsSEIPDv2());
        SecretKey documenter = KeyGenerator.generate("Documenter", "p".toCharArray(), now);
        byte[] sealed = Sealer.seal(TEXT, documenter.unlockForSigning("p".toCharArray(), now),
                List.of(recipient.certificate()), now);
        assertEquals(3, Packets.outer(sealed).get(0).octet(0), "v3 PKESK");
        assertEquals(1, Packets.outer(sealed).get(1).octet(0), "SEIPD v1");

        gpg(recipient.armored().getBytes(StandardCharsets.US_ASCII), null, "--import");
        gpg(documenter.certificate().armored().getBytes(StandardCharsets.US_ASCII), null, "--import");
        Path message = Files.write(dir.resolve("sealed.pgp"), sealed);
        Path clear = dir.resolve("clear.out");
        String status = gpg(null, clear, "--decrypt", message.toString());
        assertArrayEquals(TEXT, Files.readAllBytes(clear));
        assertTrue(status.contains("[GNUPG:] DECRYPTION_OKAY"), status);
        assertTrue(status.contains("[GNUPG:] GOODMDC"), status);
        assertTrue(status.contains("[GNUPG:] VALIDSIG " + documenter.fingerprint()), status);
    }
}
