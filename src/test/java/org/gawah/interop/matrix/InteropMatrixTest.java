package org.gawah.interop.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.gawah.interop.matrix.Matrix.Row;
import org.gawah.interop.matrix.Partner.Key;
import org.gawah.interop.matrix.Partner.Profile;
import org.gawah.interop.matrix.Partner.V6;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.DetachedSignature;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interoperability matrix (issue 6), every cell a real run: Gawah in-process, as a user runs
 * it, against GnuPG, Sequoia's sq and sqop, RNP and OpenPGP.js, each driven from its own command
 * line, both directions. The table of this run must equal the one in docs/interop.md.
 *
 * <pre>
 * mvn -q -o test -Dtest=InteropMatrixTest -Dmatrix.print=true     # prints the table
 * mvn -q -o test -Dtest=InteropMatrixTest -Dmatrix.update=true    # rewrites it in docs/interop.md
 * </pre>
 */
class InteropMatrixTest {
    static final Path DOC = Path.of("docs", "interop.md");

    /** What the partners sign and encrypt: Dari, an emoji, CRLF and LF, a NUL, no final newline. */
    static final byte[] PARTNER_TESTIMONY = ("{\"account\": \"" + GawahTeam.DARI + " 🕊️\"}\r\nسطر دوم\n\u0000پایان")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path base;
    static final List<Partner> partners = new ArrayList<>();

    @AfterAll
    static void stopPartners() {
        partners.forEach(Partner::close);
    }

    @TestFactory
    Stream<DynamicNode> matrix() {
        long started = System.nanoTime();
        GawahTeam team = new GawahTeam(base.resolve("gawah"));
        SopPartner openPgpJs = SopPartner.openPgpJs(base.resolve("openpgpjs"));
        partners.addAll(List.of(new GnuPgPartner(base.resolve("gnupg")), new SqPartner(base.resolve("sq")),
                SopPartner.sqop(base.resolve("sqop")), new RnpPartner(base.resolve("rnp")), openPgpJs));
        Matrix matrix = new Matrix(partners.stream().map(Partner::name).toList());
        Once<Key> v6 = new Once<>(() -> openPgpJs.generate("OpenPGP.js v6 key", Profile.V6));
        Once<GawahV6> gawahV6 = new Once<>(() -> new GawahV6(team.gawah, base.resolve("gawah-v6"), v6));

        List<DynamicNode> nodes = new ArrayList<>();
        for (Partner partner : partners) {
            Column column = new Column(team, partner, v6, gawahV6, matrix);
            nodes.add(dynamicContainer(partner.name(), Arrays.stream(Row.values())
                    .map(row -> dynamicTest(row.title, () -> matrix.run(row, partner.name(), () -> column.cell(row))))));
        }
        nodes.add(dynamicTest("docs/interop.md holds this run's table", () -> report(matrix, started)));
        return nodes.stream();
    }

