package org.gawah.desktop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.Cases;
import org.gawah.cases.LegalTags;
import org.gawah.names.Folding;

/**
 * The legal team's cases without a control: every case with its title, one case opened with the
 * latest analysis of each of its records, a new case made from a title typed here, and the records
 * chosen in the records' table added to a case with their analysis (Rome Statute tags picked from
 * the shipped list, reliability, a note), each through the same operations as {@code gawah case}
 * ({@link Cases}). The key is the one the records page unlocked ({@link TeamKey}): before the
 * records are open, the page says to open them first. Every operation is slow (the vault, the
 * decryption): the view calls them off the event thread.
 */
final class CasesModel implements Wipeable {
    enum Page { NEEDS_RECORDS, WORKING, LIST, CASE }

    private final Path home;
    private final Supplier<TeamKey> key;
    /** Told, on the working thread, when a case was made or records added: the records' table files them again. */
    private final Runnable changed;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Page page;
    private volatile List<Cases.Listed> cases = List.of();
    private volatile Cases.Opened opened;
    /** The records chosen in the records' table, to add to a case: empty when none were chosen. */
    private volatile List<String> adding = List.of();
    private final Set<String> tags = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile String tagFilter = "";
    private volatile GawahException problem;
    private volatile Message done;
    private volatile boolean wiped;

    CasesModel(Path home, Supplier<TeamKey> key, Runnable changed) {
        this.home = home;
        this.key = key;
        this.changed = changed;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    /**
     * Shows the cases, with {@code chosen} (record ids from the records' table) to be added to
     * the case opened next; an empty list keeps what was chosen before.
     */
    void begin(List<String> chosen) {
        if (!chosen.isEmpty()) {
            adding = List.copyOf(chosen);
            done = null;
        }
        if (key.get() == null) {
            show(Page.NEEDS_RECORDS);
            return;
        }
        list();
    }

    /** Every case, titles opened. */
    void list() {
        work(() -> {
            TeamKey unlocked = unlocked();
            cases = List.copyOf(Cases.list(TeamKey.home(home), unlocked.team(home), TeamKey::locked));
            opened = null;
            return Page.LIST;
        }, Page.LIST);
    }

    /** Makes a case with the title typed (checked as gawah case create checks it), then opens it. */
    void create(String title) {
        work(() -> {
            TeamKey unlocked = unlocked();
            String id = Cases.create(TeamKey.home(home), unlocked.team(home), title, unlocked::signer).caseId();
            done = Messages.of("cases.created", Ltr.of(id));
            changed.run();
            return openCase(unlocked, id);
        }, Page.LIST);
    }

    /** Opens one case: its title and each record with its latest analysis. */
    void open(String caseId) {
        done = null;
        work(() -> openCase(unlocked(), caseId), page == Page.CASE ? Page.CASE : Page.LIST);
    }

    /**
     * Adds the records chosen to the case open, each with the tags picked, {@code reliability}
     * (one of {@link org.gawah.cases.Analysis#RELIABILITY}, or null) and {@code note} (null or
     * blank: none), as {@code gawah case add} does; then shows the case again.
     */
    void add(String reliability, String note) {
        Cases.Opened in = opened;
        List<String> records = adding;
        done = null;
        List<String> picked = chosenTags();
        work(() -> {
            TeamKey unlocked = unlocked();
            String caseId = in.file().caseId();
            int added = Cases.add(TeamKey.home(home), unlocked.team(home), caseId, records, picked, reliability,
                    note == null || note.isBlank() ? null : note, unlocked::signer);
            adding = List.of();
            tags.clear();
            done = Messages.of("cases.added", added, Ltr.of(caseId));
            changed.run();
            return openCase(unlocked, caseId);
        }, Page.CASE);
    }

    private Page openCase(TeamKey unlocked, String caseId) {
        opened = Cases.open(TeamKey.home(home), unlocked.team(home), caseId, TeamKey::locked);
        return Page.CASE;
    }

    private TeamKey unlocked() {
        TeamKey unlocked = key.get();
        if (unlocked == null) {
            throw TeamKey.notUnlocked();
        }
        return unlocked;
    }

    /** Runs {@code step}; shows the page it returns, or {@code onProblem} with the problem said. */
    private void work(java.util.concurrent.Callable<Page> step, Page onProblem) {
        problem = null;
        show(Page.WORKING);
        try {
            Page next = step.call();
            if (!wiped) {
                show(next);
            }
        } catch (GawahException e) {
            problem = e;
            show(onProblem);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<Cases.Listed> cases() {
        return cases;
    }

    /** The case open, or null. */
    Cases.Opened opened() {
        return opened;
    }

    List<String> adding() {
        return adding;
    }

    /** Picks or drops a tag (one of {@link LegalTags#tags}). */
    void tag(String tag, boolean chosen) {
        if (chosen) {
            tags.add(tag);
        } else {
            tags.remove(tag);
        }
    }

    boolean chosen(String tag) {
        return tags.contains(tag);
    }

    /** The tags picked, in the Statute's order. */
    List<String> chosenTags() {
        List<String> picked = new ArrayList<>();
        for (String tag : LegalTags.shipped().tags()) {
            if (tags.contains(tag)) {
                picked.add(tag);
            }
        }
        return picked;
    }

    /** The words typed to find a tag (folded as the records' search folds: any yeh, kaf or digits). */
    void tagFilter(String typed) {
        tagFilter = typed == null ? "" : Folding.fold(typed.strip());
    }

    /**
     * Whether a tag is shown under the filter typed: its code, or its label in the window's
     * language or in English, holds the words.
     */
    boolean shown(String tag) {
        String q = tagFilter;
        if (q.isEmpty() || tags.contains(tag)) {
            return true;
        }
        LegalTags all = LegalTags.shipped();
        return Folding.fold(tag).contains(q) || Folding.fold(all.label(tag)).contains(q)
                || Folding.fold(all.label(tag, org.gawah.Language.ENGLISH)).contains(q);
    }

    GawahException problem() {
        return problem;
    }

    /** What was just done (a case made, records added), or null. */
    Message done() {
        return done;
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: the titles, analyses and notes opened are dropped, and the records chosen. */
    @Override
    public void wipe() {
        wiped = true;
        cases = List.of();
        opened = null;
        adding = List.of();
        tags.clear();
    }
}
