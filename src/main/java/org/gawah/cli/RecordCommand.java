package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.AttachmentList;
import org.gawah.app.AttachmentSeal;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.app.Recipients;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Attachment;
import org.gawah.testimony.NameKeys;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.SealableTestimony;
import org.gawah.testimony.Testimonies;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "record")
final class RecordCommand implements Callable<Integer> {
    /** An account longer than this is not typed testimony; attachments take large files. */
    private static final int MAX_STDIN = 16 << 20;

    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    /**
     * Every field of the testimony, the account included, comes from here: no field is a flag,
     * since a command line stays in the shell history and is visible to every process on the
     * machine (ps), where a seized laptop or another user would read the place, the people
     * present, the pseudonym or the consent given.
     */
    @Option(names = "--from", required = true, paramLabel = "FILE")
    Path from;

    @Mixin
    AttachmentOptions attachments;

    @Option(names = "--shred-original")
    boolean shredOriginal;

    @Option(names = "--self-readable")
    boolean selfReadable;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = RecordId.random();
        JsonNode input = input();
        // Validate before asking for the passphrase or sealing gigabytes: a typo fails in a second.
        // Before the keyring too, whose check waits for Bouncy Castle's set-up (Implementation):
        // the testimony's checks take about as long, so neither waits for the other.
        SealableTestimony checked = Testimonies.build(input, id, now);
        boolean withIdentity = checked.identity() != null;
        AttachmentList files = attachments.list(terminal, from.toString().equals("-") ? "--from -" : null);
        NameKeys.Ahead hashing;
        try {
            // The witness's name keys (Argon2id, a tenth of a second or more for each with digits)
            // hash on a thread of their own while the keyring is checked and the key unlocked.
            // With attachments, after them as before: beside their seal, Argon2's 8 MiB raised its
            // peak memory by 12 MiB.
            hashing = files.entries().isEmpty() ? Testimonies.hashNamesAhead(checked) : null;
        } finally {
            checked.wipe();
        }
        SealableTestimony plaintext = null;
        try (NameKeys.Ahead namesAhead = hashing) {
            Keyring keyring = home.keyring();
            SecretKey own = keyring.requireOwnKey();
            Recipients to = RecordSealing.recipients(keyring, own, selfReadable, now);
            RecordSealing.requireProtectionFor(withIdentity, to);
            // Read and warned of before the passphrase: a documenter who sees "GPS" can stop here.
            List<AttachmentSeal.Planned> sources = AttachmentSealing.plan(terminal, files, List.of(), null);
            char[] secret = passphrase.forKey(terminal, own);
            try {
                // The key's S2K runs on a thread of its own while the vault opens, which needs no key.
                own.unlockAhead(secret);
                try (Vault vault = home.vault()) {
                    SigningKey signer = own.unlockForSigning(secret, now);
                    Arrays.fill(secret, '\0');
                    try (RecordWrite write = vault.beginRecord(id)) {
                        List<Attachment> sealed = AttachmentSealing.sealAll(terminal, sources, write, signer, to.all(), now);
                        plaintext = Testimonies.build(input, id, now, sealed, RecordSealing.keySealer(signer, to, now), null,
                                namesAhead);
                        RecordSealing.commit(write, id, plaintext, signer, to, now);
                        if (shredOriginal) {
                            Shredder.shredAfterCheck(terminal, home, vault, id, sources);
                        }
                    }
                }
            } finally {
                Arrays.fill(secret, '\0');
            }
            RecordSealing.report(terminal, id, to, withIdentity, sources.size());
            AttachmentSealing.report(terminal, sources);
        } finally {
            if (plaintext != null) {
                plaintext.wipe();
            }
        }
        return 0;
    }

    private JsonNode input() {
        byte[] json = from.toString().equals("-") ? readStdin(root.terminal) : InputFile.read(from, InputFile.Kind.TESTIMONY_INPUT);
        try {
            JsonNode parsed = Testimonies.parseInput(json);
            if (!parsed.isObject()) {
                throw new GawahException(Failure.INVALID_TESTIMONY, Messages.of("record.input-not-an-object"));
            }
            return parsed;
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    static byte[] readStdin(Terminal terminal) {
        try {
            InputStream in = terminal.in();
            byte[] data = in.readNBytes(MAX_STDIN + 1);
            if (data.length > MAX_STDIN) {
                Arrays.fill(data, (byte) 0);
                throw new GawahException(Failure.INVALID_TESTIMONY, Messages.of("record.stdin-too-large"));
            }
            return data;
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("record.cannot-read-stdin", e.getMessage()));
        }
    }

}
