package org.gawah.cli;

import java.util.List;
import java.util.stream.Collectors;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.openpgp.Opened;
import org.gawah.vault.LoggedRecord;

/**
 * Binds the signature inside a record to the custody log outside it: the key that signed the
 * testimony (or identity envelope) must be a documenter whose own signed log says it sealed this
 * record and whose bag brought it. Otherwise one documenter has wrapped another's sealed record
 * in a custody entry and bag of its own (SECURITY.md, "One documenter cannot claim another's
 * record"). Checked wherever a record is opened: open, export, and import when it can decrypt.
 */
final class Provenance {
    private Provenance() {
    }

    /** Refuses {@code opened} ({@code subject}: the record, or its identity envelope) unless its signer brought the record. */
    static void requireBroughtBy(LoggedRecord record, String subject, Opened opened) {
        if (!record.broughtBy(opened.signerFingerprint())) {
            throw new GawahException(Failure.BAD_SIGNATURE,
                    Messages.of("provenance.other-documenter", subject, Display.fingerprint(opened.signerFingerprint()),
                            fingerprints(record.documenters())),
                    Messages.of("provenance.other-documenter.hint"));
        }
    }

    /** Names the documenters who claimed the record but did not sign it: their bags carried a copy of another's record. */
    static void warnOtherClaims(Terminal terminal, LoggedRecord record, Opened opened) {
        List<String> others = record.documenters().stream().filter(d -> !d.equals(opened.signerFingerprint())).toList();
        if (!others.isEmpty()) {
            terminal.warn(Messages.of("provenance.false-claim", record.id(), fingerprints(others),
                    Display.fingerprint(opened.signerFingerprint())));
        }
    }

    private static String fingerprints(List<String> documenters) {
        return documenters.stream().map(Display::fingerprint).collect(Collectors.joining(", "));
    }
}
