package org.gawah.testimony;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.names.Folding;
import org.gawah.names.Keys;
import org.gawah.names.KnownKeys;

/**
 * A testimony's {@code name_keys} (docs/format/testimony.md): the witness's name, its other
 * spellings and the contact as keyed hashes of their {@link Keys}, and the key, sealed to the
 * testimony's recipients. Whoever opens the testimony can test a guess at the name; nobody can
 * read the name off the list, and a receiving body, who never holds a legal team's key, cannot
 * even test a guess.
 */
public final class NameKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Seals the 32-byte key (signs it and encrypts it to the testimony's recipients). */
    @FunctionalInterface
    public interface Sealer {
        byte[] seal(byte[] secret);
    }

    /** What a {@code name_keys} section holds, read back. */
    public record Section(String rules, byte[] sealedKey, byte[] hashes) {
    }

    private NameKeys() {
    }

    /**
     * The section for {@code identity}: its keys hashed under a new secret, or taken from
     * {@code ahead} when it hashed the same keys (null: none), and the secret sealed by {@code sealer}.
     */
    static ObjectNode of(JsonNode identity, Sealer sealer, Ahead ahead) {
        Set<String> keys = keysOf(identity);
        byte[] secret = null;
        byte[] hashes = ahead == null ? null : ahead.take(keys);
        try {
            if (hashes != null) {
                secret = ahead.secret;
            } else {
                secret = new byte[32];
                RANDOM.nextBytes(secret);
                hashes = KnownKeys.Hashed.list(secret, keys, RANDOM);
            }
            ObjectNode out = Sections.object();
            out.put("rules", Folding.RULES);
            out.put("algorithm", KnownKeys.Hashed.ALGORITHM);
            out.put("sealed_key", Base64.getEncoder().encodeToString(sealer.seal(secret)));
            out.put("hashes", Base64.getEncoder().encodeToString(hashes));
            return out;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /** The keys of the witness's name, its other spellings and the contact. */
    private static Set<String> keysOf(JsonNode identity) {
        List<String> spellings = new ArrayList<>();
        spellings.add(identity.path("name").textValue());
        identity.path("other_names").forEach(n -> spellings.add(n.textValue()));
        return Keys.ofPerson(spellings, identity.path("contact").textValue());
    }

    /**
     * A witness's name keys hashed ahead of the seal, on a thread of their own: a key with digits
     * costs Argon2id, about a tenth of a second of one core each (KnownKeys.Hashed), which then runs
     * while the passphrase is asked and the signing key unlocked instead of after them. The seal
     * ({@link Testimonies#build}) takes the hashes and their secret when they are of the keys it
     * would hash, and hashes anew when not; the same rules, the same random secret and padding as
     * without it. Closing it wipes the secret if the seal did not take it.
     */
    public static final class Ahead implements AutoCloseable {
        private final Set<String> keys;
        private final byte[] secret = new byte[32];
        private final FutureTask<byte[]> hashes;
        private boolean taken;
        private boolean used;

        private Ahead(Set<String> keys) {
            this.keys = keys;
            RANDOM.nextBytes(secret);
            hashes = new FutureTask<>(() -> KnownKeys.Hashed.list(secret, keys, RANDOM));
            Thread thread = new Thread(hashes, "gawah-name-keys");
            thread.setDaemon(true);
            thread.start();
        }

        /** Starts hashing the keys of {@code identity} (an identity document); null when there is none. */
        static Ahead start(JsonNode identity) {
            return identity == null ? null : new Ahead(keysOf(identity));
        }

        /** The hashed list when it is of exactly {@code wanted}, once; null otherwise (the secret is then wiped). */
        private synchronized byte[] take(Set<String> wanted) {
            if (taken) {
                return null;
            }
            taken = true;
            byte[] list = finished();
            if (!keys.equals(wanted)) {
                Arrays.fill(secret, (byte) 0);
                return null;
            }
            used = true;
            return list;
        }

        /** Whether a seal took the hashes (tests). */
        synchronized boolean used() {
            return used;
        }

        /** Whether the secret is all zeros now (tests). */
        synchronized boolean wiped() {
            for (byte b : secret) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Waits for the hashing and gives its list. */
        private byte[] finished() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return hashes.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /**
         * Wipes the secret unless the seal took it (and wiped it itself). A hashing still running
         * is not waited for (a refusal is not held up by it): it works on its own copy of the
         * secret, which it wipes when done, and what it makes is never used.
         */
        @Override
        public synchronized void close() {
            if (!taken) {
                taken = true;
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /**
     * The section of a sealed testimony, or null when it has none or it is not one this version
     * reads (rules gawah.names/1, every key by HMAC, and gawah.names/2 are read).
     */
    public static Section read(JsonNode testimony) {
        JsonNode node = testimony.path("name_keys");
        String algorithm = KnownKeys.Hashed.algorithmOf(node.path("rules").asText(""));
        if (!node.isObject() || algorithm == null || !algorithm.equals(node.path("algorithm").textValue())
                || !node.path("sealed_key").isTextual() || !node.path("hashes").isTextual()) {
            return null;
        }
        try {
            byte[] hashes = Base64.getDecoder().decode(node.get("hashes").textValue());
            if (hashes.length == 0 || hashes.length % KnownKeys.Hashed.SIZE != 0) {
                return null;
            }
            return new Section(node.path("rules").asText(""), Base64.getDecoder().decode(node.get("sealed_key").textValue()),
                    hashes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
