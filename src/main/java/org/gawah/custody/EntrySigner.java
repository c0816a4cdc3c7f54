package org.gawah.custody;

import java.util.List;
import java.util.Optional;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.openpgp.Certificate;
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

    /** The certificate of another analyst of a team vault, as the log admits it; empty when the log admits no such key. */
    @FunctionalInterface
    public interface Analysts {
        Optional<Certificate> admitted(String fingerprint);
    }

    /**
     * Before a new entry is chained onto the log's last one ({@code bytes} at {@code row}): that
     * entry must be this key's own, with a good signature made at its time. Signing a successor
     * vouches for everything before it ({@link ChainCheck#headOnly}), so an entry edited or
     * forged at the tail is refused here, never sealed into the chain. Returns the SHA-256 the
     * new entry's {@code prev_sha256} names.
     */
    public String chainOnto(Message where, long row, byte[] bytes, byte[] signature) {
        return chainOnto(where, row, bytes, signature, fingerprint -> Optional.empty());
    }

    /**
     * The same on a team vault's log, where the last entry may be another analyst's: then it must
     * carry a good signature by a key the log admits ({@code others}), checked with the
     * certificate the log vouches for. Whoever signed it, the new entry chains onto it.
     */
    public String chainOnto(Message where, long row, byte[] bytes, byte[] signature, Analysts others) {
        Entry last;
        try {
            last = Entry.parse(bytes);
        } catch (CustodyException e) {
            throw broken(where, row, Messages.of("custody.chain.malformed", e.problem()));
        }
        if (last.seq() != row) {
            throw broken(where, row, Messages.of("custody.chain.renumbered", last.seq()));
        }
        Certificate signer = last.actor().equals(actor()) ? key.certificate() : others.admitted(last.actor())
                .orElseThrow(() -> broken(where, row, Messages.of("custody.chain.unknown-actor", last.actor())));
        DetachedSignature.Verified verified;
        try {
            verified = DetachedSignature.verify(signature, bytes, List.of(signer));
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
