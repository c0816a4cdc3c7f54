package org.gawah.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.gawah.Digests;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.openpgp.Armor;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Testimonies;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;

/**
 * Makes the hostile-input corpus (src/test/resources/org/gawah/hostile/) and the fuzz seeds
 * (src/test/resources/org/gawah/fuzz/), and writes cases.tsv (what each file is fed to, and what
 * must come out) and the corpus README from the same list. Every file is derived here, so the
 * corpus can be made again: {@code bench/hostile-corpus.sh}. New keys are made each time, so
 * every byte changes; the tests depend on the kinds, never on the bytes.
 */
public final class Corpus {
    static final String DIR = "org/gawah/hostile";
    static final String FUZZ = "org/gawah/fuzz";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now();

    /** One run of one file: the command it meets, the exit code and words expected, how the file was made. */
    record Case(String file, String command, String exit, String says, String known, String how) {
        Case(String file, String command, int exit, String says, String known, String how) {
            this(file, command, Integer.toString(exit), says, known, how);
        }

        String line() {
            return String.join("\t", file, command, exit, says, known.isEmpty() ? "-" : known, how);
        }

        /** Whether {@code code} is the exit code expected ("41", or "41|67" when either is right). */
        boolean expects(int code) {
            return List.of(exit.split("\\|")).contains(Integer.toString(code));
        }

        boolean accepted() {
            return exit.equals("0");
        }
    }

    private final Path dir;
    private final Path fuzz;
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, List<String>> seeds = new LinkedHashMap<>();
    private final Random random = new Random(6);
    private CorpusKeys keys;
    private SigningKey documenterSigner;
    private SigningKey legalSigner;
    private Certificate legalCertificate;
    private PGPPublicKey legalEncryption;

    private Corpus(Path resources) {
        this.dir = resources.resolve(DIR);
        this.fuzz = resources.resolve(FUZZ);
    }

    /** {@code args[0]}: the test resources folder (src/test/resources). */
    public static void main(String[] args) throws Exception {
        Corpus corpus = new Corpus(Path.of(args.length > 0 ? args[0] : "src/test/resources"));
        corpus.make();
    }

    private void make() throws Exception {
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir.resolve("valid"));
        keys = CorpusKeys.generate(dir);
        documenterSigner = CorpusKeys.signingKey(keys.documenter);
        legalSigner = CorpusKeys.signingKey(keys.legal);
        legalCertificate = CorpusKeys.certificate(keys.legal);
        legalEncryption = CorpusKeys.encryptionKey(keys.legal);
        Files.writeString(dir.resolve("keys/documenter.asc"), CorpusKeys.armoredCertificate(keys.documenter));
        Files.writeString(dir.resolve("keys/legal.asc"), CorpusKeys.armoredCertificate(keys.legal));
        Files.writeString(dir.resolve("keys/stranger.asc"), CorpusKeys.armoredCertificate(keys.stranger));

        Path work = Files.createTempDirectory("gawah-corpus");
        try {
            BagsMade made = bags(work);
            messages();
            certificates();
            testimonies();
            bagCases(made);
            packageCases(made);
            ownKeys();
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        writeIndex();
        writeSeeds();
    }

    // ------------------------------------------------------------------ messages

    /** The sample testimony as Gawah builds it: the bytes a documenter's key signs. */
    private byte[] sampleTestimony() {
        return Testimonies.build(Homes.sampleInput(), "GWH-7K3M-9QXA-2D4F-8ZZP", NOW).testimony();
    }

