package org.gawah.interop.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.gawah.interop.matrix.InteropMatrixTest.Once;
import org.gawah.interop.matrix.Partner.Key;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;

/**
 * Gawah's RFC 9580 side, run in-process as a user runs it: a home whose own key is v6
 * ({@code keys generate --profile rfc9580}) and which pins the partner's v6 key (OpenPGP.js's) as
 * legal and as documenter. Every recipient of what it seals is then a v6 key, so it seals in
 * SEIPD v2 (AES-256-OCB, 4 MiB chunks), and it opens what the partner seals to it.
 */
final class GawahV6 {
    /** More than two 4 MiB OCB chunks, so the partner reads across two chunk boundaries. */
    static final int ATTACHMENT_BYTES = 9 << 20;
    /** Chunk size octet 16: chunks of 2^(16+6) bytes, 4 MiB (docs/format/sealed-record.md). */
    static final int CHUNK_OCTET = 16;
    /** OpenPGP.js's default (config.aeadChunkSizeByte): 256 KiB chunks. */
    static final int OPENPGPJS_CHUNK_OCTET = 12;

    /** A record sealed here: the testimony's message, one attachment's message and that attachment's bytes. */
    record Sealed(Path record, Path attachment, byte[] attachmentBytes) {
    }

    private final Gawah gawah;
    private final Path dir;
    private final Path home;
    /** This home's own v6 key: its fingerprint and certificate. */
    final Key key;
    private final Once<Sealed> sealed;
    private final Once<Path> bagDir;

    GawahV6(Gawah gawah, Path dir, Once<Key> partnerV6) {
        this.gawah = gawah;
        this.dir = dir;
        this.home = dir.resolve("home");
        gawah.in(home, "init").ok();
        String fingerprint = gawah.in(home, "keys", "generate", "--profile", "rfc9580", "--name", "V6 documenter")
                .ok().out().strip();
        assertEquals(64, fingerprint.length(), "a v6 fingerprint (SHA-256): " + fingerprint);
        Path cert = dir.resolve("gawah-v6.asc");
        gawah.in(home, "keys", "export", "--out", cert.toString()).ok();
        key = new Key(fingerprint, cert, null, null, null);
        sealed = new Once<>(() -> seal(partnerV6.get()));
        bagDir = new Once<>(() -> {
            sealed.get();
            Path bag = dir.resolve("bag.zip");
            gawah.in(home, "submit", "--out", bag.toString()).ok();
            return CaseFixture.unzip(bag, dir.resolve("bag"));
        });
    }

    /** The partner's v6 key pinned as legal and as documenter, then one record with an attachment sealed and exported. */
    private Sealed seal(Key partner) {
        for (String role : new String[] {"legal", "documenter"}) {
            assertEquals(partner.fingerprint(), gawah.in(home, "keys", "import", "--role", role, partner.cert().toString())
                    .ok().out().strip(), "pinned as " + role);
        }
        byte[] bytes = new byte[ATTACHMENT_BYTES];
        new Random(6).nextBytes(bytes);
        Path file = write(dir.resolve("attachment.bin"), bytes);
        // --self-readable: this home's own (v6) key is a recipient too, so Gawah reads what the partner reads.
        String id = gawah.inWithInput(home, GawahTeam.testimony(), "record", "--from", "-", "--self-readable",
                "--attach", file.toString()).ok().out().strip();
        Path record = dir.resolve("record.pgp");
        Path attachment = dir.resolve("attachment.pgp");
        gawah.in(home, "export-sealed", id, "--out", record.toString()).ok();
        gawah.in(home, "export-sealed", id, "--attachment", "1", "--out", attachment.toString()).ok();
        assertSeipdV2(record, CHUNK_OCTET);
        assertSeipdV2(attachment, CHUNK_OCTET);
        return new Sealed(record, attachment, bytes);
    }

    Sealed sealed() {
        return sealed.get();
    }

    /** {@code gawah submit} of the sealed record, unzipped: its tag manifest carries a v6 detached signature. */
    Path bagDir() {
        return bagDir.get();
    }

    /** {@code gawah open --sealed FILE} in this home. */
    Gawah.Result open(Path message) {
        return gawah.in(home, "open", "--sealed", message.toString());
    }

    /** v6 session-key packets only, and SEIPD v2 with AES-256-OCB and chunk size octet {@code chunkOctet}. */
    static void assertSeipdV2(Path message, int chunkOctet) {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(message))) {
            PGPEncryptedDataList list = (PGPEncryptedDataList) new BcPGPObjectFactory(in).nextObject();
            for (PGPEncryptedData data : list) {
                assertTrue(data instanceof PGPPublicKeyEncryptedData pk && pk.getVersion() == 6, "v6 PKESKs only");
            }
            SymmetricEncIntegrityPacket seipd = (SymmetricEncIntegrityPacket) list.getEncryptedData();
            assertEquals(2, seipd.getVersion(), "SEIPD v2");
            assertEquals(SymmetricKeyAlgorithmTags.AES_256, seipd.getCipherAlgorithm(), "AES-256");
            assertEquals(AEADAlgorithmTags.OCB, seipd.getAeadAlgorithm(), "OCB");
            assertEquals(chunkOctet, seipd.getChunkSize(), "chunk size octet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requires {@code signature} (armoured or binary) to be one v6 signature. */
    static void assertV6Signature(Path signature) {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(signature))) {
            PGPSignatureList list = (PGPSignatureList) new BcPGPObjectFactory(in).nextObject();
            assertEquals(1, list.size(), "one signature");
            assertEquals(6, list.get(0).getVersion(), "a v6 signature");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
