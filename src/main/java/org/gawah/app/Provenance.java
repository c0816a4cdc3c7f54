package org.gawah.app;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gawah.Failure;
import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.openpgp.Opened;
import org.gawah.vault.LoggedRecord;

/**
 * Binds the signature inside a record to the custody log outside it: the key that signed the
 * testimony (or identity envelope) must be a documenter whose own signed log says it sealed this
 * record and whose bag brought it. Otherwise one documenter has wrapped another's sealed record
 * in a custody entry and bag of its own (SECURITY.md, "One documenter cannot claim another's
 * record"). Checked wherever a record is opened: open, export, the window's records, and import
 * when it can decrypt.
 */
public final class Provenance {
    private Provenance() {
    }

    /** Refuses {@code opened} ({@code subject}: the record, or its identity envelope) unless its signer brought the record. */
    public static void requireBroughtBy(LoggedRecord record, String subject, Opened opened) {
        if (!record.broughtBy(opened.signerFingerprint())) {
            throw new GawahException(Failure.BAD_SIGNATURE,
                    Messages.of("provenance.other-documenter", subject, Fingerprints.grouped(opened.signerFingerprint()),
                            fingerprints(record.documenters())),
                    Messages.of("provenance.other-documenter.hint"));
        }
    }

    /**
     * The warning that names the documenters who claimed the record but did not sign it (their
     * bags carried a copy of another's record), for a face to show; empty when no one else claimed it.
     */
    public static Optional<Message> otherClaims(LoggedRecord record, Opened opened) {
        List<String> others = record.documenters().stream().filter(d -> !d.equals(opened.signerFingerprint())).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Messages.of("provenance.false-claim", record.id(), fingerprints(others),
                Fingerprints.grouped(opened.signerFingerprint())));
    }

    private static String fingerprints(List<String> documenters) {
        return documenters.stream().map(Fingerprints::grouped).collect(Collectors.joining(", "));
    }
}
