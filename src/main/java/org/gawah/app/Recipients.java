package org.gawah.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;

/** Everyone a record's testimony goes to, and the narrower set that also gets the witness's identity. */
public record Recipients(List<Certificate> all, List<Certificate> protection) {
    public Recipients {
        all = List.copyOf(all);
        protection = List.copyOf(protection);
    }

    /**
     * The pinned legal and protection keys (and the own key when {@code selfReadable}), each
     * checked for encryption at {@code now}; refused when no one is pinned to seal to.
     */
    public static Recipients of(Keyring keyring, SecretKey own, boolean selfReadable, Instant now) {
        List<Certificate> protection = keyring.pinned(Role.PROTECTION);
        List<Certificate> all = new ArrayList<>(keyring.pinned(Role.LEGAL));
        all.addAll(protection);
        if (selfReadable) {
            all.add(own.certificate());
        }
        Map<String, Certificate> byFingerprint = new LinkedHashMap<>();
        all.forEach(c -> byFingerprint.putIfAbsent(c.fingerprint(), c));
        if (byFingerprint.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("record.no-recipients"), Messages.of("record.no-recipients.hint"));
        }
        for (Certificate recipient : byFingerprint.values()) {
            recipient.checkCanEncrypt(now);
        }
        return new Recipients(List.copyOf(byFingerprint.values()), protection);
    }

    /** A witness's identity needs someone to seal it to, apart from the testimony. */
    public void requireProtectionFor(boolean withIdentity) {
        if (withIdentity && protection.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("record.no-protection-key"),
                    Messages.of("record.no-protection-key.hint"));
        }
    }

    /** The fingerprints of the testimony's recipients, once each. */
    List<String> allFingerprints() {
        return fingerprints(all);
    }

    List<String> protectionFingerprints() {
        return fingerprints(protection);
    }

    private static List<String> fingerprints(List<Certificate> certificates) {
        return certificates.stream().map(Certificate::fingerprint).distinct().toList();
    }
}
