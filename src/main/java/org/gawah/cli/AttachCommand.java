package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.AttachToRecord;
import org.gawah.app.AttachmentList;
import org.gawah.app.AttachmentSeal;
import org.gawah.app.Home;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Attachment;
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
        List<AttachmentSeal.Planned> sources;
        AttachToRecord.Attached attached;
        try (Vault vault = home.vault()) {
            AttachToRecord.Target target = AttachToRecord.target(home, vault, keyring, own, addsTo);
            sources = AttachmentSealing.plan(terminal, named, target.attachmentIds(), addsTo);
            SigningKey signer = passphrase.unlockForSigning(terminal, own, now);
            attached = AttachToRecord.seal(vault, target, sources, signer, now, AttachmentSealing.progress(terminal),
                    terminal::warn);
            if (shredOriginal) {
                Shredder.shredAfterCheck(terminal, home, vault, attached.recordId(), sources);
            }
        }
        terminal.info(Messages.of("attach.sealed", attached.recordId(), sources.size(), addsTo));
        AttachmentSealing.report(terminal, sources);
        terminal.line(attached.recordId());
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
}
