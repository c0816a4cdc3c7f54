package org.gawah.names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.gawah.openpgp.MemoryHardHash;

/**
 * The keys a matcher looks for: either in the clear (from an identity envelope this key can
 * open) or as keyed hashes (a record's {@code name_keys}, for a legal team that cannot open the
 * envelope and must not read the name).
 */
public interface KnownKeys {
    boolean contains(String key);

    boolean isEmpty();

    /**
     * Whether {@code marker} (an {@code n:} or {@code m:} key, which only says where a costly key
     * may be) could be one: a list made by rules without markers cannot rule anything out.
     */
    default boolean mayContain(String marker) {
        return contains(marker);
    }

    /** Wipes whatever secret this holds; it answers nothing afterwards. */
    default void wipe() {
    }

    /** Keys in the clear. */
    static KnownKeys plain(Set<String> keys) {
        Set<String> copy = Set.copyOf(keys);
        return new KnownKeys() {
            @Override
            public boolean contains(String key) {
                return copy.contains(key);
            }

            @Override
            public boolean isEmpty() {
                return copy.isEmpty();
            }
        };
    }

    /** Keys known only by their hashes under {@code secret}, by the current rules: {@link Hashed#list} made the list. */
    static Hashed hashed(byte[] secret, byte[] list) {
        return new Hashed(Folding.RULES, secret, list);
    }

    /** As above, by the rules a record's {@code name_keys} names, or null for rules this version does not know. */
    static Hashed hashed(String rules, byte[] secret, byte[] list) {
        return Hashed.algorithmOf(rules) != null ? new Hashed(rules, secret, list) : null;
    }

    /**
     * Each key hashed under a record's 32-byte secret and cut to its first 16 bytes: HMAC-SHA256
     * of its UTF-8 bytes, or, for a key holding a digit (a telephone number, an address with a house
     * number: a space small enough to try whole), Argon2id of them with the secret as salt (rules
     * gawah.names/2; rules gawah.names/1 hashed every key by HMAC). The list is sorted and padded
     * with random values to a multiple of {@value #PAD}, so that its length tells little about the
     * name (docs/format/testimony.md, "name_keys").
     *
     * <p>The secret's bytes are held here, not by a {@code javax.crypto.Mac}: HMAC is computed from
     * them with a {@link MessageDigest} (which zeroes its buffers after every digest), so that
     * {@link #wipe} leaves no copy of the secret in this object. A Mac's {@code SecretKeySpec} and
     * its padded keys would have lived, unwiped, until the collector took them.
     */
    final class Hashed implements KnownKeys {
        public static final int SIZE = 16;
        public static final int PAD = 64;
        public static final String ALGORITHM_V1 = "HMAC-SHA256/128";
        public static final String ALGORITHM = "HMAC-SHA256/128, digits Argon2id/128";
        /** Argon2id's memory for a key with digits, in KiB: 8 MiB, so that a seal and an export still fit a 32 MiB heap. */
        public static final int ARGON2_MEMORY_KIB = 8 * 1024;
        /** Argon2id's passes: about 0.1 s of one core for each key with digits (SECURITY.md, "Witness exposure"). */
        public static final int ARGON2_ITERATIONS = 20;
        public static final String RULES_V1 = "gawah.names/1";
        private static final int BLOCK = 64;

        private final boolean slowDigits;
        private final byte[] secret;
        private final byte[] inner = new byte[BLOCK];
        private final byte[] outer = new byte[BLOCK];
        private final MessageDigest sha256 = sha256();
        private final Set<String> hashes = new HashSet<>();
        /** The answer for each key with digits already hashed: each costs a tenth of a second. */
        private final Map<String, Boolean> slowAnswers = new HashMap<>();
        private int slowHashes;
        private boolean wiped;

