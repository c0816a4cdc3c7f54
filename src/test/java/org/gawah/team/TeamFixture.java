package org.gawah.team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.app.Home;
import org.gawah.app.RecordSeal;
import org.gawah.app.Recipients;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.vault.Vault;

/**
 * A legal team of analysts on one shared vault, made through gawah's own commands the way the
 * README tells a team to: the first analyst's home and key, then each other analyst's home and
 * key, its certificate admitted by the first ({@code vault admit}); for each analyst a documenter
 * of its own (pinned both ways) whose records come in bags, {@code RECORDS} records a bag, each bag
 * beside a {@code .ids} file naming its records. Every analyst pins every documenter: each home
 * checks the documenters' logs that the others' imports bring into the shared vault. Documenters' records are sealed through
 * {@link RecordSeal}, the operation {@code gawah record} and the window call, with the key
 * unlocked once: thousands of separate commands would time key derivations, not the team vault.
 */
final class TeamFixture {
    final Gawah gawah = new Gawah(Homes.PASSPHRASE);
    final List<Path> analysts = new ArrayList<>();
    final List<String> fingerprints = new ArrayList<>();
    final List<Path> bags = new ArrayList<>();

    /**
     * {@code vault}: a {@code postgresql://} address (an analyst's account) or a shared file's
     * absolute path; {@code bagsEach} bags of {@code records} records for each analyst.
     */
    TeamFixture(Path base, String vault, int analystCount, int bagsEach, int records) {
        Path certificates = base.resolve("certificates");
        try {
            Files.createDirectories(certificates);
            for (int a = 0; a < analystCount; a++) {
                Path home = base.resolve("analyst-" + a);
                gawah.in(home, "init", "--vault", vault).ok();
                fingerprints.add(gawah.in(home, "keys", "generate", "--name", "Analyst " + a).ok().out().strip());
                analysts.add(home);
                if (a > 0) {
                    Path certificate = certificates.resolve("analyst-" + a + ".asc");
                    gawah.in(home, "keys", "export", "--out", certificate.toString()).ok();
                    gawah.in(analysts.get(0), "vault", "admit", certificate.toString(), "--fingerprint", fingerprints.get(a),
                            "--passphrase-env", Gawah.PASSPHRASE_VAR).ok();
                }
            }
            for (int a = 0; a < analystCount; a++) {
                bags.add(documenterBags(base.resolve("documenter-" + a), analysts.get(a), certificates, a, bagsEach, records));
            }
            // The team's documenters are every analyst's: each home checks the logs the others' imports brought.
            for (int a = 0; a < analystCount; a++) {
                for (int d = 0; d < analystCount; d++) {
                    if (d != a) {
                        gawah.in(analysts.get(a), "keys", "import", "--role", "documenter",
                                certificates.resolve("documenter-" + d + ".asc").toString()).ok();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A documenter pinned both ways with {@code analyst}; its bags, in order, in a folder of their own. */
    private Path documenterBags(Path documenter, Path analyst, Path certificates, int a, int bagsEach, int records)
            throws IOException {
        gawah.in(documenter, "init").ok();
        gawah.in(documenter, "keys", "generate", "--name", "Documenter " + a).ok();
        Path analystCert = certificates.resolve("for-documenter-" + a + ".asc");
        Path documenterCert = certificates.resolve("documenter-" + a + ".asc");
        gawah.in(analyst, "keys", "export", "--out", analystCert.toString()).ok();
        gawah.in(documenter, "keys", "export", "--out", documenterCert.toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "legal", analystCert.toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "protection", analystCert.toString()).ok();
        gawah.in(analyst, "keys", "import", "--role", "documenter", documenterCert.toString()).ok();
        Path dir = Files.createDirectories(documenter.resolveSibling("bags-" + a));
        ObjectNode input = (ObjectNode) new ObjectMapper().readTree(Homes.sampleInput());
        Home home = new Home(documenter, warning -> { });
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        SigningKey signer = own.unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        for (int b = 0; b < bagsEach; b++) {
            List<String> ids = new ArrayList<>();
            try (Vault vault = home.vault()) {
                Recipients to = Recipients.of(keyring, own, false, Instant.now());
                for (int r = 0; r < records; r++) {
                    ids.add(RecordSeal.seal(vault, input.deepCopy(), signer, to, ZoneOffset.UTC).recordId());
                }
            }
            Path bag = dir.resolve(String.format("bag-%03d.zip", b));
            gawah.in(documenter, "submit", "--since", "--out", bag.toString()).ok();
            Files.write(dir.resolve(String.format("bag-%03d.ids", b)), ids);
        }
        return dir;
    }
}