    private static void report(Matrix matrix, long started) throws IOException {
        String seconds = String.format(java.util.Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e9);
        String table = matrix.table();
        String report = table + "\n" + matrix.versions() + "\nrun time: " + seconds + " s\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "interop-matrix.md"), report, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("matrix.print")) {
            System.out.println("\n" + report);
        }
        if (Boolean.getBoolean("matrix.update")) {
            matrix.writeInto(DOC);
        }
        assertEquals(Matrix.tableIn(DOC), table,
                "docs/interop.md must hold this run's table (see target/interop-matrix.md; -Dmatrix.update=true rewrites it)");
    }

    /** One partner's column: its keys, a documenter who pins them, and the cells in table order. */
    private static final class Column {
        private final GawahTeam team;
        private final Partner partner;
        private final Once<Key> v6;
        private final Once<GawahV6> gawahV6;
        private final Once<String> version;
        private final Once<Key> ed25519;
        private final Once<Key> rsa3072;
        private final Once<GawahTeam.Documenter> documenter;
        private final Once<String> ed25519Pinned;
        private final Once<String> rsa3072Pinned;
        private final Once<Path> sealed;
        private final Once<byte[]> signedBytes;
        private final Once<Path> bag;
        private final Once<Path> bagDir;

        Column(GawahTeam team, Partner partner, Once<Key> v6, Once<GawahV6> gawahV6, Matrix matrix) {
            this.team = team;
            this.partner = partner;
            this.v6 = v6;
            this.gawahV6 = gawahV6;
            String name = partner.name();
            version = new Once<>(() -> {
                String v = partner.version();
                matrix.version(name, v);
                return v;
            });
            ed25519 = new Once<>(() -> partner.generate(name + " Ed25519 <ed25519@" + slug() + ".invalid>", Profile.ED25519));
            rsa3072 = new Once<>(() -> partner.generate(name + " RSA-3072 <rsa3072@" + slug() + ".invalid>", Profile.RSA3072));
            documenter = new Once<>(() -> team.documenter(slug(), "Documenter for " + name));
            ed25519Pinned = new Once<>(() -> pin(ed25519.get()));
            rsa3072Pinned = new Once<>(() -> pin(rsa3072.get()));
            sealed = new Once<>(() -> {
                // Sealed once both keys had their chance to be pinned; their own cells report how that went.
                ed25519Pinned.attempt();
                rsa3072Pinned.attempt();
                return documenter.get().sealTestimony();
            });
            signedBytes = new Once<>(() -> {
                byte[] opened = team.open(sealed.get()).ok().stdout();
                assertTrue(new String(opened, StandardCharsets.UTF_8).contains(GawahTeam.DARI), "the testimony holds the Dari account");
                return opened;
            });
            bag = new Once<>(() -> {
                sealed.get();
                return documenter.get().submit();
            });
            bagDir = new Once<>(() -> CaseFixture.unzip(bag.get(), bag.get().resolveSibling("bag-" + slug())));
        }

        private String slug() {
            return partner.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }

        String cell(Row row) {
            version.get();
            return switch (row) {
                case PARTNER_ED25519_KEY -> ed25519Pinned.get();
                case PARTNER_RSA_KEY -> rsa3072Pinned.get();
                case GAWAH_CERTIFICATES -> gawahCertificates();
                case SEALED_TO_ED25519 -> decryptsSealed(ed25519.get(), ed25519Pinned);
                case SEALED_TO_RSA -> decryptsSealed(rsa3072.get(), rsa3072Pinned);
                case PARTNER_SEALS_ED25519 -> gawahOpens(ed25519.get(), ed25519Pinned);
                case PARTNER_SEALS_RSA -> gawahOpens(rsa3072.get(), rsa3072Pinned);
                case GAWAH_DETACHED -> verifiesGawahSignature();
                case PARTNER_DETACHED -> gawahChecksPartnerSignature();
                case PARTNER_SIGNS_BAG -> partnerSignsBag();
                case GAWAH_SECRET_KEY -> decryptsWithGawahSecretKey();
                case GAWAH_V6_KEY -> v6KeyToPartner(gawahV6.get().key);
                case V6_KEY_TO_PARTNER -> v6KeyToPartner(v6.get());
                case V6_KEY_TO_GAWAH -> v6KeyToGawah();
                case V6_SEALED -> v6Cell(V6.MESSAGE, () -> partner.decryptV6(ed25519.get(), gawahV6.get().sealed().record()),
                        this::decryptsV6Record);
                case V6_ATTACHMENT -> v6Cell(V6.MESSAGE, () -> partner.decryptV6(ed25519.get(),
                        gawahV6.get().sealed().attachment()), this::decryptsV6Attachment);
                case V6_PARTNER_SEALS -> v6Cell(V6.SECRET_KEY, () -> partner.signWithV6(v6.get().secret(),
                        partnerTestimony(), gawahV6.get().key.cert()), this::gawahOpensV6);
                case V6_GAWAH_DETACHED -> v6Cell(V6.SIGNATURE, () -> partner.verifyV6(v6BagSignature(),
                        gawahV6.get().bagDir().resolve("tagmanifest-sha512.txt"), gawahV6.get().key.cert()),
                        this::verifiesGawahV6Signature);
                case V6_PARTNER_DETACHED -> v6Cell(V6.SECRET_KEY, () -> partner.signWithV6(v6.get().secret(),
                        partnerTestimony(), null), this::gawahChecksPartnerV6Signature);
            };
        }

        /** The partner's key pinned as legal in the documenter's home and as documenter in the legal team's. */
        private String pin(Key key) {
            GawahTeam.Documenter d = documenter.get();
            assertEquals(key.fingerprint(), team.pin(d.home, "legal", key.cert()), "pinned as legal under its fingerprint");
            assertEquals(key.fingerprint(), team.pin(team.legal, "documenter", key.cert()), "pinned as documenter");
            return "✓";
        }

        private String gawahCertificates() {
            GawahTeam.Documenter d = documenter.get();
            partner.takeIn(d.cert, d.fingerprint);
            partner.takeIn(team.legalCert, team.legalFingerprint);
            return "✓";
        }

        private String decryptsSealed(Key key, Once<String> pinned) {
            pinned.get();
            GawahTeam.Documenter d = documenter.get();
            byte[] plaintext = partner.decrypt(key, sealed.get(), d.cert, d.fingerprint);
            assertArrayEquals(signedBytes.get(), plaintext, "the partner's plaintext is exactly the bytes Gawah signed");
            return "✓";
        }

        private String gawahOpens(Key key, Once<String> pinned) {
            pinned.get();
            Path message = partner.encrypt(key, PARTNER_TESTIMONY, team.legalCert, team.legalFingerprint);
            assertOpens(team.open(message), key.fingerprint());
            return "✓";
        }

        private static void assertOpens(Gawah.Result opened, String signer) {
            assertEquals(0, opened.code(), opened.stderr());
            assertArrayEquals(PARTNER_TESTIMONY, opened.stdout(), "exactly the bytes the partner signed");
            assertTrue(opened.stderr().contains("good signature from") && opened.stderr().replace(" ", "").contains(signer),
                    "names the partner's key: " + opened.stderr());
        }

        private String verifiesGawahSignature() {
            Path dir = bagDir.get();
            partner.verify(dir.resolve("signature/tagmanifest-sha512.txt.asc"), dir.resolve("tagmanifest-sha512.txt"),
                    dir.resolve("keys/documenter.asc"), documenter.get().fingerprint);
            return "✓";
        }

        private String gawahChecksPartnerSignature() {
            Key key = ed25519.get();
            Path data = bag.get().resolveSibling("partner-testimony.txt");
            write(data, PARTNER_TESTIMONY);
            Path signature = partner.sign(key, data);
            DetachedSignature.Verified verified = DetachedSignature.verify(read(signature), PARTNER_TESTIMONY,
                    List.of(Certificate.parse(read(key.cert()))));
            assertEquals(key.fingerprint(), verified.signer().fingerprint());
            return "✓";
        }

        private String partnerSignsBag() {
            GawahTeam.Documenter d = documenter.get();
            Key documenterKey = partner.importSecret(d.secret, d.fingerprint, Homes.PASSPHRASE);
            Path signature = partner.sign(documenterKey, bagDir.get().resolve("tagmanifest-sha512.txt"));
            try {
                Map<String, Bags.Item> items = Bags.read(bag.get());
                String name = Bags.root(items) + "/signature/tagmanifest-sha512.txt.asc";
                assertFalse(Arrays.equals(items.get(name).data(), read(signature)), "the partner's own signature");
                items.put(name, new Bags.Item(name, read(signature)));
                Path resigned = bag.get().resolveSibling("bag-signed-by-" + slug() + ".zip");
                Bags.write(resigned, items);
                Gawah.Result verified = team.verify(resigned);
                assertEquals(0, verified.code(), verified.out() + verified.stderr());
                assertTrue(verified.out().contains(": VALID"), verified.out());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "✓";
        }

        private String decryptsWithGawahSecretKey() {
            Key legal = partner.importSecret(team.legalSecret, team.legalFingerprint, Homes.PASSPHRASE);
            GawahTeam.Documenter d = documenter.get();
            assertArrayEquals(signedBytes.get(), partner.decrypt(legal, sealed.get(), d.cert, d.fingerprint));
            return "✓";
        }

        /** A v6 certificate given to the partner: read (OpenPGP.js) or clearly refused (the v4-only tools). */
        private String v6KeyToPartner(Key key) {
            return v6Cell(V6.CERTIFICATE, () -> partner.offerV6(key.cert()),
                    () -> partner.offerV6(key.cert()).ok().says("v6 " + key.fingerprint()));
        }

        /**
         * A v6 cell: {@code works} runs when the partner reads v6 (OpenPGP.js); a v4-only partner
         * is handed the v6 thing by {@code offer} and must refuse it clearly.
         */
        private String v6Cell(V6 what, Supplier<Tool.Run> offer, Runnable works) {
            Partner.Refusal refusal = partner.v6Refusal(what);
            if (refusal == null) {
                works.run();
                return "✓";
            }
            Tool.Run run = offer.get();
            assertEquals(refusal.exitCode(), run.code(), "a clear refusal, not a crash or a silent success\n" + run.all());
            run.says(refusal.message());
            return "refuses (exit " + refusal.exitCode() + "): “" + refusal.message() + "”";
        }

        /** The partner's v6 key decrypts Gawah's SEIPD v2 record and verifies Gawah's v6 signature. */
        private void decryptsV6Record() {
            GawahV6 g = gawahV6.get();
            Path record = g.sealed().record();
            byte[] plaintext = partner.decrypt(v6.get(), record, g.key.cert(), g.key.fingerprint());
            assertTrue(new String(plaintext, StandardCharsets.UTF_8).contains(GawahTeam.DARI), "the testimony holds the Dari account");
            assertArrayEquals(g.open(record).ok().stdout(), plaintext, "exactly the bytes Gawah signed");
        }

        /** The same for the attachment: every byte across the OCB chunk boundaries. */
        private void decryptsV6Attachment() {
            GawahV6 g = gawahV6.get();
            GawahV6.Sealed sealed = g.sealed();
            byte[] plaintext = partner.decrypt(v6.get(), sealed.attachment(), g.key.cert(), g.key.fingerprint());
            assertArrayEquals(sealed.attachmentBytes(), plaintext, "exactly the attached file");
        }

        /** The partner signs with its v6 key and encrypts to Gawah's v6 certificate (SEIPD v2); Gawah opens it. */
        private void gawahOpensV6() {
            GawahV6 g = gawahV6.get();
            Key key = v6.get();
            g.sealed(); // the partner's key is pinned as documenter there
            Path message = partner.encrypt(key, PARTNER_TESTIMONY, g.key.cert(), g.key.fingerprint());
            GawahV6.assertSeipdV2(message, GawahV6.OPENPGPJS_CHUNK_OCTET);
            assertOpens(g.open(message), key.fingerprint());
        }

        private Path v6BagSignature() {
            return gawahV6.get().bagDir().resolve("signature/tagmanifest-sha512.txt.asc");
        }

        private void verifiesGawahV6Signature() {
            Path dir = gawahV6.get().bagDir();
            GawahV6.assertV6Signature(v6BagSignature());
            partner.verify(v6BagSignature(), dir.resolve("tagmanifest-sha512.txt"), dir.resolve("keys/documenter.asc"),
                    gawahV6.get().key.fingerprint());
        }

        private void gawahChecksPartnerV6Signature() {
            Key key = v6.get();
            Path signature = partner.sign(key, partnerTestimony());
            GawahV6.assertV6Signature(signature);
            DetachedSignature.Verified verified = DetachedSignature.verify(read(signature), PARTNER_TESTIMONY,
                    List.of(Certificate.parse(read(key.cert()))));
            assertEquals(key.fingerprint(), verified.signer().fingerprint());
        }

        /** The partner's testimony in a file of this column's. */
        private Path partnerTestimony() {
            Path file = base.resolve("partner-testimony-" + slug() + ".txt");
            write(file, PARTNER_TESTIMONY);
            return file;
        }

        /**
         * A v6 certificate pinned beside the team's v4 key, as a compat home takes it: Gawah pins
         * it, seals to it in its compat format (SEIPD v1, a mixed list of recipients), and checks
         * its signatures. Reported as finding 1 in docs/interop.md; the rows below seal to v6 keys only.
         */
        private String v6KeyToGawah() {
            if (partner.v6Refusal(V6.CERTIFICATE) != null) {
                throw new Partner.Cannot("makes no v6 keys");
            }
            Key key = v6.get();
            GawahTeam.Documenter d = documenter.get();
            assertEquals(key.fingerprint(), team.pin(d.home, "legal", key.cert()));
            assertEquals(key.fingerprint(), team.pin(team.legal, "documenter", key.cert()));
            Path sealedToV6 = d.sealTestimony();
            assertSealedInCompatFormatToX25519(sealedToV6);
            assertArrayEquals(team.open(sealedToV6).ok().stdout(), partner.decrypt(key, sealedToV6, d.cert, d.fingerprint));
            assertOpens(team.open(partner.encrypt(key, PARTNER_TESTIMONY, team.legalCert, team.legalFingerprint)),
                    key.fingerprint());
            return "✓ in SEIPD v1 (finding 1)";
        }

        /** A v3 session-key packet for an X25519 (v6) key, and SEIPD v1 (MDC), not v2. */
        private static void assertSealedInCompatFormatToX25519(Path message) {
            try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(message))) {
                PGPEncryptedDataList list = (PGPEncryptedDataList) new BcPGPObjectFactory(in).nextObject();
                boolean x25519 = false;
                for (PGPEncryptedData data : list) {
                    if (data instanceof PGPPublicKeyEncryptedData pk && pk.getAlgorithm() == PublicKeyAlgorithmTags.X25519) {
                        assertEquals(3, pk.getVersion(), "a v3 PKESK");
                        x25519 = true;
                    }
                    assertTrue(data.isIntegrityProtected() && !data.isAEAD(), "SEIPD v1");
                }
                assertTrue(x25519, "a session key for the v6 key's X25519 subkey");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] read(Path file) {
        return Tool.read(file);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value made at most once; a failure to make it is kept and thrown again to every caller. */
    static final class Once<T> implements Supplier<T> {
        private final Supplier<T> maker;
        private T value;
        private RuntimeException failure;
        private Error error;
        private boolean done;

        Once(Supplier<T> maker) {
            this.maker = maker;
        }

        @Override
        public T get() {
            if (!done) {
                done = true;
                try {
                    value = maker.get();
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    error = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                throw error;
            }
            return value;
        }

        /** Makes the value if it can; a failure is left for the cell that owns it to report. */
        void attempt() {
            try {
                get();
            } catch (RuntimeException | Error e) {
                // reported by its own cell
            }
        }
    }
}
