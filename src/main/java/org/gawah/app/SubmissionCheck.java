package org.gawah.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.bag.BagReader;
import org.gawah.bag.Submission;
import org.gawah.custody.Entry;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.tsp.LogTimestamps;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.SignedVault;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

/**
 * Checks a submission bag and judges it against this vault, writing nothing: the one check behind
 * {@code gawah verify BAG}, {@code gawah import} and the window's import page, so that all three
 * say the same of the same bag. What it finds comes back as a {@link SubmissionReport}; a bag that
 * fails a check of its own is refused with a GawahException naming what failed.
 */
public final class SubmissionCheck {
    /**
     * The keys a bag's signature is held to. {@code own}: this home's own certificate when it
     * vouches for a bag (a documenter checking what they made), else null. {@code reportUntrusted}:
     * a bag signed by anyone else is still checked, with the certificate it carries, so that the
     * report can say what else holds; without it, such a bag is refused at once.
     */
    public record Trust(List<Certificate> keys, Certificate own, boolean reportUntrusted) {
        public Trust {
            keys = List.copyOf(keys);
        }

        /**
         * As import holds a bag: to the documenters pinned here (this home's own key is not one of
         * them). Refuses a home without its own key, which signs the entries, or without a documenter.
         */
        public static Trust forImport(Home home, boolean reportUntrusted) {
            Keyring keyring = home.keyring();
            keyring.requireOwnKey();
            List<Certificate> documenters = keyring.pinned(Role.DOCUMENTER);
            if (documenters.isEmpty()) {
                throw new GawahException(Failure.NOT_READY, Messages.of("import.no-documenter"),
                        Messages.of("import.no-documenter.hint"));
            }
            return new Trust(documenters, null, reportUntrusted);
        }

        /**
         * As verify holds it: to the documenters pinned here; on a laptop that pins none, and so
         * imports nothing, to its own key, which vouches for a bag it made before it is sent
         * (gawah submit --help). A home that is not there trusts nobody.
         */
        public static Trust forVerify(Home home) {
            List<Certificate> pinned = new ArrayList<>(home.exists() ? home.keyring().pinned(Role.DOCUMENTER) : List.of());
            Optional<Certificate> own = home.exists() && pinned.isEmpty()
                    ? home.keyring().ownKey().map(SecretKey::certificate) : Optional.empty();
            own.ifPresent(pinned::add);
            return new Trust(pinned, own.orElse(null), true);
        }
    }

    private SubmissionCheck() {
    }

    /**
     * Checks {@code bag} completely (docs/format/submission-bag.md), its time-stamp tokens against
     * the authorities pinned here, and, when its signer is trusted and the home has a vault, what
     * the vault's signed log makes of it and of each record. {@code zipSha256} is asked for only
     * then. A bag that fails its own checks or its tokens' is refused; what this vault refuses is
     * in the report.
     */
    public static SubmissionReport check(Home home, BagReader bag, Supplier<String> zipSha256, Trust trust,
                                         BagReader.ProgressListener progress, Consumer<CheckStep> steps) {
        Submission.Verified verified;
        GawahException untrusted = null;
        try {
            verified = Submission.read(bag, trust.keys(), progress, CheckStep.of(steps));
        } catch (GawahException e) {
            if (e.failure() != Failure.UNKNOWN_SIGNER || !trust.reportUntrusted()) {
                throw e;
            }
            untrusted = e;
            verified = Submission.read(bag, List.of(Certificate.parse(bag.tag(Submission.CERTIFICATE))), progress,
                    CheckStep.of(steps));
        }
        steps.accept(CheckStep.TIMESTAMPS);
        List<LogTimestamps.Proof> proofs = BagTimestamps.check(home, verified);
        SubmissionReport.Signer signer = untrusted != null ? SubmissionReport.Signer.NOT_PINNED
                : trust.own() != null && trust.own().fingerprint().equals(verified.documenter().fingerprint())
                ? SubmissionReport.Signer.OWN : SubmissionReport.Signer.PINNED;
        Optional<Entry> before = Optional.empty();
        GawahException refused = null;
        List<SubmissionReport.Planned> records = unjudged(verified);
        if (untrusted == null && home.exists()) {
            steps.accept(CheckStep.THIS_VAULT);
            try (Vault vault = home.vault()) {
                SignedVault signed = home.signed(vault);
                before = judge(signed, verified, zipSha256.get());
                records = plan(signed, verified);
            } catch (GawahException e) {
                refused = e;
            }
        }
        return new SubmissionReport(verified, signer, untrusted, proofs, before, refused, records);
    }

