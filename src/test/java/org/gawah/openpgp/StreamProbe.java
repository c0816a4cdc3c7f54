package org.gawah.openpgp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.bouncycastle.bcpg.S2K;
import org.gawah.GawahException;

/**
 * Run in a JVM of its own by {@link Rfc9580MemoryTest} (and by hand, for the speed figures in
 * docs/format/sealed-record.md): {@code stream MIB DIR [v6|v4]} seals MIB mebibytes of
 * pseudo-random data to a file in DIR and opens it again, printing times and the heap's peak;
 * {@code locked-a5} unlocks RFC 9580's A.5 key and prints the refusal, if any.
 */
public final class StreamProbe {
    private StreamProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("locked-a5")) {
            unlockA5();
            return;
        }
        long size = Long.parseLong(args[1]) << 20;
        Path dir = Path.of(args[2]);
        boolean v6 = args.length < 4 || args[3].equals("v6");
        Instant now = Instant.now();
        char[] pass = "probe".toCharArray();
        S2K.Argon2Params cheap = new S2K.Argon2Params(1, 1, 10, new java.security.SecureRandom());
        SecretKey documenter = v6 ? KeyGenerator.generateV6("Documenter", pass, now, cheap) : CraftedKeys.v4("Documenter",
                CraftedKeys.Spec.plain(java.util.Date.from(now.minusSeconds(5))));
        SecretKey legal = v6 ? KeyGenerator.generateV6("Legal", pass, now, cheap) : CraftedKeys.v4("Legal",
                CraftedKeys.Spec.plain(java.util.Date.from(now.minusSeconds(5))));
        SigningKey signer = documenter.unlockForSigning(pass, now);
        Path sealed = dir.resolve("sealed-" + (v6 ? "v6" : "v4") + ".pgp");

        long t0 = System.nanoTime();
        String sha512;
        try (InputStream in = new RandomStream(size, 9580); OutputStream out = new BufferedOutputStream(Files.newOutputStream(sealed), 1 << 16)) {
            sha512 = Sealer.seal(in, size, out, signer, List.of(legal.certificate()), now);
        }
        long t1 = System.nanoTime();
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        Opened opened;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(sealed), 1 << 16)) {
            opened = Opener.openTo(in, new java.security.DigestOutputStream(OutputStream.nullOutputStream(), digest), legal,
                    fpr -> pass.clone(), List.of(documenter.certificate()));
        }
        long t2 = System.nanoTime();
        if (!opened.contentSha512().equals(sha512) || !HexFormat.of().formatHex(digest.digest()).equals(sha512)) {
            throw new AssertionError("content changed");
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double mib = size / (double) (1 << 20);
        System.out.printf("%s %d MiB: sealed %d bytes (overhead %d) in %.2f s (%.1f MiB/s), opened in %.2f s (%.1f MiB/s), "
                        + "max heap %d MiB, peak heap used %d MiB%n",
                v6 ? "SEIPDv2/v6" : "SEIPDv1/v4", size >> 20, Files.size(sealed), Files.size(sealed) - size,
                (t1 - t0) / 1e9, mib / ((t1 - t0) / 1e9), (t2 - t1) / 1e9, mib / ((t2 - t1) / 1e9),
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        Files.delete(sealed);
    }

    /**
     * Unlocks RFC 9580's A.5 key with its passphrase and compares the key material with A.4's
     * (exit 0, "same key material as A.4"), or prints the refusal and exits with its code.
     */
    private static void unlockA5() throws Exception {
        try {
            SecretKey locked = SecretKey.parse(Rfc9580VectorsTest.vector("A.5-v6-locked-secret-key.asc"));
            SecretKey plain = SecretKey.parse(Rfc9580VectorsTest.vector("A.4-v6-secret-key.asc"));
            long start = System.nanoTime();
            // The subkey (the primary has the same parameters: one 2 GiB derivation is enough for a test).
            var id = new org.bouncycastle.bcpg.KeyIdentifier(org.bouncycastle.util.encoders.Hex.decode(Rfc9580VectorsTest.SUBKEY));
            byte[] unlocked = locked.unlock(id, "correct horse battery staple".toCharArray())
                    .getPrivateKeyDataPacket().getEncoded();
            byte[] expected = plain.unlock(id, new char[0]).getPrivateKeyDataPacket().getEncoded();
            if (!java.util.Arrays.equals(unlocked, expected)) {
                throw new AssertionError("A.5 unlocked to other key material than A.4");
            }
            System.out.printf("same key material as A.4, unlocked in %.1f s%n", (System.nanoTime() - start) / 1e9);
            // The unlocked subkey decrypts the RFC's A.8.5 message, which Gawah then refuses as unsigned.
            try {
                Opener.open(Rfc9580VectorsTest.vector("A.8.5-x25519-aead-ocb-message.asc"), locked,
                        fpr -> new char[0], List.of(Rfc9580VectorsTest.certificate()));
            } catch (GawahException e) {
                System.out.println("A.8.5: " + e.failure());
            }
        } catch (GawahException e) {
            System.out.println(e.failure() + ": " + e.getMessage() + "\nhint: " + e.hint());
            System.exit(e.failure().exitCode());
        }
    }

    /** Pseudo-random bytes, one random MiB repeated as it is read: the data never exists whole in memory. */
    static final class RandomStream extends InputStream {
        private final byte[] block = new byte[1 << 20];
        private long left;
        private int at;

        RandomStream(long size, long seed) {
            this.left = size;
            new Random(seed).nextBytes(block);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), block.length - at);
            System.arraycopy(block, at, b, off, n);
            at = (at + n) % block.length;
            left -= n;
            return n;
        }
    }
}
