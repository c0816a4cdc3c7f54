package org.gawah.desktop;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Cases;
import org.gawah.app.EvidenceExport;
import org.gawah.app.Reviewed;
import org.gawah.export.Profile;
import org.gawah.export.Redaction;
import org.gawah.names.Finder;
import org.gawah.openpgp.Certificate;
import org.gawah.testimony.RecordId;

/**
 * An evidence package built in the window, without a control: the case, the receiving body's
 * profile and, if the package is to be encrypted, the receiver's certificate are chosen; a preview
 * shows what would go and what would stay out and why (consent, identity), and where each
 * witness's name was found in what goes redacted, read by the very pipeline that builds the
 * package ({@link EvidenceExport#preview}); then the package is built into a chosen folder with
 * progress, exactly as {@code gawah export} builds it. The key is the one the records page
 * unlocked ({@link TeamKey}). What stays out until a person says it may go is said on the page,
 * one item at a time, as the command's {@code --reviewed ID} and {@code --with-location GWA-ID}
 * say it ({@link #review}, {@link #withLocation}): the preview is read again with it, and the
 * package built with it. The preview's reading is logged as {@code opened} ({@link EvidenceExport#preview}).
 * Slow steps are called off the event thread.
 */
final class ExportModel implements Wipeable {
    enum Page { NEEDS_RECORDS, WORKING, CHOOSING, PREVIEW, BUILDING, BUILT }

    /** Words either side of a name found, in an excerpt: enough to see what the name is doing there. */
    static final int CONTEXT = 48;

    /** One place a witness's name or contact was found: the record (or the case), the field, and the text around it. */
    record Excerpt(String recordId, String path, String before, String match, String after) {
    }

    private final Path home;
    private final Supplier<TeamKey> key;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Page page;
    private volatile List<Cases.Listed> cases = List.of();
    private volatile String caseId;
    private volatile String profile = Profile.NAMES.get(0);
    private volatile String certificateTyped = "";
    private volatile boolean identities;
    /** What a person said they read and may go as it is (record, attachment or case ids), in the order said. */
    private volatile Set<String> reviewed = Set.of();
    /** The files a person said may go with the place their metadata records. */
    private volatile Set<String> located = Set.of();
    private volatile Certificate recipient;
    private volatile EvidenceExport.Preview preview;
    private volatile EvidenceExport.Built built;
    private volatile GawahException problem;
    private volatile int recordsDone;
    private volatile int recordsOf;
    private volatile String attachment;
    private volatile int attachmentPercent;
    private volatile boolean wiped;

