package org.gawah.testimony;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

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

    static ObjectNode of(JsonNode identity, Sealer sealer) {
        List<String> spellings = new ArrayList<>();
        spellings.add(identity.path("name").textValue());
        identity.path("other_names").forEach(n -> spellings.add(n.textValue()));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        try {
            byte[] hashes = KnownKeys.Hashed.list(secret, Keys.ofPerson(spellings, identity.path("contact").textValue()),
                    RANDOM);
            ObjectNode out = Sections.object();
            out.put("rules", Folding.RULES);
            out.put("algorithm", KnownKeys.Hashed.ALGORITHM);
            out.put("sealed_key", Base64.getEncoder().encodeToString(sealer.seal(secret)));
            out.put("hashes", Base64.getEncoder().encodeToString(hashes));
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
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