    private void messages() throws Exception {
        byte[] testimony = sampleTestimony();
        byte[] valid = Sealer.seal(testimony, documenterSigner, List.of(legalCertificate), NOW);
        valid("message.pgp", valid, "opener", "a sealed record as `gawah record` makes it (Sealer)");
        byte[] inner = decryptedPackets(testimony);
        valid("inner-packets.bin", inner, "inner", "the packets inside a sealed record's encryption: one-pass "
                + "signature, literal data, signature (made with the corpus keys)");
        List<Packets.Packet> parts = Packets.split(valid);
        byte[] pkesk = parts.get(0).encoded();
        byte[] seipd = parts.get(1).encoded();

        message("message-empty.pgp", new byte[0], 41, "not an encrypted OpenPGP message", "an empty file");
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        noise[0] = (byte) 0x85; // looks like an old-format packet header
        message("message-random-bytes.pgp", noise, 41, "", "4 KiB of seeded random bytes, the first made a packet header");
        String armored = Armor.armor(valid);
        int crc = armored.lastIndexOf("\n=") + 2;
        message("message-armor-bad-checksum.asc", (armored.substring(0, crc) + (armored.charAt(crc) == 'A' ? 'B' : 'A')
                + armored.substring(crc + 1)).getBytes(StandardCharsets.US_ASCII), 41, "",
                "the valid message armoured, one character of the CRC-24 line changed");
        message("message-armor-header-only.asc", "-----BEGIN PGP MESSAGE-----\n\n".getBytes(StandardCharsets.US_ASCII), 41,
                "", "an armour header and nothing else");
        message("message-truncated-in-pkesk.pgp", Arrays.copyOf(valid, pkesk.length / 2), 41, "",
                "the valid message cut in the middle of its session key packet");
        message("message-truncated-after-pkesk.pgp", Arrays.copyOf(valid, pkesk.length), 41, "",
                "the valid message cut right after its session key packet");
        message("message-truncated-in-seipd.pgp", Arrays.copyOf(valid, pkesk.length + seipd.length / 2), 41, "",
                "the valid message cut in the middle of its encrypted data");
        message("message-truncated-last-byte.pgp", Arrays.copyOf(valid, valid.length - 1), 41, "",
                "the valid message without its last byte (inside the MDC)");
        message("message-pkesk-length-too-long.pgp", Packets.concat(Packets.header(Packets.PKESK, parts.get(0).body().length + 40),
                parts.get(0).body(), seipd), 41, "", "the session key packet's length says 40 bytes more than it has, "
                + "eating into the encrypted data packet");
        message("message-seipd-length-4gib.pgp", Packets.concat(pkesk, Packets.header(Packets.SEIPD, 0xFFFFFFFFL),
                parts.get(1).body()), 41, "", "the encrypted data packet's length says 4 GiB - 1; the file holds a few KiB");
        message("message-partial-length-1gib.pgp", Packets.concat(pkesk, new byte[] {(byte) (0xC0 | Packets.SEIPD), (byte) 0xFE},
                parts.get(1).body()), 41, "", "the encrypted data packet starts with a partial-length chunk of 2^30 bytes; "
                + "the file holds a few KiB");
        byte[] tiny = new byte[300_000];
        for (int i = 0; i < tiny.length; i += 2) {
            tiny[i] = (byte) 0xE0; // a partial chunk of 1 byte
            tiny[i + 1] = (byte) i;
        }
        message("message-partial-length-300k-chunks.pgp", Packets.concat(pkesk, new byte[] {(byte) (0xC0 | Packets.SEIPD)}, tiny),
                41, "", "the encrypted data packet as 150,000 partial-length chunks of one byte each, never ended");
        message("message-sed-no-mdc.pgp", encrypt(inner, false), 41, "no integrity protection",
                "the valid inner packets encrypted to the corpus legal key in a Symmetrically Encrypted Data packet "
                        + "(tag 9, no MDC) by Bouncy Castle");
        message("message-mdc-stripped.pgp", mdcStripped(inner), 41, "",
                "the valid inner packets encrypted without MDC by Bouncy Castle, then relabelled as an encrypted data packet with MDC (tag 18, version 1): the plaintext ends without its MDC packet");
        byte[] literal = Packets.literal("{\"schema\": \"x\"}\n".getBytes(StandardCharsets.UTF_8));
        message("message-compressed-twice.pgp", encrypt(Packets.compressed(1, Packets.compressed(1, inner)), true), 41,
                "literal", "the valid inner packets compressed twice (ZIP in ZIP), encrypted to the corpus legal key");
        byte[] deep = inner;
        for (int i = 0; i < 5000; i++) {
            deep = Packets.compressed(i % 2 == 0 ? 1 : 2, deep);
        }
        message("message-compressed-5000-deep.pgp", encrypt(deep, true), 41, "literal",
                "the valid inner packets inside 5,000 nested compressed packets (ZIP and ZLIB in turn), encrypted");
        // The ZLIB bombs of 1 GiB (a literal packet, a padding packet) are over 1 MiB even compressed:
        // Planner.madeNow makes them at test time, with these same methods and the corpus keys.
        message("message-bomb-bzip2-1gib.pgp", encrypt(bomb(keys.documenter, 3, 1L << 30), true), 41, "64 MiB",
                "one-pass signature, then a BZip2 compressed packet holding a literal packet of 1 GiB of zeros in "
                        + "partial-length chunks, encrypted to the corpus legal key", "compression bomb");
        byte[] ops = onePass(keys.documenter, HashAlgorithmTags.SHA512, false);
        message("message-20000-one-pass-signatures.pgp", encrypt(Packets.concat(Packets.repeat(ops, 20_000),
                Packets.literal(testimony)), true), 41, "20000 one-pass signatures",
                "20,000 one-pass signature packets before the literal data, encrypted");
        byte[] docSig = signature(keys.documenter, HashAlgorithmTags.SHA512, testimony);
        message("message-one-pass-key-differs.pgp", encrypt(Packets.concat(ops, Packets.literal(testimony),
                signature(keys.stranger, HashAlgorithmTags.SHA512, testimony)), true), 5, "",
                "one-pass signature naming the documenter's key, signature made by the stranger's key");
        message("message-one-pass-hash-differs.pgp", encrypt(Packets.concat(onePass(keys.documenter, HashAlgorithmTags.SHA256, false),
                Packets.literal(testimony), docSig), true), 5, "",
                "one-pass signature announcing SHA-256, signature made with SHA-512 by the documenter");
        message("message-one-pass-without-signature.pgp", encrypt(Packets.concat(ops, Packets.literal(testimony)), true), 41,
                "signature", "one-pass signature and literal data, no signature packet");
        message("message-signature-before-literal.pgp", encrypt(Packets.concat(docSig, Packets.literal(testimony)), true), 41,
                "literal", "an old-style signed message: the documenter's signature first, then the literal data, no one-pass");
        message("message-two-signatures-after-one-pass.pgp", encrypt(Packets.concat(ops, Packets.literal(testimony), docSig,
                docSig), true), 41, "signature", "one one-pass signature, literal data, then two signature packets");
        message("message-two-literals.pgp", encrypt(Packets.concat(ops, Packets.literal(testimony), Packets.literal(testimony),
                docSig), true), 41, "", "one-pass signature, two literal data packets, signature");
        message("message-encrypted-inside-encrypted.pgp", encrypt(valid, true), 41, "literal",
                "the valid message encrypted again, as the content of another encrypted message");
        message("message-trailing-packet.pgp", Packets.concat(valid, Packets.literal(literal)), 41, "",
                "the valid message followed by a literal data packet outside the encryption");
        ByteArrayOutputStream pkesks = new ByteArrayOutputStream();
        for (int i = 0; i < 2_000; i++) {
            byte[] body = parts.get(0).body().clone();
            body[1] = (byte) (i >> 8); // v3 PKESK: version, then the 8-byte key id
            body[2] = (byte) i;
            body[3] = (byte) 0x5A;
            pkesks.writeBytes(Packets.packet(Packets.PKESK, body));
        }
        add("message-2000-foreign-recipients.pgp", Packets.concat(pkesks.toByteArray(), seipd), "opener");
        String how2000 = "2,000 session key packets for key ids that are not ours, then the encrypted data (the error names "
                + "five and counts the rest)";
        cases.add(new Case("message-2000-foreign-recipients.pgp", "open", 29, "not encrypted to key", "", how2000));
        cases.add(new Case("message-2000-foreign-recipients.pgp", "verify-sealed", 29, "not encrypted to key", "", how2000));
        byte[] badPoint = parts.get(0).body().clone();
        for (int i = 12; i < 40 && i < badPoint.length; i++) {
            badPoint[i] = (byte) 0xFF;
        }
        message("message-pkesk-bad-ecdh-point.pgp", Packets.concat(Packets.packet(Packets.PKESK, badPoint), seipd), 41, "",
                "the session key packet for our key with its ephemeral X25519 point overwritten with 0xFF bytes");
        message("message-skesk-argon2-2tib.pgp", Packets.concat(argon2Skesk(31), seipd), 29, "no public-key recipients",
                "a v4 password (SKESK) packet with an Argon2 S2K asking for 2^31 KiB (2 TiB) of memory, crafted by hand, "
                        + "then encrypted data; no packet for a public key");
        message("message-100000-markers.pgp", Packets.repeat(Packets.marker(), 100_000), 41, "not an encrypted",
                "100,000 marker packets and nothing else");
        message("message-compression-unknown-algorithm.pgp", encrypt(Packets.packet(Packets.COMPRESSED,
                Packets.concat(new byte[] {99}, new byte[64])), true), 41, "",
                "a compressed packet naming algorithm 99, encrypted");
        byte[] corrupt = Packets.compressed(1, inner);
        for (int i = 8; i < corrupt.length; i += 7) {
            corrupt[i] ^= 0x55;
        }
        message("message-compressed-corrupt-deflate.pgp", encrypt(corrupt, true), 41, "",
                "the inner packets compressed (ZIP), every 7th byte of the deflate stream changed, encrypted");
        message("message-literal-name-length-lies.pgp", encrypt(Packets.concat(ops, Packets.packet(Packets.LITERAL,
                new byte[] {'b', (byte) 200, 'x'}), docSig), true), 41, "",
                "a literal data packet whose file name length (200) runs past the end of the packet");
        byte[] sigBody = Packets.split(docSig).get(0).body().clone();
        sigBody[0] = 99;
        message("message-signature-version-99.pgp", encrypt(Packets.concat(ops, Packets.literal(testimony),
                Packets.packet(Packets.SIGNATURE, sigBody)), true), 41, "",
                "the signature packet's version changed to 99");
        message("message-signature-truncated.pgp", encrypt(Packets.concat(ops, Packets.literal(testimony),
                Packets.packet(Packets.SIGNATURE, Arrays.copyOf(sigBody, 20))), true), 41, "",
                "the signature packet cut to its first 20 bytes (with a true length)");
        // Correctly signed and encrypted, but not a testimony: what does open show?
        byte[] notUtf8 = "{\"schema\": \"gawah.testimony/1\", \"account\": {\"text\": \"caf\u00e9 \"}}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        sealedContent("message-testimony-invalid-utf8.pgp", notUtf8, "a testimony-like JSON text in Latin-1 (0xE9 alone: "
                + "not UTF-8), signed by the documenter and encrypted to the legal team with Gawah's own Sealer");
        sealedContent("message-testimony-invalid-json.pgp", "{\"schema\": \"gawah.testimony/1\", \"account\": {\"text\": "
                .getBytes(StandardCharsets.UTF_8), "a testimony cut short (invalid JSON), correctly signed and encrypted");
        sealedContent("message-testimony-terminal-escapes.pgp", ("{\"schema\": \"gawah.testimony/1\", \"account\": {\"text\": "
                + "\"\u001b]0;owned\u0007\u001b[2J\u001b[1;1H\"}}\n").getBytes(StandardCharsets.UTF_8),
                "JSON whose account holds terminal escape sequences (set title, clear screen), correctly signed and encrypted");
    }

