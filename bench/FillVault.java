// Bench helper: seals N copies of a testimony into a documenter's vault through Gawah's own
// classes, exactly as `gawah record` does (seal, sign, store, log), but with the key unlocked
// once: N separate processes would measure JVM start-up and the key's S2K N times, not the bags.
// Run: java -cp target/gawah.jar bench/FillVault.java HOME COUNT TESTIMONY.json PASSPHRASE_VAR
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.SealableTestimony;
import org.gawah.testimony.Testimonies;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;

public class FillVault {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        byte[] input = Files.readAllBytes(Path.of(args[2]));
        Keyring keyring = new Keyring(home.resolve("keys"));
        SecretKey own = keyring.requireOwnKey();
        SigningKey key = own.unlockForSigning(System.getenv(args[3]).toCharArray(), Instant.now());
        List<Certificate> legal = keyring.pinned(Role.LEGAL);
        List<Certificate> protection = keyring.pinned(Role.PROTECTION);
        List<String> fingerprints = legal.stream().map(Certificate::fingerprint).toList();
        List<String> officers = protection.stream().map(Certificate::fingerprint).toList();
        long started = System.nanoTime();
        try (Vault vault = Vault.open(home.resolve("vault.db"))) {
            for (int i = 0; i < count; i++) {
                String id = RecordId.random();
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                SealableTestimony plaintext = Testimonies.build(input, id, now);
                try (RecordWrite write = vault.beginRecord(id)) {
                    byte[] testimony = Sealer.seal(plaintext.testimony(), key, legal, now);
                    byte[] identity = Sealer.seal(plaintext.identity(), key, protection, now);
                    write.commit(new SealedRecord(id, now, own.fingerprint(), testimony, fingerprints, identity, officers),
                            new EntrySigner(key));
                } finally {
                    plaintext.wipe();
                }
                if ((i + 1) % 1000 == 0) {
                    System.err.printf("bench: %d records sealed%n", i + 1);
                }
            }
        }
        System.out.printf("%.1f%n", count / ((System.nanoTime() - started) / 1e9));
    }
}
