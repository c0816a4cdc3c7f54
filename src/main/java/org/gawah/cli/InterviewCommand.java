package org.gawah.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.AttachmentSeal;
import org.gawah.app.Home;
import org.gawah.app.RecordSeal;
import org.gawah.app.Recipients;
import org.gawah.app.Sealed;
import org.gawah.interview.Interview;
import org.gawah.interview.InterviewPath;
import org.gawah.interview.InterviewQuestions;
import org.gawah.interview.InterviewShown;
import org.gawah.interview.Question;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.SealableTestimony;
import org.gawah.testimony.Testimonies;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A guided interview: question by question, consent first, a review of every answer, then one
 * sealed record. The questions, their checks and words, and the way through them are the
 * interview's model (org.gawah.interview), which the window's pages walk too; this is its
 * terminal face. The answers live in this process's memory only; {@code --save-draft} lets the
 * documenter seal an unfinished interview as a draft instead of losing it.
 */
@Command(name = "interview")
final class InterviewCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Mixin
    AttachmentOptions attachments;

    @Option(names = "--save-draft")
    boolean saveDraft;

    /** The files given with --attach, read and checked before the witness says a word. */
    private List<AttachmentSeal.Planned> files = List.of();

    @Option(names = "--self-readable")
    boolean selfReadable;

    private volatile Interview interview;
    private volatile Session session;
    private volatile boolean screenCleared;
    /** Where the documenter is: the question asked now, the review, and where "<" leads. */
    private InterviewPath path;
    /** Why the last attempt to seal failed, shown at the top of the review it returns to; or null. */
    private GawahException sealRefused;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        Instant start = Instant.now();
        // Everything that can stop the interview is checked before the witness says a word.
        Recipients to = RecordSealing.recipients(keyring, own, selfReadable, start);
        // Read now, with nothing else running: the review shows what they hold before the documenter seals.
        // Standard input carries the answers: a list of files comes from a file here, never '-'.
        files = AttachmentSealing.plan(terminal, attachments.list(terminal, "gawah interview"), List.of(), null);
        terminal.say(Messages.of("interview.welcome"));
        terminal.say(Messages.of("interview.keys-help"));
        Optional<Path> registry = SessionRegistry.folder(terminal);
        if (registry.isEmpty()) {
            terminal.warn(Messages.of("interview.no-registry"));
        }
        SigningKey signer = passphrase.unlockForSigning(terminal, own, start);
        interview = new Interview(!to.protection().isEmpty(), Interview.nameIn(own.certificate().userId()));
        Prompter prompter = new Prompter(terminal, inputCharset(terminal), saveDraft);
        try (Session running = Session.start(home, registry, () -> lockNow(terminal));
             Interrupts ctrlC = Interrupts.onCtrlC(prompter::interrupt)) {
            session = running;
            return run(terminal, home, prompter, signer, to);
        } finally {
            endScreen(terminal); // a failure's message comes after, on a clean screen
        }
    }

    /**
     * The interview is over, however it ended: its screen and scrollback are cleared, once, before
     * the last words, so that the witness's answers cannot be scrolled back to.
     */
    private void endScreen(Terminal terminal) {
        if (!screenCleared) {
            screenCleared = true;
            terminal.clearScreenAndScrollback();
        }
    }

    private int run(Terminal terminal, Home home, Prompter prompter, SigningKey signer, Recipients to) {
        InterviewQuestions questions = new InterviewQuestions(interview);
        path = new InterviewPath(questions);
        try {
            while (true) {
                Question question = path.current();
                if (question == Question.REVIEW) {
                    int choice;
                    try {
                        choice = review(prompter);
                    } catch (Prompter.Back back) {
                        path.back();
                        continue;
                    }
                    if (choice == 0) {
                        try {
                            seal(terminal, home, signer, to);
                            return 0;
                        } catch (GawahException e) {
                            // Whatever failed (a full disk, a busy vault), the answers are still here: back to the review, which says why.
                            sealRefused = e;
                            continue;
                        }
                    }
                    path.change(Interview.STEPS.get(choice - 1));
                    continue;
                }
                try {
                    if (!AskedInTheTerminal.ask(prompter, questions, question)) {
                        endScreen(terminal);
                        terminal.say(Messages.of("interview.no-consent"));
                        return 0;
                    }
                    path.answered();
                } catch (Prompter.Back back) {
                    path.back();
                }
            }
        } catch (Prompter.Stop stop) {
            if (stop.draft) {
                return sealDraft(terminal, home, signer, to);
            }
            endScreen(terminal);
            terminal.say(Messages.of("interview.discarded"));
            return 0;
        } catch (Prompter.Lock lock) {
            lockNow(terminal);
            return Failure.LOCKED.exitCode();
        } catch (Prompter.EndOfInput end) {
            endScreen(terminal);
            if (saveDraft) {
                return sealDraft(terminal, home, signer, to);
            }
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("interview.input-ended"),
                    Messages.of("interview.input-ended.hint"));
        }
    }

    /**
     * Every answer in full, the account and notes included, a screenful at a time, numbered;
     * returns 0 to seal, or the number of the step to change.
     */
    private int review(Prompter prompter) {
        prompter.newScreen();
        if (sealRefused != null) {
            root.terminal.error(sealRefused.message(), sealRefused.failure() == Failure.INVALID_TESTIMONY
                    || sealRefused.hintMessage() == null ? Messages.of("interview.fix-and-seal") : sealRefused.hintMessage());
            sealRefused = null;
        }
        prompter.say(Messages.of("interview.review"));
        List<Message> lines = new java.util.ArrayList<>(InterviewShown.review(interview));
        lines.addAll(reviewFiles());
        String early = prompter.page(lines, Messages.of("interview.review.more"));
        return prompter.number(Messages.of("interview.review.choose"), Interview.STEPS.size() + 1, early) - 1;
    }

    /** The files to be sealed with the record, and what each could tell of the witness: shown before the documenter seals. */
    private List<Message> reviewFiles() {
        List<Message> lines = new java.util.ArrayList<>();
        if (files.isEmpty()) {
            return lines;
        }
        lines.add(Messages.of("interview.review.files"));
        int number = 0;
        for (AttachmentSeal.Planned file : files) {
            lines.add(Messages.of("interview.review.file", ++number, file.file().getFileName()));
            file.warnings()
                    .forEach(warning -> lines.add(Messages.of("interview.review.file-warning", warning)));
        }
        return lines;
    }

    private void seal(Terminal terminal, Home home, SigningKey signer, Recipients to) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = RecordId.random();
        // Validated before a file is sealed: an answer the seal refuses costs no time.
        Testimonies.build(interview.input(), id, now, List.of(), null, java.time.ZoneId.systemDefault()).wipe();
        RecordSealing.requireProtectionFor(interview.input().has("identity"), to);
        SealableTestimony plaintext = null;
        try (org.gawah.vault.Vault vault = home.vault(); org.gawah.vault.RecordWrite write = vault.beginRecord(id)) {
            List<org.gawah.testimony.Attachment> sealed = AttachmentSealing.sealAll(terminal, files, write, signer, to.all(), now);
            plaintext = Testimonies.build(interview.input(), id, now, sealed, RecordSealing.keySealer(signer, to, now),
                    java.time.ZoneId.systemDefault());
            RecordSealing.commit(write, id, plaintext, signer, to, now);
        } finally {
            if (plaintext != null) {
                plaintext.wipe();
            }
        }
        endScreen(terminal);
        RecordSealing.report(terminal, id, to, plaintext.identity() != null, files.size());
        AttachmentSealing.report(terminal, files);
    }

    private int sealDraft(Terminal terminal, Home home, SigningKey signer, Recipients to) {
        endScreen(terminal);
        if (!interview.consentGiven()) {
            terminal.say(Messages.of("interview.draft-without-consent"));
            return 0;
        }
        Sealed draft;
        // The window seals its drafts with the same operation (org.gawah.app).
        try (org.gawah.vault.Vault vault = home.vault()) {
            draft = RecordSeal.sealDraft(vault, interview.input(), path.reached(), signer, to);
        }
        terminal.say(Messages.of("interview.draft-sealed"));
        if (!files.isEmpty()) {
            terminal.warn(Messages.of("interview.draft-without-files", files.size()));
        }
        RecordSealing.report(terminal, draft.recordId(), to, !draft.identityReaders().isEmpty(), 0);
        return 0;
    }

    /**
     * {@code gawah lock} or {@code !lock}: forget the answers and the unlocked key and end now.
     * The process ends with {@code halt}, not {@code exit}: nothing else runs, nothing is written.
     */
    private void lockNow(Terminal terminal) {
        interview = null;
        if (session != null) {
            session.close();
        }
        endScreen(terminal);
        terminal.say(Messages.of("interview.locked")); // flushed: a line ends
        Runtime.getRuntime().halt(Failure.LOCKED.exitCode());
    }

    /** Windows consoles type in their code page; everywhere else terminals speak UTF-8. */
    private static Charset inputCharset(Terminal terminal) {
        if (terminal.console() != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return terminal.console().charset();
        }
        return null;
    }
}
