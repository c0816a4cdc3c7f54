package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SealedRecipients;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Attachment;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.Testimonies;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "attach")
final class AttachCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(index = "0", paramLabel = "RECORD-ID", converter = IdArgument.class, descriptionKey = "gawah.attach.record-id")
    String addsTo;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", descriptionKey = "gawah.attach.file")
    List<Path> files;

    @Option(names = "--copy")
    boolean copy;

    @Option(names = "--shred-original")
    boolean shredOriginal;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<AttachmentSealing.Source> sources = new ArrayList<>();
        files.forEach(file -> sources.add(new AttachmentSealing.Source(file, copy ? "copy" : "original")));
        AttachmentSealing.check(sources);
        String id = RecordId.random();
        try (Vault vault = home.vault()) {
            LoggedRecord earlier = home.signed(vault).record(addsTo).orElseThrow(() -> new GawahException(Failure.NOT_FOUND,
                    Messages.of("home.no-record", addsTo, home.vaultFile()), Messages.of("home.no-record.hint")));
            List<Certificate> recipients = sameRecipients(keyring, own, earlier);
            SigningKey signer = passphrase.unlockForSigning(terminal, own, now);
            try (RecordWrite write = vault.beginRecord(id)) {
                List<Attachment> attachments = AttachmentSealing.sealAll(terminal, sources, write, signer, recipients, now);
                byte[] addendum = Testimonies.buildAddendum(id, now, addsTo, attachments);
                byte[] sealed;
                try {
                    sealed = Sealer.seal(addendum, signer, recipients, now);
                } finally {
                    Arrays.fill(addendum, (byte) 0);
                }
                write.commit(new SealedRecord(id, now, own.fingerprint(), sealed,
                        recipients.stream().map(Certificate::fingerprint).toList(), null, List.of()), new EntrySigner(signer));
            }
            if (shredOriginal) {
                Shredder.shredAfterCheck(terminal, home, vault, id, sources);
            }
        }
        terminal.info(Messages.of("attach.sealed", id, sources.size(), addsTo));
        terminal.line(id);
        return 0;
    }

    /**
     * The certificates the earlier testimony was sealed to, as its own session-key packets name
     * them (the vault's list of recipients is only a cache); each must still be pinned.
     */
    private static List<Certificate> sameRecipients(Keyring keyring, SecretKey own, LoggedRecord earlier) {
        List<Certificate> known = new ArrayList<>(keyring.pinned(Role.LEGAL));
        known.addAll(keyring.pinned(Role.PROTECTION));
        known.add(own.certificate());
        SealedRecipients.Matched sealedTo = SealedRecipients.of(earlier.testimony()).match(known);
        if (!sealedTo.unknown().isEmpty()) {
            throw new GawahException(Failure.NOT_READY,
                    Messages.of("attach.recipient-gone", earlier.id(), sealedTo.unknown().get(0)),
                    Messages.of("attach.recipient-gone.hint"));
        }
        return sealedTo.certificates();
    }

}