    /**
     * What this vault makes of a bag that passed every check, writing nothing, judged from the
     * vault's signed log, never its imports table: the entry that logged importing these very
     * bytes, when they were imported before; a refusal when another file came under the id of a
     * bag of the same documenter, or when the bag replays or forks its documenter's log (another
     * documenter's bag with the same id is no reason); otherwise nothing, and import stores it.
     */
    static Optional<Entry> judge(SignedVault vault, Submission.Verified bag, String zipSha256) {
        Optional<Entry> before = vault.importedZip(bag.id(), zipSha256);
        if (before.isPresent()) {
            return before;
        }
        BagHistory.refuseReplayOrFork(vault, bag, zipSha256);
        return Optional.empty();
    }

    private static List<SubmissionReport.Planned> unjudged(Submission.Verified bag) {
        return bag.records().stream()
                .map(meta -> new SubmissionReport.Planned(meta, SubmissionReport.Fate.NOT_JUDGED, null)).toList();
    }

    /** Each record's fate in {@code vault}, a record that contradicts one of this documenter's included. */
    static List<SubmissionReport.Planned> plan(SignedVault vault, Submission.Verified bag) {
        List<SubmissionReport.Planned> planned = new ArrayList<>();
        for (Submission.RecordMeta meta : bag.records()) {
            planned.add(fate(vault, meta, bag));
        }
        return planned;
    }

    /**
     * A record id already here: the same sealed record (testimony, identity envelope, attachments)
     * is kept once, and this documenter's log is one more claim to it ({@code CLAIM}), which
     * opening decides; a different record under the id is this documenter's own contradiction
     * ({@code CONFLICT}: the bag is refused) or another documenter's record ({@code SKIPPED}:
     * that one record stays out, the rest of the bag comes in). A new record whose attachment ids
     * are taken is skipped too.
     */
    static SubmissionReport.Planned fate(SignedVault vault, Submission.RecordMeta meta, Submission.Verified bag) {
        String documenter = bag.documenter().fingerprint();
        Optional<LoggedRecord> here = vault.record(meta.id());
        if (here.isEmpty()) {
            for (String attachment : meta.attachments()) {
                if (vault.attachmentTaken(attachment)) {
                    return new SubmissionReport.Planned(meta, SubmissionReport.Fate.SKIPPED,
                            Messages.of("import.attachment-taken", meta.id(), bag.id(), attachment));
                }
            }
            return new SubmissionReport.Planned(meta, SubmissionReport.Fate.NEW, null);
        }
        if (sameRecord(here.get(), meta, bag)) {
            return new SubmissionReport.Planned(meta, here.get().broughtBy(documenter)
                    ? SubmissionReport.Fate.HERE : SubmissionReport.Fate.CLAIM, null);
        }
        if (here.get().broughtBy(documenter)) {
            return new SubmissionReport.Planned(meta, SubmissionReport.Fate.CONFLICT,
                    Messages.of("import.conflict", meta.id(), bag.id(), Fingerprints.grouped(documenter)));
        }
        return new SubmissionReport.Planned(meta, SubmissionReport.Fate.SKIPPED, Messages.of("import.conflict-skipped",
                meta.id(), bag.id(), Fingerprints.grouped(here.get().documenters().get(0))));
    }

    /** The refusal of a record that contradicts one this documenter brought before. */
    static GawahException conflict(Message why) {
        return new GawahException(Failure.BAD_DATA, why, Messages.of("import.conflict.hint"));
    }

    /** Whether the bag's record is byte for byte the one here: testimony, identity envelope, and attachments in order. */
    private static boolean sameRecord(LoggedRecord here, Submission.RecordMeta meta, Submission.Verified bag) {
        Map<String, String> sha256 = bag.payloadSha256();
        if (!Digests.sha256(here.testimony()).equals(sha256.get(meta.testimonyFile()))) {
            return false;
        }
        String identity = here.identity() == null ? null : Digests.sha256(here.identity());
        if (!Objects.equals(identity, meta.identityFile() == null ? null : sha256.get(meta.identityFile()))) {
            return false;
        }
        if (here.attachments().size() != meta.attachments().size()) {
            return false;
        }
        for (int i = 0; i < meta.attachments().size(); i++) {
            StoredAttachment stored = here.attachments().get(i);
            String id = meta.attachments().get(i);
            if (!stored.id().equals(id)
                    || !stored.sealedSha256().equals(sha256.get(Submission.RecordMeta.attachmentFile(id)))) {
                return false;
            }
        }
        return true;
    }

    /** The file's size, for progress. */
    public static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("import.cannot-read", file, e.getMessage()));
        }
    }

    /** The SHA-256 of the whole file: the bag's zip as the vault logs it. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("import.cannot-read", file, e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
