package org.gawah.desktop;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.DraftResume;
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
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.Vault;

/**
 * The window's interview without a control: the same questions, checks, words and way through
 * them as {@code gawah interview} (org.gawah.interview), then one seal (org.gawah.app). Its
 * pages: unlock the key (once a window session), each question, the review of every answer, and
 * the end (sealed, or no consent and nothing kept). What can stop the interview (no key, no one
 * to seal to) is checked before the witness says a word, as the terminal does. Unlocking and
 * sealing are slow: the view calls them off the event thread.
 *
 * <p>An interview the window's lock interrupts (the lock button, Ctrl+L, the idle limit,
 * {@code gawah lock}, closing the window) is sealed as a draft before lock wipes it, as
 * {@code gawah interview --save-draft --self-readable} seals one ({@link #keepAsDraft}): to the
 * record's recipients and to the documenter's own key, so that this documenter can take it up
 * again after unlocking ({@link #resume}); never kept in clear. The answers are changed under one
 * lock, so that a draft is never sealed from half an answer, nor beside the record being sealed.
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
    /** Held while answers change, while they are sealed, and while they are sealed as a draft. */
    private final Object answers = new Object();
    /** The draft to take up once the key is unlocked, or null for a new interview. */
    private volatile String resuming;
    /** The draft this interview took up (said when it is sealed), or null. */
    private volatile String resumedFrom;
    /** What taking up a draft said, shown on the first page after it; or nothing. */
    private volatile List<Message> resumedSaid = List.of();
    /** What is typed in the question's field and not yet handed over (Next): read by lock for the draft. */
    private volatile Supplier<String> pending = () -> null;

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
        resuming = null;
        prepare();
    }

    /**
     * Takes up the draft {@code draftId} (offered by the welcome page): read as {@link #begin}
     * reads the home, then, once the key is unlocked, the draft opened and its answers back on
     * their pages, at the step where it stopped.
     */
    void resume(String draftId) {
        resuming = draftId;
        prepare();
    }

    private void prepare() {
        try {
            Keyring keyring = new Home(home, this::notice).keyring();
            SecretKey ownKey = keyring.requireOwnKey();
            Recipients recipients = Recipients.of(keyring, ownKey, false, Instant.now());
            own = ownKey;
            to = recipients;
            problem = null;
            // A draft is opened with the secret key the unlock opened: asked again if another page unlocked only for signing.
            if (key.get() == null || resuming != null && key.own() == null) {
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
            key.hold(own.unlockForSigning(passphrase, Instant.now()), own);
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
        String draftId = resuming;
        resuming = null;
        DraftResume.Draft draft = null;
        List<Message> said = new ArrayList<>();
        if (draftId != null) {
            try {
                draft = DraftResume.open(new Home(home, this::notice), draftId, opener(), key.get()).orElse(null);
            } catch (GawahException e) {
                problem = e;
                show(Page.CANNOT_BEGIN);
                return;
            }
            // One short paragraph: the question's page must still fit under it.
            said.add(draft == null ? Messages.of("interview.resume.not-a-draft", Ltr.of(draftId))
                    : draft.identityApart() ? Messages.of("interview.resume.taken-up-without-name", Ltr.of(draftId))
                    : Messages.of("interview.resume.taken-up", Ltr.of(draftId)));
        }
        synchronized (answers) {
            boolean identityAllowed = !to.protection().isEmpty();
            String documenter = Interview.nameIn(own.certificate().userId());
            interview = draft == null ? new Interview(identityAllowed, documenter)
                    : Interview.resume(draft.consent(), draft.fields(), identityAllowed, documenter);
            questions = new InterviewQuestions(interview);
            path = new InterviewPath(questions);
            if (draft != null) {
                path.resumeAt(draft.stoppedAt());
            }
            resumedFrom = draft == null ? null : draft.recordId();
            resumedSaid = List.copyOf(said);
            refused = List.of();
            sealed = null;
        }
        showWhereThePathIs();
    }

    /** The secret key the window's unlock opened (its decryption part too): this page's, or the one another page unlocked. */
    private SecretKey opener() {
        SecretKey unlocked = key.own();
        return unlocked != null ? unlocked : own;
    }

    /** What taking up a draft said, for the first page after it; then nothing. */
    List<Message> resumedSaid() {
        return resumedSaid;
    }

    /** The draft this interview took up, or null. */
    String resumedFrom() {
        return resumedFrom;
    }

    /** Where lock reads what is typed and not yet handed over ({@link #keepAsDraft}). */
    void pending(Supplier<String> typedNow) {
        pending = typedNow;
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
        synchronized (answers) {
            if (questions == null) {
                return;
            }
            List<Message> why = questions.type(path.current(), typed);
            retyped = why.isEmpty() ? null : typed;
            taken(why);
        }
    }

    /** What was typed for the question shown and refused, to show again; or null. */
    String retyped() {
        return retyped;
    }

    /** The options chosen for the question shown. */
    void choose(List<Integer> chosen) {
        synchronized (answers) {
            if (questions == null) {
                return;
            }
            retyped = null;
            taken(questions.choose(path.current(), chosen));
        }
    }

    private void taken(List<Message> why) {
        refused = why;
        resumedSaid = List.of();
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
        synchronized (answers) {
            if (path == null) {
                return;
            }
            refused = List.of();
            retyped = null;
            resumedSaid = List.of();
            path.back();
            showWhereThePathIs();
        }
    }

    /** From the review: change a step's answers. */
    void change(String step) {
        synchronized (answers) {
            if (path == null) {
                return;
            }
            refused = List.of();
            retyped = null;
            resumedSaid = List.of();
            path.change(step);
            showWhereThePathIs();
        }
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
        synchronized (answers) {
            if (interview == null) {
                return; // locked (and kept as a draft) while the home was read
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
    }

    /**
     * Lock interrupts the interview: what it holds, with what is typed in the question's field
     * when the question takes it, is sealed as a draft to the record's recipients and to the
     * documenter's own key (to take up again), while the key is still unlocked; returns what to
     * tell the documenter once the window is gone. Nothing when there is nothing to keep, or no
     * consent (no consent, no draft). A refusal is said too: the answers are then lost, as lock
     * must still wipe them.
     */
    Optional<Message> keepAsDraft() {
        synchronized (answers) {
            Interview in = interview;
            SigningKey signer = key.get();
            if (in == null || signer == null || wiped) {
                return Optional.empty();
            }
            takePending();
            if (!in.consentGiven()) {
                return Optional.empty();
            }
            try {
                Home now = new Home(home, this::notice);
                Keyring keyring = now.keyring();
                Recipients readers = Recipients.of(keyring, keyring.requireOwnKey(), true, Instant.now());
                try (Vault vault = now.vault()) {
                    Sealed draft = RecordSeal.sealDraft(vault, in.input(), path.reached(), signer, readers);
                    return Optional.of(Messages.of("interview.draft.sealed", draft.recordId()));
                }
            } catch (GawahException e) {
                return Optional.of(Messages.of("interview.draft.failed", e.message()));
            }
        }
    }

    /** The answer typed in the field shown and not yet handed over, taken if the question takes it. */
    private void takePending() {
        if (page != Page.QUESTION || path.current() == Question.REVIEW) {
            return;
        }
        org.gawah.interview.Asked.Kind kind = questions.asked(path.current()).kind();
        if (kind == org.gawah.interview.Asked.Kind.TEXT || kind == org.gawah.interview.Asked.Kind.LINES) {
            String typed = pending.get();
            // Refused (a date not yet whole), it is left out: the answer taken before stays.
            questions.type(path.current(), typed == null || typed.isEmpty() ? null : typed);
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
        resumedSaid = List.of();
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
        pending = () -> null;
        synchronized (answers) {
            forget();
        }
        resumedFrom = null;
        sealed = null;
        own = null;
        to = null;
    }
}
