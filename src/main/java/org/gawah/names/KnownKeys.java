package org.gawah.names;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys a matcher looks for: either in the clear (from an identity envelope this key can
 * open) or as keyed hashes (a record's {@code name_keys}, for a legal team that cannot open the
 * envelope and must not read the name).
 */
public interface KnownKeys {
    boolean contains(String key);

    boolean isEmpty();

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

    /** Keys known only by their HMAC under {@code secret}: {@link Hashed#list} made the list. */
    static KnownKeys hashed(byte[] secret, byte[] list) {
        return new Hashed(secret, list);
    }

    /**
     * HMAC-SHA256 under a 32-byte key of each key's UTF-8 bytes, cut to its first 16 bytes; the list
     * sorted and padded with random values to a multiple of {@value #PAD}, so that its length tells
     * little about the name (docs/format/testimony.md, "name_keys").
     */
    final class Hashed implements KnownKeys {
        public static final int SIZE = 16;
        public static final int PAD = 64;
        public static final String ALGORITHM = "HMAC-SHA256/128";
        private final Mac mac;
        private final Set<String> hashes = new HashSet<>();

        private Hashed(byte[] secret, byte[] list) {
            if (list.length % SIZE != 0) {
                throw new IllegalArgumentException("a list of " + SIZE + "-byte hashes");
            }
            mac = mac(secret);
            for (int i = 0; i < list.length; i += SIZE) {
                hashes.add(Base64.getEncoder().encodeToString(Arrays.copyOfRange(list, i, i + SIZE)));
            }
        }

        @Override
        public boolean contains(String key) {
            return hashes.contains(Base64.getEncoder().encodeToString(hash(mac, key)));
        }

        @Override
        public boolean isEmpty() {
            return hashes.isEmpty();
        }

        /** The padded, sorted list of {@code keys} hashed under {@code secret}. */
        public static byte[] list(byte[] secret, Set<String> keys, SecureRandom random) {
            Mac mac = mac(secret);
            int count = (keys.size() + PAD - 1) / PAD * PAD;
            byte[][] all = new byte[Math.max(count, PAD)][];
            int i = 0;
            for (String key : keys) {
                all[i++] = hash(mac, key);
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
        }

        /** One key's hash under {@code secret}, as it stands in the list. */
        public static byte[] hash(byte[] secret, String key) {
            return hash(mac(secret), key);
        }

        private static byte[] hash(Mac mac, String key) {
            synchronized (mac) {
                return Arrays.copyOf(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)), SIZE);
            }
        }

        private static Mac mac(byte[] secret) {
            if (secret.length != 32) {
                throw new IllegalArgumentException("a 32-byte key");
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
            }
        }
    }
}
