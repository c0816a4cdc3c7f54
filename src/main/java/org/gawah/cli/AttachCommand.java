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
import org.gawah.app.Home;
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
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;
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

    /** A file name on the command line shows in ps and the shell history: --files-from keeps it off. */
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", descriptionKey = "gawah.attach.file")
    List<Path> files = new ArrayList<>();

    @Option(names = "--files-from", paramLabel = "LIST")
    List<Path> filesFrom = new ArrayList<>();

    @Option(names = "--transcript-of", paramLabel = "REF")
    List<String> transcriptOf = new ArrayList<>();

    @Option(names = "--translation-of", paramLabel = "REF")
    List<String> translationOf = new ArrayList<>();

    @Spec
    CommandSpec spec;

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
        AttachmentList named = files(terminal);
        if (named.entries().isEmpty()) {
            throw new GawahException(Failure.USAGE, Messages.of("attach.no-files"), Messages.of("attach.no-files.hint"));
        }
        String id = RecordId.random();
        List<AttachmentSealing.Planned> sources;
        try (Vault vault = home.vault()) {
            LoggedRecord earlier = home.signed(vault).record(addsTo).orElseThrow(() -> new GawahException(Failure.NOT_FOUND,
                    Messages.of("home.no-record", addsTo, home.vaultName()), Messages.of("home.no-record.hint")));
            List<Certificate> recipients = sameRecipients(keyring, own, earlier);
            // A transcript may be of a file the earlier record holds: its ids are known in the clear.
            List<String> earlierFiles = earlier.attachments().stream().map(StoredAttachment::id).toList();
            sources = AttachmentSealing.plan(terminal, named, earlierFiles, addsTo);
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
        AttachmentSealing.report(terminal, sources);
        terminal.line(id);
        return 0;
    }

    /**
     * The files in the order given, each with the reference typed after it. A file is a positional
     * parameter, which picocli does not list one by one: a reference follows the file whose place
     * among the arguments comes last before it. A list's files (--files-from) come at the list's place.
     */
    private AttachmentList files(Terminal terminal) {
        AttachmentNamesFile lists = new AttachmentNamesFile(terminal, null);
        AttachmentList list = new AttachmentList();
        java.util.Iterator<Path> listed = filesFrom.iterator();
        java.util.Iterator<Path> file = files.iterator();
        java.util.Iterator<String> transcript = transcriptOf.iterator();
        java.util.Iterator<String> translation = translationOf.iterator();
        String generation = copy ? "copy" : "original";
        boolean skipValue = false;
        boolean onlyPositionals = false;
        boolean recordId = true;
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            OptionSpec option = onlyPositionals || !arg.startsWith("-") ? null : spec.findOption(name);
            if (skipValue) {
                skipValue = false;
            } else if (arg.equals("--")) {
                onlyPositionals = true;
            } else if (option != null) {
                if (option.longestName().equals("--transcript-of") && transcript.hasNext()) {
                    list.relate(Attachment.Derived.Kind.TRANSCRIPT, transcript.next());
                } else if (option.longestName().equals("--translation-of") && translation.hasNext()) {
                    list.relate(Attachment.Derived.Kind.TRANSLATION, translation.next());
                } else if (option.longestName().equals("--files-from") && listed.hasNext()) {
                    lists.readInto(listed.next(), "--files-from", generation, list);
                }
                skipValue = !arg.contains("=") && option.arity().max() > 0;
            } else if (recordId) {
                recordId = false;
            } else if (file.hasNext()) {
                list.add(file.next(), generation);
            }
        }
        return list;
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
