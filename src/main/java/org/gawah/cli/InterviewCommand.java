package org.gawah.cli;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Drafts;
import org.gawah.testimony.RecordId;
import org.gawah.testimony.SealableTestimony;
import org.gawah.testimony.Testimonies;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A guided interview: question by question, consent first, a review of every answer, then one
 * sealed record. The answers live in this process's memory only; {@code --save-draft} lets the
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

    @Option(names = "--save-draft")
    boolean saveDraft;

    @Option(names = "--self-readable")
    boolean selfReadable;

    private volatile Interview interview;
    private volatile Session session;
    private String reached = Interview.STEPS.get(0);

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        Instant start = Instant.now();
        // Everything that can stop the interview is checked before the witness says a word.
        RecordSealing.Recipients to = RecordSealing.recipients(keyring, own, selfReadable, start);
        terminal.say(Messages.of("interview.welcome"));
        terminal.say(Messages.of("interview.keys-help"));
        SigningKey signer = passphrase.unlockForSigning(terminal, own, start);
        interview = new Interview(!to.protection().isEmpty(), nameOf(own.certificate().userId()));
        Prompter prompter = new Prompter(terminal, inputCharset(terminal), saveDraft);
        try (Session running = Session.start(home, () -> lockNow(terminal));
             Interrupts ctrlC = Interrupts.onCtrlC(prompter::interrupt)) {
            session = running;
            return run(terminal, home, prompter, signer, to);
        }
    }

    private int run(Terminal terminal, Home home, Prompter prompter, SigningKey signer, RecordSealing.Recipients to) {
        try {
            for (int step = 0; step < Interview.STEPS.size(); ) {
                try {
                    reached = Interview.STEPS.get(step);
                    if (!interview.ask(prompter, step)) {
                        terminal.say(Messages.of("interview.no-consent"));
                        return 0;
                    }
                    step++;
                } catch (Prompter.Back back) {
                    step = Math.max(0, step - 1);
                }
            }
            reached = "review";
            while (true) {
                int choice = review(prompter);
                if (choice > 0) {
                    if (!askAgain(prompter, choice - 1)) {
                        terminal.say(Messages.of("interview.no-consent"));
                        return 0;
                    }
                    continue;
                }
                try {
                    seal(terminal, home, signer, to);
                    return 0;
                } catch (GawahException e) {
                    // Whatever failed (a field, a full disk, a busy vault), the answers are still here: back to the review.
                    terminal.error(e.message(), e.failure() == Failure.INVALID_TESTIMONY || e.hintMessage() == null
                            ? Messages.of("interview.fix-and-seal") : e.hintMessage());
                }
            }
        } catch (Prompter.Stop stop) {
            if (stop.draft) {
                return sealDraft(terminal, home, signer, to);
            }
            terminal.say(Messages.of("interview.discarded"));
            return 0;
        } catch (Prompter.Lock lock) {
            lockNow(terminal);
            return Failure.LOCKED.exitCode();
        } catch (Prompter.EndOfInput end) {
            if (saveDraft) {
                return sealDraft(terminal, home, signer, to);
            }
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("interview.input-ended"),
                    Messages.of("interview.input-ended.hint"));
        }
    }

    /** Asks one step again from the review; false if consent was withdrawn there. */
    private boolean askAgain(Prompter prompter, int step) {
        try {
            return interview.ask(prompter, step);
        } catch (Prompter.Back back) {
            return true; // Back from a change: to the review, the answer as it was.
        }
    }

    /** Every answer, numbered; returns 0 to seal, or the number of the step to change. */
    private int review(Prompter prompter) {
        prompter.newScreen();
        prompter.say(Messages.of("interview.review"));
        List<Message> options = new java.util.ArrayList<>();
        options.add(Messages.of("interview.review.seal"));
        for (String step : Interview.STEPS) {
            options.add(Messages.of("interview.review.line", InterviewWords.title(step), interview.shown(step)));
        }
        while (true) {
            try {
                return prompter.choose(Messages.of("interview.review.choose"), options, -1);
            } catch (Prompter.Back back) {
                // Nothing before the review to go back to but its own lines.
            }
        }
    }

    private void seal(Terminal terminal, Home home, SigningKey signer, RecordSealing.Recipients to) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = RecordId.random();
        SealableTestimony plaintext = Testimonies.build(interview.input(), id, now, java.util.List.of(),
                RecordSealing.keySealer(signer, to, now));
        try {
            RecordSealing.seal(home, id, plaintext, signer, to, now);
        } finally {
            plaintext.wipe();
        }
        RecordSealing.report(terminal, id, to, plaintext.identity() != null, 0);
    }

    private int sealDraft(Terminal terminal, Home home, SigningKey signer, RecordSealing.Recipients to) {
        if (!interview.consentGiven()) {
            terminal.say(Messages.of("interview.draft-without-consent"));
            return 0;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = RecordId.random();
        ObjectNode input = interview.input();
        SealableTestimony plaintext = Drafts.build(input, id, now, reached);
        try {
            RecordSealing.seal(home, id, plaintext, signer, to, now);
        } finally {
            plaintext.wipe();
        }
        terminal.say(Messages.of("interview.draft-sealed"));
        RecordSealing.report(terminal, id, to, plaintext.identity() != null, 0);
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
        terminal.say(Messages.of("interview.locked")); // flushed: a line ends
        Runtime.getRuntime().halt(Failure.LOCKED.exitCode());
    }

    /** The documenter's name from the key's user ID, without the e-mail part. */
    private static String nameOf(String userId) {
        int angle = userId == null ? -1 : userId.indexOf('<');
        String name = userId == null ? "" : (angle < 0 ? userId : userId.substring(0, angle)).strip();
        return name.isEmpty() ? null : name;
    }

    /** Windows consoles type in their code page; everywhere else terminals speak UTF-8. */
    private static Charset inputCharset(Terminal terminal) {
        if (terminal.console() != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return terminal.console().charset();
        }
        return null;
    }
}
