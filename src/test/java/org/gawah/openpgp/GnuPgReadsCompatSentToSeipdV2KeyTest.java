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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trap Bouncy Castle sets: its v4 keys (and OpenPGP.js's) advertise SEIPD v2, and its
 * high-level encryptor then sends them SEIPD v2 with v6 PKESKs. The same key held by GnuPG 2.2
 * could not read that. Gawah's compat message to such a key is decrypted and verified by the real
 * gpg 2.2 here, byte for byte.
 */
class GnuPgReadsCompatSentToSeipdV2KeyTest {
    static final byte[] TEXT = "{\"account\":\"گواه — ګواه — witness\"}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static Path gnupgHome;

    private static String gpg(byte[] stdin, Path stdout, String... args) throws Exception {
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
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + status);
        return status;
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (gnupgHome != null) {
            new ProcessBuilder("gpgconf", "--homedir", gnupgHome.toString(), "--kill", "all").start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void gpg22DecryptsAndVerifiesWhatGawahSealsToAKeyAdvertisingSeipdV2() throws Exception {
        gnupgHome = dir.resolve("gnupg");
        Files.createDirectories(gnupgHome, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
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
