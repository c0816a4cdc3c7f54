package org.gawah.custody;

import org.gawah.openpgp.DetachedSignature;
import org.gawah.openpgp.SigningKey;

/** Signs custody entries with one unlocked key: the actor of every entry it signs. */
public final class EntrySigner {
    private final SigningKey key;

    public EntrySigner(SigningKey key) {
        this.key = key;
    }

    public String actor() {
        return key.fingerprint();
    }

    public Entry.Signed sign(Entry entry) {
        if (!entry.actor().equals(actor())) {
            throw new IllegalArgumentException("entry actor " + entry.actor() + " is not the signing key " + actor());
        }
        return new Entry.Signed(entry, DetachedSignature.sign(key, entry.canonical(), entry.time()));
    }
}