    ExportModel(Path home, Supplier<TeamKey> key) {
        this.home = home;
        this.key = key;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Page page() {
        return page;
    }

    /** The cases to choose from, {@code chosen} chosen (null: the one chosen before, or the first). */
    void begin(String chosen) {
        if (chosen != null) {
            choose(chosen, profile, certificateTyped, identities);
        }
        if (key.get() == null) {
            show(Page.NEEDS_RECORDS);
            return;
        }
        Page back = preview != null ? Page.PREVIEW : Page.CHOOSING;
        work(() -> {
            TeamKey unlocked = unlocked();
            cases = List.copyOf(Cases.list(TeamKey.home(home), unlocked.team(home), TeamKey::locked));
            if (caseId == null && !cases.isEmpty()) {
                caseId = cases.get(0).id();
            }
            return back;
        }, Page.CHOOSING);
    }

    /**
     * What is chosen on the page: the case, the profile ({@link Profile#NAMES}), the
     * certificate's file as typed (blank: not encrypted), whether identities may go where the
     * witness consented. A change forgets the preview: what it showed may no longer hold.
     */
    void choose(String chosenCase, String chosenProfile, String certificate, boolean withIdentities) {
        String typed = certificate == null ? "" : certificate.strip();
        boolean changed = !Objects.equals(chosenCase, caseId) || !Objects.equals(chosenProfile, profile)
                || !typed.equals(certificateTyped) || withIdentities != identities;
        if (!Objects.equals(chosenCase, caseId)) {
            // What was said of one case's records and files is not said of another's.
            reviewed = Set.of();
            located = Set.of();
        }
        caseId = chosenCase;
        profile = chosenProfile;
        certificateTyped = typed;
        identities = withIdentities;
        if (changed) {
            preview = null;
            recipient = null;
            built = null;
            if (page == Page.PREVIEW || page == Page.BUILT) {
                page = Page.CHOOSING;
            }
        }
    }

    /** Reads the certificate (if one is given) and previews the package: nothing is written or logged. */
    void runPreview() {
        built = null;
        work(() -> {
            TeamKey unlocked = unlocked();
            recipient = certificateTyped.isEmpty() ? null
                    : EvidenceExport.recipient(path(certificateTyped, Messages.of("export.certificate.what")), null,
                            Instant.now());
            preview = EvidenceExport.preview(TeamKey.home(home), unlocked.team(home), TeamKey::locked, unlocked::signer,
                    request(), progress());
            return Page.PREVIEW;
        }, Page.CHOOSING);
    }

    /**
     * Builds the previewed package into {@code folderTyped}, named by its id ({@code GWE-….zip},
     * or {@code .zip.pgp} encrypted), with its reports and, encrypted, the custodian's certificate
     * beside it; logged as {@code gawah export} logs it.
     */
    void build(String folderTyped) {
        if (preview == null) {
            return;
        }
        problem = null;
        recordsDone = 0;
        attachment = null;
        show(Page.BUILDING);
        try {
            TeamKey unlocked = unlocked();
            Path folder = path(folderTyped, Messages.of("export.folder.what"));
            String bagId = RecordId.randomExport();
            Path out = folder.resolve(bagId + (recipient == null ? ".zip" : ".zip.pgp"));
            built = EvidenceExport.build(TeamKey.home(home), unlocked.team(home), TeamKey::locked, unlocked::signer,
                    request(), bagId, out, progress());
            show(Page.BUILT);
        } catch (GawahException e) {
            problem = e;
            show(Page.PREVIEW);
        } catch (IOException e) {
            problem = new GawahException(Failure.MISSING_INPUT, Messages.of("export.cannot-write", e.getMessage()));
            show(Page.PREVIEW);
        }
    }

    private EvidenceExport.Request request() {
        if (caseId == null) {
            throw new GawahException(Failure.USAGE, Messages.of("export.no-case"), Messages.of("export.no-case.hint"));
        }
        return new EvidenceExport.Request(caseId, Profile.named(profile), recipient, identities,
                Reviewed.ids(List.copyOf(reviewed), null, null, caseId, List.copyOf(located)), null);
    }

    /**
     * A person says they read {@code id} (a record, an attachment, or the case's title and notes)
     * and it may go as it is ({@code said}), or takes it back; then the preview is read again
     * with it, as {@code gawah export --reviewed ID} would read it.
     */
    void review(String id, boolean said) {
        reviewed = changed(reviewed, id, said);
        runPreview();
    }

    /**
     * A person says the file {@code id} may go with the place its metadata records ({@code said}),
     * or takes it back; then the preview is read again, as {@code --with-location ID} would read it.
     */
    void withLocation(String id, boolean said) {
        located = changed(located, id, said);
        runPreview();
    }

    private static Set<String> changed(Set<String> ids, String id, boolean said) {
        Set<String> next = new LinkedHashSet<>(ids);
        if (said) {
            next.add(id);
        } else {
            next.remove(id);
        }
        return java.util.Collections.unmodifiableSet(next);
    }

    /** What a person said they read and may go, in the order said. */
    Set<String> reviewed() {
        return reviewed;
    }

    /** The files a person said may go with their location, in the order said. */
    Set<String> located() {
        return located;
    }

    /** A path typed into the page: blank, or not a path on this computer, is said so. */
    private static Path path(String typed, org.gawah.Message what) {
        if (typed == null || typed.isBlank()) {
            throw new GawahException(Failure.USAGE, Messages.of("export.path-empty", what));
        }
        try {
            return Path.of(typed.strip());
        } catch (InvalidPathException e) {
            throw new GawahException(Failure.USAGE, Messages.of("export.not-a-path", what));
        }
    }

    private EvidenceExport.Progress progress() {
        return new EvidenceExport.Progress() {
            @Override
            public void record(String recordId, int done, int of) {
                recordsDone = done;
                recordsOf = of;
                attachment = null;
                changed();
            }

            @Override
            public void attachment(String attachmentId, long done, long of) {
                int percent = of <= 0 ? 100 : (int) Math.min(100, done * 100 / of);
                // Told once a percent, not once a read: the page draws each change.
                if (!attachmentId.equals(attachment) || percent != attachmentPercent) {
                    attachment = attachmentId;
                    attachmentPercent = percent;
                    changed();
                }
            }
        };
    }

    private TeamKey unlocked() {
        TeamKey unlocked = key.get();
        if (unlocked == null) {
            throw TeamKey.notUnlocked();
        }
        return unlocked;
    }

    private void work(java.util.concurrent.Callable<Page> step, Page onProblem) {
        problem = null;
        recordsDone = 0;
        recordsOf = 0;
        attachment = null;
        show(Page.WORKING);
        try {
            show(step.call());
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

    String caseId() {
        return caseId;
    }

    String profile() {
        return profile;
    }

    String certificateTyped() {
        return certificateTyped;
    }

    boolean identities() {
        return identities;
    }

    /** The certificate the package is encrypted to, once read by the preview; null when it is not encrypted. */
    Certificate recipient() {
        return recipient;
    }

    EvidenceExport.Preview preview() {
        return preview;
    }

    EvidenceExport.Built built() {
        return built;
    }

    GawahException problem() {
        return problem;
    }

    int recordsDone() {
        return recordsDone;
    }

    int recordsOf() {
        return recordsOf;
    }

    /** The attachment being decrypted into the package, or null. */
    String attachment() {
        return attachment;
    }

    int attachmentPercent() {
        return attachmentPercent;
    }

    /**
     * Each place the preview found a witness's name or contact in what goes redacted, the case
     * title or the analysts' notes, with up to {@value #CONTEXT} characters either side (cut at a
     * space where there is one, never inside a letter written with two chars), line breaks as spaces.
     */
    List<Excerpt> excerpts() {
        EvidenceExport.Preview shown = preview;
        return shown == null ? List.of() : excerpts(shown.matches());
    }

    /** The excerpts of these matches, by record (or case), in order. */
    static List<Excerpt> excerpts(Map<String, List<Redaction.Match>> matches) {
        List<Excerpt> excerpts = new ArrayList<>();
        for (Map.Entry<String, List<Redaction.Match>> record : matches.entrySet()) {
            for (Redaction.Match match : record.getValue()) {
                String text = match.text();
                for (Finder.Span span : match.spans()) {
                    int from = cut(text, Math.max(0, span.start() - CONTEXT), true, span.start());
                    int to = cut(text, Math.min(text.length(), span.end() + CONTEXT), false, span.end());
                    excerpts.add(new Excerpt(record.getKey(), match.path(),
                            (from > 0 ? "..." : "") + flat(text.substring(from, span.start())),
                            flat(text.substring(span.start(), span.end())),
                            flat(text.substring(span.end(), to)) + (to < text.length() ? "..." : "")));
                }
            }
        }
        return excerpts;
    }

    /** Moves a cut to the nearest space towards the match (if any), and off the second half of a surrogate pair. */
    private static int cut(String text, int at, boolean before, int limit) {
        int space = before ? text.indexOf(' ', at) : text.lastIndexOf(' ', at);
        boolean usable = before ? space >= 0 && space < limit : space > limit;
        if (usable && at != 0 && at != text.length()) {
            at = before ? space + 1 : space;
        }
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at += before ? 1 : -1;
        }
        return at;
    }

    private static String flat(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    private void changed() {
        if (!wiped) {
            listeners.forEach(Runnable::run);
        }
    }

    private void show(Page next) {
        if (wiped) {
            return;
        }
        page = next;
        listeners.forEach(Runnable::run);
    }

    /** Lock: the preview (which holds testimony), the titles and what was built are dropped. */
    @Override
    public void wipe() {
        wiped = true;
        cases = List.of();
        preview = null;
        built = null;
        recipient = null;
        reviewed = Set.of();
        located = Set.of();
    }
}