        private Hashed(String rules, byte[] secret, byte[] list) {
            if (secret.length != 32) {
                throw new IllegalArgumentException("a 32-byte key");
            }
            if (list.length % SIZE != 0) {
                throw new IllegalArgumentException("a list of " + SIZE + "-byte hashes");
            }
            this.slowDigits = !rules.equals(RULES_V1);
            this.secret = secret.clone();
            for (int i = 0; i < BLOCK; i++) {
                inner[i] = (byte) ((i < secret.length ? secret[i] : 0) ^ 0x36);
                outer[i] = (byte) ((i < secret.length ? secret[i] : 0) ^ 0x5c);
            }
            for (int i = 0; i < list.length; i += SIZE) {
                hashes.add(Base64.getEncoder().encodeToString(Arrays.copyOfRange(list, i, i + SIZE)));
            }
        }

        @Override
        public synchronized boolean contains(String key) {
            if (wiped) {
                throw new IllegalStateException("name keys wiped");
            }
            if (slowDigits && hasDigit(key)) {
                return slowAnswers.computeIfAbsent(key, k -> hashes.contains(Base64.getEncoder().encodeToString(hash(k))));
            }
            return hashes.contains(Base64.getEncoder().encodeToString(hash(key)));
        }

        @Override
        public boolean mayContain(String marker) {
            return !slowDigits || contains(marker);
        }

        @Override
        public boolean isEmpty() {
            return hashes.isEmpty();
        }

        /** The algorithm a {@code name_keys} section made by {@code rules} names, or null for rules this version does not know. */
        public static String algorithmOf(String rules) {
            return RULES_V1.equals(rules) ? ALGORITHM_V1 : Folding.RULES.equals(rules) ? ALGORITHM : null;
        }

        /** How many keys with digits were hashed slowly so far: what a search cost. */
        public synchronized int slowHashes() {
            return slowHashes;
        }

        @Override
        public synchronized void wipe() {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(inner, (byte) 0);
            Arrays.fill(outer, (byte) 0);
            slowAnswers.clear();
            wiped = true;
        }

        /** The padded, sorted list of {@code keys} hashed under {@code secret} by the current rules. */
        public static byte[] list(byte[] secret, Set<String> keys, SecureRandom random) {
            Hashed hashing = new Hashed(Folding.RULES, secret, new byte[0]);
            try {
                int count = (keys.size() + PAD - 1) / PAD * PAD;
                byte[][] all = new byte[Math.max(count, PAD)][];
                int i = 0;
                for (String key : keys) {
                    all[i++] = hashing.hash(key);
                }
                while (i < all.length) {
                    all[i] = new byte[SIZE];
                    random.nextBytes(all[i++]);
                }
                Arrays.sort(all, Arrays::compareUnsigned);
                byte[] out = new byte[all.length * SIZE];
                for (int k = 0; k < all.length; k++) {
                    System.arraycopy(all[k], 0, out, k * SIZE, SIZE);
                }
                return out;
            } finally {
                hashing.wipe();
            }
        }

        /** One key's hash under {@code secret} by {@code rules}, as it stands in the list. */
        public static byte[] hash(String rules, byte[] secret, String key) {
            Hashed hashing = new Hashed(rules, secret, new byte[0]);
            try {
                return hashing.hash(key);
            } finally {
                hashing.wipe();
            }
        }

        private synchronized byte[] hash(String key) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            if (slowDigits && hasDigit(key)) {
                slowHashes++;
                return MemoryHardHash.argon2id(bytes, secret, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, SIZE);
            }
            // HMAC (RFC 2104) over SHA-256, from the padded secret held here.
            sha256.update(inner);
            sha256.update(bytes);
            byte[] inside = sha256.digest();
            sha256.update(outer);
            sha256.update(inside);
            byte[] mac = sha256.digest();
            Arrays.fill(inside, (byte) 0);
            byte[] cut = Arrays.copyOf(mac, SIZE);
            Arrays.fill(mac, (byte) 0);
            return cut;
        }

        /** Whether a key holds an ASCII digit (folding made every digit ASCII). */
        static boolean hasDigit(String key) {
            for (int i = 0; i < key.length(); i++) {
                if (key.charAt(i) >= '0' && key.charAt(i) <= '9') {
                    return true;
                }
            }
            return false;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
