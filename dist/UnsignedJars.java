import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Checks Bouncy Castle's jars and writes them unsigned, for dist/build.sh (run with the JDK's
 * single-file launcher: {@code java dist/UnsignedJars.java PINS OUT_DIR JAR...}).
 *
 * <p>Why: the JDK never puts classes of a signed jar into class data sharing or an ahead-of-time
 * cache, and checks every signed class as it loads it; Bouncy Castle's 855 KB manifest (a digest
 * per class) is read on every run too. Together that is a good part of every command's start.
 *
 * <p>What is checked first, for each jar: its SHA-256 is the one pinned in PINS for its file name
 * (the digest of the jar Maven Central serves), and every class and resource in it carries a
 * valid signature by the certificate pinned in PINS (Bouncy Castle's code-signing certificate).
 * Then the jar is written to OUT_DIR under the same name with the same entries, in the same
 * order, with the same bytes and times, less the signature files (META-INF/*.SF, *.RSA, *.DSA,
 * *.EC) and less the per-entry digests of the manifest (its main section is kept as it was).
 * Anyone can compare the result with Maven Central's jar: unzipped, only those files differ.
 *
 * <p>Exit code 0 when every jar passed and was written; 1 with a line on stderr otherwise.
 */
public class UnsignedJars {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            fail("usage: java dist/UnsignedJars.java PINS OUT_DIR JAR...", null);
        }
        Pins pins = Pins.read(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (String name : List.of(args).subList(2, args.length)) {
            Path jar = Path.of(name);
            checkPinned(jar, pins);
            checkSigned(jar, pins.signer);
            writeUnsigned(jar, out.resolve(jar.getFileName().toString()));
        }
    }

    /** The pins: {@code signer HEX} once, then {@code HEX  FILE-NAME} per jar; # starts a comment. */
    record Pins(String signer, Map<String, String> jars) {
        static Pins read(Path file) throws IOException {
            String signer = null;
            Map<String, String> jars = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String text = line.replaceAll("#.*", "").strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] fields = text.split("\\s+");
                if (fields.length == 2 && fields[0].equals("signer")) {
                    signer = fields[1].toLowerCase(Locale.ROOT);
                } else if (fields.length == 2 && fields[0].matches("[0-9a-fA-F]{64}")) {
                    jars.put(fields[1], fields[0].toLowerCase(Locale.ROOT));
                } else {
                    fail(file + ": a line is neither \"signer SHA256\" nor \"SHA256  FILE\": " + line, null);
                }
            }
            if (signer == null) {
                fail(file + " pins no signer certificate", null);
            }
            return new Pins(signer, jars);
        }
    }

    private static void checkPinned(Path jar, Pins pins) throws Exception {
        String name = jar.getFileName().toString();
        String pinned = pins.jars.get(name);
        if (pinned == null) {
            fail(name + " is not pinned",
                    "check the jar against the digest Maven Central publishes beside it, then add its SHA-256 to the pins");
        }
        String actual = HexFormat.of().formatHex(sha256(Files.readAllBytes(jar)));
        if (!actual.equals(pinned)) {
            fail(jar + " is not the jar pinned for " + name + " (its SHA-256 is " + actual + ")",
                    "Maven's copy was changed or replaced: delete it from ~/.m2 and build again; a new version needs its own pin");
        }
    }

    /** Every class and resource read through the JDK's verifying reader: a signature by the pinned certificate. */
    private static void checkSigned(Path jar, String signer) throws Exception {
        int signed = 0;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    in.readAllBytes(); // a digest that does not match throws here
                } catch (SecurityException e) {
                    fail(jar + ": " + entry.getName() + " does not match its signature (" + e.getMessage() + ")", null);
                }
                if (entry.isDirectory() || isSignatureFile(entry.getName()) || entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                if (!signedBy(entry.getCodeSigners(), signer)) {
                    fail(jar + ": " + entry.getName() + " is not signed by the pinned certificate " + signer, null);
                }
                signed++;
            }
        }
        if (signed == 0) {
            fail(jar + " holds nothing signed", null);
        }
    }

    private static boolean signedBy(CodeSigner[] signers, String fingerprint) throws Exception {
        if (signers == null) {
            return false;
        }
        for (CodeSigner codeSigner : signers) {
            List<? extends Certificate> path = codeSigner.getSignerCertPath().getCertificates();
            if (!path.isEmpty() && HexFormat.of().formatHex(sha256(path.get(0).getEncoded())).equals(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    private static void writeUnsigned(Path jar, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (ZipFile in = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(partial);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (isSignatureFile(entry.getName())) {
                    continue;
                }
                byte[] data;
                try (InputStream read = in.getInputStream(entry)) {
                    data = read.readAllBytes();
                }
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    data = mainSection(data);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                if (entry.getLastModifiedTime() != null) {
                    copy.setLastModifiedTime(entry.getLastModifiedTime());
                }
                if (entry.getMethod() == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The manifest up to its first empty line: the jar's own attributes, without a digest per entry. */
    static byte[] mainSection(byte[] manifest) {
        String text = new String(manifest, StandardCharsets.UTF_8);
        int end = -1;
        for (String blank : List.of("\r\n\r\n", "\n\n", "\r\r")) {
            int at = text.indexOf(blank);
            if (at >= 0 && (end < 0 || at + blank.length() < end)) {
                end = at + blank.length();
            }
        }
        if (end < 0) {
            return manifest;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        kept.writeBytes(text.substring(0, end).getBytes(StandardCharsets.UTF_8));
        return kept.toByteArray();
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static void fail(String problem, String hint) {
        System.err.println("dist: error: " + problem);
        if (hint != null) {
            System.err.println("dist: hint: " + hint);
        }
        System.exit(1);
    }
}
