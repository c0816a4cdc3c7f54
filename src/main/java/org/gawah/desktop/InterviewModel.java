package org.gawah.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.Home;
import org.gawah.app.RecordSeal;
import org.gawah.app.Recipients;
import org.gawah.app.Sealed;
import org.gawah.interview.Asked;
import org.gawah.interview.Interview;
import org.gawah.interview.InterviewPath;
import org.gawah.interview.InterviewQuestions;
import org.gawah.interview.InterviewShown;
import org.gawah.interview.InterviewWords;
import org.gawah.interview.Question;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.Vault;

/**
 * The window's interview without a control: the same questions, checks, words and way through
 * them as {@code gawah interview} (org.gawah.interview), then one seal (org.gawah.app). Its
 * pages: unlock the key (once a window session), each question, the review of every answer, and
 * the end (sealed, or no consent and nothing kept). What can stop the interview (no key, no one
 * to seal to) is checked before the witness says a word, as the terminal does. Unlocking and
 * sealing are slow: the view calls them off the event thread.
 */
final class InterviewModel implements Wipeable {
    enum Page { CANNOT_BEGIN, UNLOCK, QUESTION, REVIEW, NO_CONSENT, SEALED }

    /** One line of the review: a step's title, its answer (one line or several), and the step to change. */
    record ReviewLine(String step, Message title, List<Message> answer) {
    }

    private final Path home;
    private final UnlockedKey key;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Page page;
    private volatile SecretKey own;
    private volatile Recipients to;
    private volatile Interview interview;
    private volatile InterviewQuestions questions;
    private volatile InterviewPath path;
    private volatile List<Message> refused = List.of();
    /** What was typed and refused, shown again to be mended (the terminal asks afresh instead); or null. */
    private volatile String retyped;
    private volatile Sealed sealed;
    private volatile GawahException problem;
    private volatile boolean wiped;
    private final List<Message> notices = new CopyOnWriteArrayList<>();

    InterviewModel(Path home, UnlockedKey key) {
        this.home = home;
        this.key = key;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    /**
     * Begins an interview: reads the home's key and recipients (slow: keys are parsed); then the
     * unlock page, or the first question when the key is unlocked already.
     */
    void begin() {
        try {
            Keyring keyring = new Home(home, this::notice).keyring();
            SecretKey ownKey = keyring.requireOwnKey();
            Recipients recipients = Recipients.of(keyring, ownKey, false, Instant.now());
            own = ownKey;
            to = recipients;
            problem = null;
            if (key.get() == null) {
                show(Page.UNLOCK);
            } else {
                start();
            }
        } catch (GawahException e) {
            problem = e;
            show(Page.CANNOT_BEGIN);
        }
    }

    /** The fingerprint of the key to unlock. */
    String keyFingerprint() {
        return own == null ? "" : own.fingerprint();
    }

    /** Unlocks the key with {@code passphrase} (wiped here, whatever happens), then the first question. Slow: S2K. */
    void unlock(char[] passphrase) {
        try {
            key.hold(own.unlockForSigning(passphrase, Instant.now()));
            problem = null;
            start();
        } catch (GawahException e) {
            problem = e;
            show(Page.UNLOCK);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private void start() {
        interview = new Interview(!to.protection().isEmpty(), Interview.nameIn(own.certificate().userId()));
        questions = new InterviewQuestions(interview);
        path = new InterviewPath(questions);
        refused = List.of();
        sealed = null;
        show(Page.QUESTION);
    }

    /** The question to show now. */
    Asked asked() {
        return questions.asked(path.current());
    }

    /** Why the last answer was not taken (shown under the question), or nothing. */
    List<Message> refused() {
        return refused;
    }

    /** Why the last attempt failed (unlock, begin, seal), or null. */
    GawahException problem() {
        return problem;
    }

    /** What was typed for the question shown (null: nothing). */
    void type(String typed) {
        List<Message> why = questions.type(path.current(), typed);
        retyped = why.isEmpty() ? null : typed;
        taken(why);
    }

    /** What was typed for the question shown and refused, to show again; or null. */
    String retyped() {
        return retyped;
    }

    /** The options chosen for the question shown. */
    void choose(List<Integer> chosen) {
        retyped = null;
        taken(questions.choose(path.current(), chosen));
    }

    private void taken(List<Message> why) {
        refused = why;
        if (!why.isEmpty()) {
            show(Page.QUESTION);
            return;
        }
        if (interview.consentRefused()) {
            forget();
            show(Page.NO_CONSENT);
            return;
        }
        path.answered();
        showWhereThePathIs();
    }

    void back() {
        refused = List.of();
        retyped = null;
        path.back();
        showWhereThePathIs();
    }

    /** From the review: change a step's answers. */
    void change(String step) {
        refused = List.of();
        retyped = null;
        path.change(step);
        showWhereThePathIs();
    }

    private void showWhereThePathIs() {
        show(path.current() == Question.REVIEW ? Page.REVIEW : Page.QUESTION);
    }

    /** Every step with its answer, as it will be sealed. */
    List<ReviewLine> review() {
        List<ReviewLine> lines = new ArrayList<>();
        Interview in = interview;
        if (in == null) {
            return lines;
        }
        for (String step : Interview.STEPS) {
            lines.add(new ReviewLine(step, InterviewWords.title(step), InterviewShown.answer(in, step)));
        }
        return lines;
    }

    /**
     * Seals the answers as one record (slow: signing, encryption, the vault's transaction). A
     * refusal (an answer the record refuses, a busy vault) leaves every answer here and returns
     * to the review, which says why.
     */
    void seal() {
        // The home as a command opens it, afresh: the keyring held to the signed log again (a
        // certificate copied in by hand since the interview began stops the seal, named), the
        // recipients read again from it, what a killed command left settled, owed entries first.
        Home now = new Home(home, this::notice);
        try {
            Keyring keyring = now.keyring();
            to = Recipients.of(keyring, keyring.requireOwnKey(), false, Instant.now());
        } catch (GawahException e) {
            problem = e;
            show(Page.REVIEW);
            return;
        }
        try (Vault vault = now.vault()) {
            Sealed done = RecordSeal.seal(vault, interview.input(), key.get(), to, ZoneId.systemDefault());
            forget();
            sealed = done;
            problem = null;
            show(Page.SEALED);
        } catch (GawahException e) {
            problem = e;
            show(Page.REVIEW);
        }
    }

    /** What opening the home said it did to files a killed command left (a line each on the page). */
    List<Message> notices() {
        return List.copyOf(notices);
    }

    private void notice(Message message) {
        notices.add(message);
    }

    /** Whether any answer is held (false before an interview, after its seal, and after lock). */
    boolean holdsAnswers() {
        return interview != null;
    }

    /** What was sealed: the record's id and who can read it. */
    Sealed sealed() {
        return sealed;
    }

    /** The answers are dropped once sealed or refused: the next interview starts empty. */
    private void forget() {
        interview = null;
        questions = null;
        path = null;
        refused = List.of();
        retyped = null;
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: the answers and what was sealed are dropped (the key is the session's, wiped with it). */
    @Override
    public void wipe() {
        wiped = true;
        forget();
        sealed = null;
        own = null;
        to = null;
    }
}
