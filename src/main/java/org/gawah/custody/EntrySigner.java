package org.gawah.custody;

import java.util.List;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
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

    /**
     * Before a new entry is chained onto the log's last one ({@code bytes} at {@code row}): that
     * entry must be this key's own, with a good signature made at its time. Signing a successor
     * vouches for everything before it ({@link ChainCheck#headOnly}), so an entry edited or
     * forged at the tail is refused here, never sealed into the chain. Returns the SHA-256 the
     * new entry's {@code prev_sha256} names.
     */
    public String chainOnto(Message where, long row, byte[] bytes, byte[] signature) {
        Entry last;
        try {
            last = Entry.parse(bytes);
        } catch (CustodyException e) {
            throw broken(where, row, Messages.of("custody.chain.malformed", e.problem()));
        }
        if (last.seq() != row) {
            throw broken(where, row, Messages.of("custody.chain.renumbered", last.seq()));
        }
        if (!last.actor().equals(actor())) {
            throw broken(where, row, Messages.of("custody.chain.unknown-actor", last.actor()));
        }
        DetachedSignature.Verified verified;
        try {
            verified = DetachedSignature.verify(signature, bytes, List.of(key.certificate()));
        } catch (GawahException e) {
            throw broken(where, row, Messages.of("custody.chain.bad-signature", e.message()));
        }
        if (!verified.signedAt().equals(last.time())) {
            throw broken(where, row, Messages.of("custody.chain.signed-at-other-time"));
        }
        return Digests.sha256(bytes);
    }

    private static GawahException broken(Message where, long row, Message problem) {
        return new GawahException(Failure.BAD_DATA, Messages.of("custody.chain.broken", where, row, problem),
                Messages.of("custody.chain.broken.hint"));
    }
}