    /** The packets a sealed record holds inside its encryption, made with the corpus documenter key. */
    private byte[] decryptedPackets(byte[] content) throws Exception {
        return Packets.concat(onePass(keys.documenter, HashAlgorithmTags.SHA512, false), Packets.literal(content),
                signature(keys.documenter, HashAlgorithmTags.SHA512, content));
    }

    private static byte[] onePass(PGPSecretKeyRing signer, int hash, boolean nested) throws Exception {
        return generator(signer, hash).generateOnePassVersion(nested).getEncoded();
    }

    private byte[] signature(PGPSecretKeyRing signer, int hash, byte[] data) throws Exception {
        PGPSignatureGenerator generator = generator(signer, hash);
        generator.update(data);
        return generator.generate().getEncoded();
    }

    private static PGPSignatureGenerator generator(PGPSecretKeyRing signer, int hash) throws PGPException {
        PGPPublicKey key = signer.getPublicKey();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(new BcPGPContentSignerBuilder(key.getAlgorithm(), hash), key);
        generator.init(PGPSignature.BINARY_DOCUMENT, CorpusKeys.primaryPrivate(signer));
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, Date.from(NOW));
        hashed.setIssuerFingerprint(false, key);
        generator.setHashedSubpackets(hashed.generate());
        return generator;
    }

    /** {@code inner} encrypted to the corpus legal key: AES-256, with or without MDC (tag 18 or 9). */
    private byte[] encrypt(byte[] inner, boolean mdc) throws Exception {
        return encrypt(legalEncryption, inner, mdc);
    }

    static byte[] encrypt(PGPPublicKey to, byte[] inner, boolean mdc) throws Exception {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(mdc)
                        .setSecureRandom(new SecureRandom()));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(to));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypted = generator.open(out, new byte[1 << 16])) {
            encrypted.write(inner);
        }
        return out.toByteArray();
    }

    /**
     * A tag-18 packet whose plaintext lacks the MDC packet: encrypted without MDC by Bouncy Castle
     * (tag 9), then re-labelled tag 18 with the version byte 1 in front. The content then lacks the
     * MDC packet a reader must find at its end.
     */
    private byte[] mdcStripped(byte[] inner) throws Exception {
        List<Packets.Packet> parts = Packets.split(Packets.concat(encryptFixed(inner, false)));
        byte[] body = Packets.concat(new byte[] {1}, parts.get(1).body());
        return Packets.concat(parts.get(0).encoded(), Packets.packet(Packets.SEIPD, body));
    }

    /** As {@link #encrypt}, with definite packet lengths (so that the packets can be taken apart). */
    private byte[] encryptFixed(byte[] inner, boolean mdc) throws Exception {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(mdc)
                        .setSecureRandom(new SecureRandom()));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(legalEncryption));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypted = generator.open(out, inner.length)) {
            encrypted.write(inner);
        }
        return out.toByteArray();
    }

    /**
     * One-pass signature, then a compressed packet holding a literal packet of {@code size} zero
     * bytes (partial-length chunks of 64 KiB); no signature: the reader never gets that far.
     */
    static byte[] bomb(PGPSecretKeyRing signer, int algorithm, long size) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(algorithm);
        try (OutputStream out = Packets.compressor(algorithm, body)) {
            out.write(onePass(signer, HashAlgorithmTags.SHA512, false));
            out.write(0xC0 | Packets.LITERAL);
            byte[] chunk = new byte[1 << 16];
            chunk[0] = 'b';
            out.write(0xF0);                       // partial chunk of 2^16: format, name length, time, data
            out.write(chunk);
            long left = size - (chunk.length - 6);
            Arrays.fill(chunk, (byte) 0);
            while (left > chunk.length) {
                out.write(0xF0);
                out.write(chunk);
                left -= chunk.length;
            }
            out.write(Packets.header(0, left), 1, Packets.header(0, left).length - 1);
            out.write(new byte[(int) left]);
        }
        return Packets.packet(Packets.COMPRESSED, body.toByteArray());
    }

    /** A compressed packet (ZLIB) holding one padding packet of {@code size} zero bytes in partial-length chunks of 64 KiB. */
    static byte[] paddingBomb(long size) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(2);
        try (OutputStream out = Packets.compressor(2, body)) {
            out.write(0xC0 | 21);
            byte[] chunk = new byte[1 << 16];
            for (long left = size; left > 0; left -= chunk.length) {
                out.write(0xF0);
                out.write(chunk);
            }
            out.write(0); // the last chunk: a length of 0
        }
        return Packets.packet(Packets.COMPRESSED, body.toByteArray());
    }

    /**
     * A v4 SKESK (RFC 9580 5.3.1) for AES-256 whose S2K is Argon2 (type 4: salt, t=1, p=4,
     * m=exponent), the S2K's key being the session key. (A v6 SKESK may only precede SEIPD v2.)
     */
    private byte[] argon2Skesk(int exponent) {
        byte[] s2k = new byte[20];
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        System.arraycopy(salt, 0, s2k, 1, 16);
        s2k[0] = 4;
        s2k[17] = 1;
        s2k[18] = 4;
        s2k[19] = (byte) exponent;
        return Packets.packet(Packets.SKESK, Packets.concat(new byte[] {4, SymmetricKeyAlgorithmTags.AES_256}, s2k));
    }

    private void sealedContent(String file, byte[] content, String how) throws Exception {
        byte[] sealed = Sealer.seal(content, documenterSigner, List.of(legalCertificate), NOW);
        add(file, sealed, "opener");
        cases.add(new Case(file, "open", 0, "", "", how + " (shown as signed: `open` does not read the testimony)"));
        cases.add(new Case(file, "verify-sealed", 41, "", "", how + " (not a zip once decrypted)"));
    }

    /** A hostile message: fed to {@code open --sealed} and, as an encrypted package, to {@code verify}. */
    private void message(String file, byte[] bytes, int exit, String says, String how) throws IOException {
        message(file, bytes, exit, says, how, "");
    }

    private void message(String file, byte[] bytes, int exit, String says, String how, String saysForVerify) throws IOException {
        add(file, bytes, file.contains("bomb") ? null : "opener");
        cases.add(new Case(file, "open", exit, says, "", how));
        cases.add(new Case(file, "verify-sealed", exit, saysForVerify, "", how));
    }

    // ------------------------------------------------------------------ certificates

    private void certificates() throws Exception {
        byte[] legal = certificate(keys.legal);
        valid("certificate.asc", Armor.armor(legal).getBytes(StandardCharsets.US_ASCII), "certificate",
                "the corpus legal team's certificate as `gawah keys export` writes it");
        List<Packets.Packet> parts = Packets.split(legal);
        // parts: public key, user id, its self-signature, subkey, its binding signature
        key("key-empty.asc", new byte[0], 41, "", "an empty file");
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        noise[0] = (byte) 0x99;
        key("key-random-bytes.pgp", noise, 41, "", "4 KiB of seeded random bytes, the first made a public-key packet header");
        String armored = Armor.armor(legal);
        int crc = armored.lastIndexOf("\n=") + 2;
        key("key-armor-bad-checksum.asc", (armored.substring(0, crc) + (armored.charAt(crc) == 'A' ? 'B' : 'A')
                + armored.substring(crc + 1)).getBytes(StandardCharsets.US_ASCII), 41, "",
                "the legal certificate armoured, one character of its CRC-24 changed");
        key("key-armor-not-base64.asc", ("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + "!@#$%^&*()\n".repeat(20)
                + "-----END PGP PUBLIC KEY BLOCK-----\n").getBytes(StandardCharsets.US_ASCII), 41, "",
                "armour lines that are not base64");
        key("key-truncated.pgp", Arrays.copyOf(legal, legal.length / 2), 41, "", "the binary certificate cut in half");
        key("key-packet-length-64k.pgp", Packets.concat(Packets.header(Packets.PUBLIC_KEY, 65_000), parts.get(0).body(),
                Arrays.copyOfRange(legal, parts.get(0).encoded().length, legal.length)), 17, "",
                "the public key packet's length says 65,000 bytes; the whole file is a few hundred (the key swallows "
                        + "its own signatures)");
        byte[] mpi = parts.get(0).body().clone();
        // v4 legacy EdDSA: version, time(4), algorithm, OID length, OID(9), MPI bit count(2), point
        int mpiAt = 1 + 4 + 1 + 1 + (mpi[6] & 0xff);
        mpi[mpiAt] = (byte) 0x40; // 16,384 bits claimed
        mpi[mpiAt + 1] = 0;
        key("key-mpi-16384-bits.pgp", Packets.concat(Packets.packet(Packets.PUBLIC_KEY, mpi),
                Arrays.copyOfRange(legal, parts.get(0).encoded().length, legal.length)), 41, "",
                "the Ed25519 point's MPI length says 16,384 bits");
        byte[] algorithm = parts.get(0).body().clone();
        algorithm[5] = 99;
        key("key-unknown-algorithm.pgp", withPrimary(legal, parts, algorithm), 41, "",
                "the primary key's algorithm changed to 99 (unknown), its signatures left as they were");
        byte[] v5 = parts.get(0).body().clone();
        v5[0] = 5;
        key("key-version-5.pgp", withPrimary(legal, parts, v5), 17, "", "the primary key packet's version changed to 5 "
                + "(read as a v5 key, whose signatures then fail)");
        byte[] v255 = parts.get(0).body().clone();
        v255[0] = (byte) 255;
        key("key-version-255.pgp", withPrimary(legal, parts, v255), 41, "", "the primary key packet's version changed to 255");
        byte[] curve = parts.get(3).body().clone();
        curve[8] ^= 0x01; // inside the subkey's curve OID (X25519: 1.3.6.1.4.1.3029.1.5.1)
        key("key-subkey-unknown-curve.pgp", replace(parts, 3, Packets.packet(Packets.PUBLIC_SUBKEY, curve)), 17, 0, "",
                "the encryption subkey's curve OID changed by one bit (an unknown curve): refused as a legal team's "
                        + "key; as a documenter's, whose primary key signs, accepted without the subkey");
        byte[] badUid = flipSignature(parts.get(2));
        key("key-bogus-user-id-signature.pgp", replace(parts, 2, badUid), 17, "",
                "the user ID's self-signature with one byte of its signature value changed");
        key("key-bogus-subkey-binding.pgp", replace(parts, 4, flipSignature(parts.get(4))), 17, 0, "",
                "the encryption subkey's binding signature with one byte of its value changed: refused as a legal "
                        + "team's key; accepted as a documenter's, without the subkey");
        byte[] noSubkey = bindingWithoutSubkey(legal);
        add("key-binding-signature-without-subkey.pgp", noSubkey, null);
        String howNoSubkey = "the legal certificate without its subkey packet: the subkey binding signature follows the user "
                + "ID's self-signature (what the fuzzer found by turning the subkey packet's tag into a trust packet's)";
        // Bouncy Castle's reading of this ring throws ClassCastException (OpenPGPUserId to OpenPGPSubkey), found by
        // CertificateFuzzTest; Certificate.parseAll reads it inside its try, so it is refused like any unreadable file.
        cases.add(new Case("key-binding-signature-without-subkey.pgp", "import-key-legal", "17|41", "", "", howNoSubkey));
        cases.add(new Case("key-binding-signature-without-subkey.pgp", "import-key-documenter", "17|41", "", "", howNoSubkey));
        key("key-user-id-signed-by-another-key.pgp", replace(parts, 2, certification(keys.stranger, keys.legal.getPublicKey(),
                "Legal team (hostile corpus)")), 17, "",
                "the user ID's self-signature replaced by a certification from the stranger's key");
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        many.writeBytes(parts.get(0).encoded());
        for (int i = 0; i < 3000; i++) {
            many.writeBytes(Packets.packet(Packets.USER_ID, ("Legal team " + i).getBytes(StandardCharsets.UTF_8)));
            many.writeBytes(badUid);
        }
        key("key-3000-user-ids-bogus.pgp", many.toByteArray(), 17, "",
                "the primary key with 3,000 user IDs, each with a self-signature whose value was changed (no subkey)");
        byte[] bigId = new byte[400_000];
        Arrays.fill(bigId, (byte) 'A');
        key("key-user-id-400k.pgp", Packets.concat(parts.get(0).encoded(), Packets.packet(Packets.USER_ID, bigId),
                flipSignature(parts.get(2)), parts.get(3).encoded(), parts.get(4).encoded()), 17, "",
                "a user ID of 400,000 bytes, its self-signature not matching");
        key("key-inside-compressed.pgp", Packets.compressed(1, legal), 41, "",
                "the legal certificate inside a compressed packet");
        byte[] nested = legal;
        for (int i = 0; i < 2000; i++) {
            nested = Packets.compressed(1, nested);
        }
        key("key-inside-2000-compressed.pgp", nested, 41, "", "the legal certificate inside 2,000 nested compressed packets");
        key("key-two-certificates.pgp", Packets.concat(legal, certificate(keys.stranger)), 0, "",
                "the legal certificate followed by the stranger's: each shown and pinned, never the first alone");
        key("key-rsa-1024.asc", rsa1024(), 17, "", "an RSA key of 1,024 bits with valid self-signatures (Bouncy Castle)");
        PGPSecretKey secretSub = null;
        for (PGPSecretKey k : keys.legal) {
            if (!k.isMasterKey()) {
                secretSub = k;
            }
        }
        byte[] secretSubPacket = Packets.split(secretSub.getEncoded()).get(0).encoded();
        key("key-public-with-secret-subkey.pgp", Packets.concat(parts.get(0).encoded(), parts.get(1).encoded(),
                parts.get(2).encoded(), secretSubPacket, parts.get(4).encoded()), 41, "",
                "the certificate with its encryption subkey as a secret-subkey packet (tag 7)");
        byte[] argon = v6Argon2Key(31);
        key("key-v6-secret-argon2-2tib.asc", argon, 41, "secret",
                "a v6 secret key (Ed25519/X25519, Bouncy Castle) whose Argon2 S2K memory exponent was set by hand to 31 "
                        + "(2^31 KiB = 2 TiB)");
    }

    /** A v4 certificate (primary, user ID, its signature, subkey, its binding) without the subkey packet. */
    static byte[] bindingWithoutSubkey(byte[] certificate) {
        List<Packets.Packet> parts = Packets.split(certificate);
        return Packets.concat(parts.get(0).encoded(), parts.get(1).encoded(), parts.get(2).encoded(), parts.get(4).encoded());
    }

    private static byte[] certificate(PGPSecretKeyRing ring) throws IOException {
        return ring.toCertificate().getEncoded();
    }

    private static byte[] withPrimary(byte[] legal, List<Packets.Packet> parts, byte[] primaryBody) {
        return Packets.concat(Packets.packet(Packets.PUBLIC_KEY, primaryBody),
                Arrays.copyOfRange(legal, parts.get(0).encoded().length, legal.length));
    }

    private static byte[] replace(List<Packets.Packet> parts, int index, byte[] packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            out.writeBytes(i == index ? packet : parts.get(i).encoded());
        }
        return out.toByteArray();
    }

    /** The signature packet with a byte of its signature value (near the end) changed. */
    private static byte[] flipSignature(Packets.Packet signature) {
        byte[] body = signature.body().clone();
        body[body.length - 5] ^= 0x01;
        return Packets.packet(Packets.SIGNATURE, body);
    }

    private byte[] certification(PGPSecretKeyRing by, PGPPublicKey of, String userId) throws Exception {
        PGPPublicKey key = by.getPublicKey();
        PGPSignatureGenerator generator = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(key.getAlgorithm(), HashAlgorithmTags.SHA512), key);
        generator.init(PGPSignature.POSITIVE_CERTIFICATION, CorpusKeys.primaryPrivate(by));
        PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
        hashed.setSignatureCreationTime(true, Date.from(NOW));
        hashed.setIssuerFingerprint(false, key);
        generator.setHashedSubpackets(hashed.generate());
        return generator.generateCertification(userId, of).getEncoded();
    }

    private byte[] rsa1024() throws Exception {
        OpenPGPKey key = new BcOpenPGPApi().generateKey(4, Date.from(NOW.minusSeconds(60)))
                .singletonRSAKey(1024, "Weak RSA (hostile corpus)").build();
        return Armor.armor(key.getPGPPublicKeyRing().getEncoded()).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A v6 secret key whose every Argon2 S2K asks for 2^exponent KiB: made by Bouncy Castle with its
     * default Argon2 parameters, then each S2K's memory byte overwritten (the S2K parameters are not
     * covered by any checksum; the secret material itself is left as it was).
     */
    private byte[] v6Argon2Key(int exponent) throws Exception {
        OpenPGPKey key = new BcOpenPGPApi().generateKey(6, Date.from(NOW.minusSeconds(60)))
                .ed25519x25519Key("Argon2 (hostile corpus)").build(Homes.PASSPHRASE.toCharArray());
        byte[] encoded = key.getPGPSecretKeyRing().getEncoded();
        int patched = 0;
        for (PGPSecretKey secret : key.getPGPSecretKeyRing()) {
            byte[] salt = secret.getS2K().getIV();
            int at = indexOf(encoded, salt);
            if (at < 1 || encoded[at - 1] != 4) {
                throw new IllegalStateException("no Argon2 S2K found");
            }
            encoded[at + salt.length + 2] = (byte) exponent; // salt, then passes, parallelism, memory exponent
            patched++;
        }
        if (patched == 0) {
            throw new IllegalStateException("no secret key");
        }
        return Armor.armor(encoded).replace("PUBLIC KEY", "PRIVATE KEY").getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void key(String file, byte[] bytes, int exit, String says, String how) throws IOException {
        key(file, bytes, exit, exit, says, how);
    }

    /** Fed to {@code keys import} as a legal team's key (must encrypt) and as a documenter's (must sign). */
    private void key(String file, byte[] bytes, int asLegal, int asDocumenter, String says, String how) throws IOException {
        add(file, bytes, "certificate");
        cases.add(new Case(file, "import-key-legal", asLegal, says, "", how));
        cases.add(new Case(file, "import-key-documenter", asDocumenter, asDocumenter == 0 ? "" : says, "", how));
    }

    // ------------------------------------------------------------------ own keys

    /**
     * A home whose own key is the v6 Argon2 key: opening a message sealed to it makes Gawah unlock
     * it, and so meet the Argon2 parameters.
     */
    private void ownKeys() throws Exception {
        for (int exponent : new int[] {31, 24}) {
            OpenPGPKey key = new BcOpenPGPApi().generateKey(6, Date.from(NOW.minusSeconds(60)))
                    .ed25519x25519Key("Argon2 own key (hostile corpus)").build(Homes.PASSPHRASE.toCharArray());
            byte[] encoded = key.getPGPSecretKeyRing().getEncoded();
            for (PGPSecretKey secret : key.getPGPSecretKeyRing()) {
                byte[] salt = secret.getS2K().getIV();
                int at = indexOf(encoded, salt);
                encoded[at + salt.length + 2] = (byte) exponent;
            }
            String name = exponent == 31 ? "own-key-v6-argon2-2tib" : "own-key-v6-argon2-16gib";
            add(name + ".asc", Armor.armor(encoded).getBytes(StandardCharsets.US_ASCII), null);
            PGPPublicKey encryption = null;
            for (PGPPublicKey k : key.getPGPPublicKeyRing()) {
                if (!k.isMasterKey()) {
                    encryption = k;
                }
            }
            PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                    new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true));
            generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(encryption));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream encrypted = generator.open(out, new byte[1 << 12])) {
                encrypted.write(decryptedPackets(sampleTestimony()));
            }
            add(name + ".message.pgp", out.toByteArray(), null);
            String memory = exponent == 31 ? "2^31 KiB (2 TiB)" : "2^24 KiB (16 GiB, the most Bouncy Castle allows by default)";
            String says = (1L << (exponent - 10)) + " MiB of memory; Gawah allows at most 2048 MiB";
            cases.add(new Case(name + ".asc", "own-key", 41, says, "",
                    "a v6 secret key (Bouncy Castle) whose Argon2 memory exponents were set by hand to " + exponent + " ("
                            + memory + "), installed as a home's own key; `open --sealed` is given " + name
                            + ".message.pgp, sealed to it, so the key must be unlocked: refused when the home is loaded"));
        }
    }

    // ------------------------------------------------------------------ testimony

    private void testimonies() throws Exception {
        byte[] sample = Homes.sampleInput();
        String text = new String(sample, StandardCharsets.UTF_8);
        valid("testimony.json", sample, null, "the sample testimony input (src/test/resources/org/gawah/testimony/full-input.json)");
        int place = text.indexOf("Safe location") + 4;
        testimony("testimony-utf8-overlong.json", insert(sample, place, new byte[] {(byte) 0xC0, (byte) 0xAF}), 65, "UTF-8",
                "the sample with an overlong UTF-8 encoding of '/' (C0 AF) inside interview.place");
        testimony("testimony-utf8-encoded-surrogate.json", insert(sample, place, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                65, "UTF-8", "the sample with an encoded UTF-16 surrogate (ED A0 80, CESU-8) inside interview.place");
        testimony("testimony-utf8-cut-sequence.json", insert(sample, place, new byte[] {(byte) 0xE2, (byte) 0x82}), 65, "UTF-8",
                "the sample with a 3-byte UTF-8 sequence cut after 2 bytes inside interview.place");
        testimony("testimony-utf8-bom.json", Packets.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, sample), 65, "",
                "the sample after a UTF-8 byte order mark");
        testimony("testimony-utf16.json", text.getBytes(StandardCharsets.UTF_16LE), 65, "",
                "the sample encoded in UTF-16LE");
        testimony("testimony-cut-short.json", Arrays.copyOf(sample, sample.length / 2), 65, "",
                "the sample cut in half (invalid JSON)");
        testimony("testimony-nesting-100000.json", (text.substring(0, text.lastIndexOf('}')) + ", \"deep\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}\n").getBytes(StandardCharsets.UTF_8), 65, "",
                "the sample with 100,000 nested arrays as the value of an extra member");
        testimony("testimony-number-100000-digits.json", text.replace("\"audio_video\": false",
                "\"audio_video\": " + "9".repeat(100_000)).getBytes(StandardCharsets.UTF_8), 65, "not valid JSON",
                "the sample with consent.audio_video a number of 100,000 digits");
        testimony("testimony-escaped-nul.json", text.replace("Safe location", "Safe\\u0000location")
                .getBytes(StandardCharsets.UTF_8), 65, "interview.place", "the sample with \\u0000 escaped inside interview.place");
        testimony("testimony-escaped-lone-surrogate.json", text.replace("Safe location", "Safe\\ud800location")
                .getBytes(StandardCharsets.UTF_8), 65, "interview.place", "the sample with an escaped lone surrogate \\ud800 in interview.place");
        testimony("testimony-place-64kib-plus-1.json", text.replace("\"Safe location in Herat province (exact address held by the legal team)\"",
                "\"" + "p".repeat(64 * 1024 + 1) + "\"").getBytes(StandardCharsets.UTF_8), 65, "interview.place",
                "the sample with interview.place 65,537 bytes long (the limit is 64 KiB)");
        testimony("testimony-key-60000-chars.json", (text.substring(0, text.lastIndexOf('}')) + ", \"" + "k".repeat(60_000)
                + "\": 1}\n").getBytes(StandardCharsets.UTF_8), 65, "", "the sample with an extra member whose name is 60,000 characters long");
        ObjectNode sql = sqlEverywhere();
        byte[] sqlBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sql);
        add("testimony-sql-metacharacters.json", sqlBytes, null);
        cases.add(new Case("testimony-sql-metacharacters.json", "record-and-open", 0, "", "",
                "the sample with SQL metacharacters (' \" ; -- /* */ % _ \\ and `DROP TABLE`) in every free-text field: "
                        + "recorded, submitted, imported, opened (testimony and identity): every field must come back "
                        + "exactly (SqlMetacharactersTest)"));
    }

    static final String SQL = "Robert'); DROP TABLE records;-- \" OR \"1\"=\"1 /* % _ \\ */ ; DELETE FROM custody WHERE 1=1; --";

    /** The sample input with {@link #SQL} (and the field's name) in every free-text field. */
    static ObjectNode sqlEverywhere() throws IOException {
        ObjectNode input = (ObjectNode) JSON.readTree(Homes.sampleInput());
        ObjectNode interview = (ObjectNode) input.get("interview");
        interview.put("place", "place " + SQL);
        for (var person : interview.get("present")) {
            if (!person.get("role").asText().equals("witness")) {
                ((ObjectNode) person).put("name", person.get("name").asText() + " " + SQL);
            }
        }
        ObjectNode witness = (ObjectNode) input.get("witness");
        witness.putArray("vulnerability").add("vulnerability " + SQL);
        witness.putArray("referrals_offered").add("referral " + SQL);
        ObjectNode earlier = (ObjectNode) witness.get("earlier_interviews").get(0);
        earlier.put("by", "by " + SQL);
        earlier.put("note", "note " + SQL);
        ((ObjectNode) input.get("source")).put("note", "source " + SQL);
        ((ObjectNode) input.get("account")).put("text", "account " + SQL + "\n" + SQL);
        input.put("documenter_notes", "notes " + SQL);
        for (var event : input.get("events")) {
            ObjectNode e = (ObjectNode) event;
            for (String field : List.of("place", "act_type", "method", "consequences", "perpetrator_type")) {
                if (e.has(field)) {
                    e.put(field, field + " " + SQL);
                }
            }
        }
        ObjectNode identity = (ObjectNode) input.get("identity");
        identity.put("name", "name " + SQL);
        identity.put("contact", "contact " + SQL);
        identity.put("notes", "identity notes " + SQL);
        return input;
    }

    private static byte[] insert(byte[] data, int at, byte[] bytes) {
        return Packets.concat(Arrays.copyOf(data, at), bytes, Arrays.copyOfRange(data, at, data.length));
    }

    private void testimony(String file, byte[] bytes, int exit, String says, String how) throws IOException {
        add(file, bytes, null);
        cases.add(new Case(file, "record", exit, says, "", how));
    }

    // ------------------------------------------------------------------ bags and packages

    /** A valid bag from a documenter home, and a package exported from a legal home. */
    private record BagsMade(Path bag, Path pkg, String recordId) {
    }

    private BagsMade bags(Path work) throws Exception {
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        Path documenter = work.resolve("documenter");
        Path legal = work.resolve("legal");
        HostileHomes.init(gawah, documenter, CorpusKeys.gawahKey(keys.documenter));
        HostileHomes.init(gawah, legal, CorpusKeys.gawahKey(keys.legal));
        Path legalCert = dir.resolve("keys/legal.asc");
        Path documenterCert = dir.resolve("keys/documenter.asc");
        gawah.in(documenter, "keys", "import", "--role", "legal", legalCert.toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "protection", legalCert.toString()).ok();
        gawah.in(legal, "keys", "import", "--role", "documenter", documenterCert.toString()).ok();
        String id = gawah.inWithInput(documenter, Homes.sampleInput(), "record", "--from", "-").ok().out().strip();
        Path bag = work.resolve("bag.zip");
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        valid("bag.zip", Files.readAllBytes(bag), "bag", "a submission bag made by `gawah submit` (corpus documenter key)");
        gawah.in(legal, "import", bag.toString()).ok();
        String caseId = gawah.caseCreate(legal, "Hostile corpus").ok().out().strip();
        gawah.in(legal, "case", "add", caseId, id).ok();
        Path pkg = work.resolve("package.zip");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", pkg.toString()).ok();
        valid("package.zip", Files.readAllBytes(pkg), "bag", "an evidence package made by `gawah export --for icc` "
                + "(corpus legal key)");
        return new BagsMade(bag, pkg, id);
    }

    private void bagCases(BagsMade made) throws Exception {
        Map<String, Bags.Item> good = Bags.read(made.bag());
        String root = Bags.root(good) + "/";
        bag("bag-records-not-json.zip", resealed(good, root + "metadata/records.jsonl", "{\"id\": \n"), 41, "records.jsonl",
                "metadata/records.jsonl holding one line of invalid JSON; manifests, log head and signature made anew "
                        + "with the corpus documenter key (Bags.reseal)");
        bag("bag-records-nesting-100000.zip", resealed(good, root + "metadata/records.jsonl",
                "[".repeat(100_000) + "]".repeat(100_000) + "\n"), 41, "records.jsonl",
                "metadata/records.jsonl holding 100,000 nested arrays, resealed");
        String log = good.get(root + "custody/log.jsonl").text();
        bag("bag-log-nesting-100000.zip", resealed(good, root + "custody/log.jsonl",
                "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}\n" + log), 41, "log.jsonl",
                "custody/log.jsonl with a first line of 100,000 nested arrays, resealed");
        bag("bag-log-not-json.zip", resealed(good, root + "custody/log.jsonl", "{\"seq\": 1,\n" + log), 41, "log.jsonl",
                "custody/log.jsonl with a first line of invalid JSON, resealed");
        for (String[] t : new String[][] {{"custody/log.jsonl", "log"}, {"bag-info.txt", "info"},
                {"metadata/records.jsonl", "records"}, {"bagit.txt", "bagit-txt"}}) {
            Map<String, Bags.Item> latin = new LinkedHashMap<>(good);
            Bags.reseal(latin, documenterSigner);
            String name = root + t[0];
            byte[] bytes = latin.get(name).data();
            int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(':') + 1;
            latin.put(name, new Bags.Item(name, insert(bytes, at, new byte[] {(byte) 0xC0, (byte) 0x80})));
            retag(latin, root);
            bag("bag-" + t[1] + "-invalid-utf8.zip", latin, 41, "UTF-8", t[0] + " with an overlong NUL (C0 80, not UTF-8) after "
                    + "its first colon; resealed, then the tag manifest and its signature made anew over the raw bytes");
        }
        Map<String, Bags.Item> cert = new LinkedHashMap<>(good);
        cert.put(root + "keys/documenter.asc", new Bags.Item(root + "keys/documenter.asc",
                Files.readAllBytes(dir.resolve("key-3000-user-ids-bogus.pgp"))));
        Bags.reseal(cert, documenterSigner);
        bag("bag-certificate-3000-user-ids.zip", cert, 41, "keys/documenter.asc",
                "keys/documenter.asc replaced by key-3000-user-ids-bogus.pgp, resealed");
        Map<String, Bags.Item> records = new LinkedHashMap<>(good);
        String line = good.get(root + "metadata/records.jsonl").text().strip();
        StringBuilder manyIds = new StringBuilder("[");
        for (int i = 0; i < 10_001; i++) {
            manyIds.append(i == 0 ? "" : ",").append("\"GWA-0000-0000-0000-").append(String.format("%04d", i)).append('"');
        }
        Bags.put(records, root + "metadata/records.jsonl", line.replace("\"attachments\":[]", "\"attachments\":" + manyIds + "]") + "\n");
        Bags.reseal(records, documenterSigner);
        bag("bag-records-10001-attachments.zip", records, 41, "records.jsonl",
                "the record's line in metadata/records.jsonl naming 10,001 attachments, resealed");
        // A record whose sealed testimony is not a testimony: the bag itself is sound.
        byte[] wrongSchema = Sealer.seal("{\"schema\": \"gawah.something/9\"}\n".getBytes(StandardCharsets.UTF_8),
                documenterSigner, List.of(legalCertificate), NOW);
        Map<String, Bags.Item> swapped = withTestimony(good, root, made.recordId(), wrongSchema);
        add("bag-testimony-wrong-schema.zip", zip(swapped), "bag");
        cases.add(new Case("bag-testimony-wrong-schema.zip", "import-and-open-attachments", 65, "schema", "",
                "a sound bag whose record's sealed testimony (signed by the documenter) is the JSON "
                        + "{\"schema\": \"gawah.something/9\"}: its ciphertext swapped in, the `sealed` entry's digest and "
                        + "the log chain made anew and resealed; imported, then opened with --attachments (which reads the "
                        + "testimony's attachment list)"));
        byte[] notJson = Sealer.seal("{\"schema\": \"gawah.testimony/1\", ".getBytes(StandardCharsets.UTF_8),
                documenterSigner, List.of(legalCertificate), NOW);
        add("bag-testimony-invalid-json.zip", zip(withTestimony(good, root, made.recordId(), notJson)), "bag");
        cases.add(new Case("bag-testimony-invalid-json.zip", "import-and-open-attachments", 65, "JSON", "",
                "the same with a testimony cut short (invalid JSON)"));
    }

    /** The bag with a record's testimony ciphertext replaced, its log re-chained and resealed. */
    private Map<String, Bags.Item> withTestimony(Map<String, Bags.Item> good, String root, String id, byte[] sealed) {
        Map<String, Bags.Item> items = new LinkedHashMap<>(good);
        String file = root + "data/" + id + ".pgp";
        items.put(file, new Bags.Item(file, sealed));
        String name = root + "custody/log.jsonl";
        StringBuilder log = new StringBuilder();
        String previous = Entry.GENESIS;
        for (String line : items.get(name).text().lines().toList()) {
            Entry old = Entry.parseLine(line).entry();
            String digest = old.action() == Action.SEALED && old.subject().equals(id) ? Digests.sha256(sealed) : old.subjectSha256();
            Entry entry = new Entry(old.seq(), old.time(), old.actor(), old.action(), old.subject(), digest, previous, old.nonce());
            log.append(entry.line(DetachedSignature.sign(documenterSigner, entry.canonical(), entry.time()))).append('\n');
            previous = entry.sha256();
        }
        Bags.put(items, name, log.toString());
        Bags.reseal(items, documenterSigner);
        return items;
    }

    /** The tag manifest and its signature made anew over the tag files' bytes as they are (Bags.reseal reads them as text). */
    private void retag(Map<String, Bags.Item> items, String root) {
        StringBuilder tags = new StringBuilder();
        for (String tag : List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt",
                "metadata/records.jsonl", "custody/log.jsonl", "keys/documenter.asc")) {
            tags.append(sha512(items.get(root + tag).data())).append("  ").append(tag).append('\n');
        }
        Bags.put(items, root + "tagmanifest-sha512.txt", tags.toString());
        Bags.put(items, root + "signature/tagmanifest-sha512.txt.asc", Armor.armor(DetachedSignature.sign(documenterSigner,
                tags.toString().getBytes(StandardCharsets.UTF_8), Instant.now())));
    }

    private static String sha512(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Bags.Item> resealed(Map<String, Bags.Item> good, String name, String content) {
        Map<String, Bags.Item> items = new LinkedHashMap<>(good);
        Bags.put(items, name, content);
        Bags.reseal(items, documenterSigner);
        return items;
    }

    private void bag(String file, Map<String, Bags.Item> items, int exit, String says, String how) throws IOException {
        add(file, zip(items), "bag");
        cases.add(new Case(file, "verify-bag", exit, says, "", how));
        cases.add(new Case(file, "import-bag", exit, says, "", how));
    }

    private static byte[] zip(Map<String, Bags.Item> items) throws IOException {
        Path temp = Files.createTempFile("corpus", ".zip");
        try {
            Bags.write(temp, items);
            return Files.readAllBytes(temp);
        } finally {
            Files.delete(temp);
        }
    }

    private void packageCases(BagsMade made) throws Exception {
        Map<String, Bags.Item> good = Bags.read(made.pkg());
        String root = Bags.root(good) + "/";
        String sidecar = good.keySet().stream().filter(n -> n.startsWith(root + "metadata/") && n.endsWith(".json"))
                .findFirst().orElseThrow();
        packageCase("package-sidecar-not-json.zip", resealedPackage(good, sidecar, "{\"record\": "), 41,
                sidecar.substring(root.length()), "the record's sidecar (" + sidecar.substring(root.length())
                        + ") cut to invalid JSON; manifests and the custodian's entry and signature made anew with the "
                        + "corpus legal key (Bags.resealPackage)");
        packageCase("package-sidecar-nesting-100000.zip", resealedPackage(good, sidecar, "[".repeat(100_000)
                + "]".repeat(100_000)), 41, sidecar.substring(root.length()), "the sidecar as 100,000 nested arrays, resealed");
        Map<String, Bags.Item> latin = new LinkedHashMap<>(good);
        latin.put(sidecar, new Bags.Item(sidecar, insert(good.get(sidecar).data(), 5, new byte[] {(byte) 0xFF})));
        Bags.resealPackage(latin, legalSigner);
        packageCase("package-sidecar-invalid-utf8.zip", latin, 41, sidecar.substring(root.length()),
                "the sidecar with a byte 0xFF (never UTF-8), resealed");
        byte[] zip = Files.readAllBytes(made.pkg());
        add("package-truncated.zip", Arrays.copyOf(zip, zip.length / 2), "bag");
        cases.add(new Case("package-truncated.zip", "verify-package", 41, "", "", "the valid package cut in half"));
    }

    private Map<String, Bags.Item> resealedPackage(Map<String, Bags.Item> good, String name, String content) {
        Map<String, Bags.Item> items = new LinkedHashMap<>(good);
        Bags.put(items, name, content);
        Bags.resealPackage(items, legalSigner);
        return items;
    }

    private void packageCase(String file, Map<String, Bags.Item> items, int exit, String says, String how) throws IOException {
        add(file, zip(items), "bag");
        cases.add(new Case(file, "verify-package", exit, says, "", how));
    }

    // ------------------------------------------------------------------ files

    private void valid(String file, byte[] bytes, String seed, String how) throws IOException {
        add("valid/" + file, bytes, seed);
        cases.add(new Case("valid/" + file, "valid", 0, "", "", how));
    }

    private void add(String file, byte[] bytes, String seed) throws IOException {
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        if (seed != null) {
            seeds.computeIfAbsent(seed, k -> new ArrayList<>()).add(file);
        }
    }

    private void writeIndex() throws IOException {
        StringBuilder tsv = new StringBuilder("# file\tcommand\texit\tsays\tknown\thow (written by org.gawah.hostile.Corpus)\n");
        for (Case c : cases) {
            tsv.append(c.line()).append('\n');
        }
        Files.writeString(dir.resolve("cases.tsv"), tsv.toString());
        Readme.write(dir.resolve("README.md"), cases, dir);
    }

    /** Seeds for the fuzz targets: the valid inputs and the hostile ones of each kind up to 64 KiB (bombs left out: too slow to mutate). */
    private void writeSeeds() throws IOException {
        Map<String, String> targets = Map.of("opener", "OpenerFuzzTestInputs/sealedMessage", "inner", "OpenerFuzzTestInputs/innerPackets",
                "certificate", "CertificateFuzzTestInputs/certificate", "bag", "BagReaderFuzzTestInputs/bag");
        for (String target : targets.values()) {
            Path folder = fuzz.resolve(target);
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    files.forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(folder);
        }
        for (Map.Entry<String, List<String>> seed : seeds.entrySet()) {
            Path folder = fuzz.resolve(targets.get(seed.getKey()));
            for (String file : seed.getValue()) {
                if (Files.size(dir.resolve(file)) > 64 * 1024 && !file.startsWith("valid/")) {
                    continue; // big seeds slow every mutation; they run in HostileInputsTest
                }
                Files.copy(dir.resolve(file), folder.resolve(file.replace('/', '-')));
            }
        }
    }
}
