package org.gawah.openpgp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Whom a sealed message is encrypted to, read from its own public-key session-key packets
 * without decrypting anything: a vault's list of recipients is only a cache of this. A packet
 * names an encryption subkey (by key id, or by fingerprint for v6), so it is matched against
 * certificates; a packet with key id 0 (a hidden recipient) matches none.
 */
public final class SealedRecipients {
    private final List<KeyIdentifier> keys;

    private SealedRecipients(List<KeyIdentifier> keys) {
        this.keys = keys;
    }

    /** Reads the session-key packets in front of the encrypted data. */
    public static SealedRecipients of(byte[] sealed) {
        try {
            PacketBudget packets = new PacketBudget(Armor.decoder(sealed));
            packets.limit();
            PGPObjectFactory factory = new BcPGPObjectFactory(packets);
            Object first = Opener.nextSkippingMarkers(factory);
            if (!(first instanceof PGPEncryptedDataList)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("open.not-encrypted"));
            }
            List<KeyIdentifier> keys = new ArrayList<>();
            for (PGPEncryptedData data : (PGPEncryptedDataList) first) {
                if (data instanceof PGPPublicKeyEncryptedData) {
                    keys.add(((PGPPublicKeyEncryptedData) data).getKeyIdentifier());
                }
            }
            return new SealedRecipients(keys);
        } catch (IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw Opener.damaged(Messages.of("open.altered"), e);
        }
    }

    /**
     * How many public-key session-key packets lead the message, read from their headers alone (no
     * object per packet: {@code list} counts them for every record). A message this cannot read
     * counts as sealed to none; opening it says what is wrong.
     */
    public static int count(byte[] sealed) {
        int at = 0;
        int count = 0;
        while (at + 1 < sealed.length) {
            int first = sealed[at] & 0xff;
            if ((first & 0x80) == 0) {
                break;
            }
            int tag;
            int header;
            long length;
            if ((first & 0x40) != 0) {
                tag = first & 0x3f;
                int l1 = sealed[at + 1] & 0xff;
                if (l1 < 192) {
                    header = 2;
                    length = l1;
                } else if (l1 < 224 && at + 2 < sealed.length) {
                    header = 3;
                    length = ((l1 - 192) << 8) + (sealed[at + 2] & 0xff) + 192;
                } else {
                    break;
                }
            } else {
                tag = (first >> 2) & 0x0f;
                int bytes = (first & 3) == 0 ? 1 : (first & 3) == 1 ? 2 : (first & 3) == 2 ? 4 : 0;
                if (bytes == 0 || at + bytes >= sealed.length) {
                    break;
                }
                header = 1 + bytes;
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (sealed[at + 1 + i] & 0xff);
                }
            }
            if (tag == 1) {
                count++;
            } else if (tag != 10) { // a marker packet may come first
                break;
            }
            at += header + (int) Math.min(length, Integer.MAX_VALUE - at - header);
        }
        return count;
    }

    /** Whether {@code key} has a secret (sub)key that one of the session-key packets names. */
    public boolean includes(SecretKey key) {
        return keys.stream().anyMatch(id -> !id.isWildcard() && key.has(id));
    }

    /** The certificates among {@code known} that the message is sealed to, and the key ids that none of them holds. */
    public Matched match(List<Certificate> known) {
        List<Certificate> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (KeyIdentifier id : keys) {
            Certificate match = id.isWildcard() ? null
                    : known.stream().filter(c -> c.contains(id)).findFirst().orElse(null);
            if (match == null) {
                unknown.add(Fingerprints.keyId(id));
            } else if (found.stream().noneMatch(c -> c.fingerprint().equals(match.fingerprint()))) {
                found.add(match);
            }
        }
        return new Matched(List.copyOf(found), List.copyOf(unknown));
    }

    /** The result of {@link #match}: certificates found, and the key ids (upper-case hex) of the rest. */
    public record Matched(List<Certificate> certificates, List<String> unknown) {
    }
}
