package org.gawah.openpgp;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106), version 0x13, one lane, from Bouncy Castle: the slow, memory-hard hash of
 * the name keys that are digits (docs/format/testimony.md, "name_keys"). Here because only this
 * package may use Bouncy Castle; the parameters are the caller's, fixed by its format.
 */
public final class MemoryHardHash {
    private MemoryHardHash() {
    }

    /**
     * {@code length} bytes of Argon2id of {@code password} under {@code salt}. Bouncy Castle keeps
     * a copy of the salt in the builder and another in the parameters, both wiped here; it clears
     * its memory blocks and its pre-hash itself when the hash is done (1.87's generateBytes).
     */
    public static byte[] argon2id(byte[] password, byte[] salt, int memoryKib, int iterations, int length) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib).withIterations(iterations)
                .withParallelism(1).withSalt(salt);
        Argon2Parameters parameters = builder.build();
        builder.clear();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] out = new byte[length];
            generator.generateBytes(password, out);
            return out;
        } finally {
            parameters.clear();
        }
    }
}
