package org.gawah.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.gawah.testsupport.VirtualScreen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained distribution as a user gets it: the archive dist/build.sh made for this
 * machine (the build runs it before this test), unpacked into a folder whose name has a space and
 * run where no Java can be found: the PATH holds only {@code sh} and {@code readlink}, plus a fake
 * {@code java} that leaves a mark, and JAVA_HOME points at another fake. Whatever runs must be the
 * bundled runtime.
 */
class DistributionIT {
    private static final Path DIST = Path.of(System.getProperty("gawah.dist.dir", "target/dist"));
    private static final String VERSION = System.getProperty("gawah.version", "0.1.0-SNAPSHOT");
    /** The JDK's AES and SHA buffer methods, compiled at a hundredth of the raised threshold (bin/gawah says why). */
    private static final String JDK_CRYPTO_COMPILED_EARLY =
            " -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::engineUpdate,0.01"
            + " -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.CipherBlockChaining::*,0.01"
            + " -XX:CompileCommand=CompileThresholdScaling,com.sun.crypto.provider.ElectronicCodeBook::*,0.01";

    @TempDir
    static Path base;

    private static String name;
    private static Path app;
    private static Path tools;
    private static Path marker;
    private static Path elsewhere;

    @BeforeAll
    static void unpackTheArchiveIntoAFolderWithASpace() throws Exception {
        name = "gawah-" + VERSION + "-" + hostTarget();
        Path archive = DIST.resolve(name + ".tar.gz");
        assertTrue(Files.isRegularFile(archive), archive + " is missing: mvn verify builds it with dist/build.sh");
        assertEquals(sha256(archive) + "  " + name + ".tar.gz\n", Files.readString(DIST.resolve(name + ".tar.gz.sha256")));
        Path unpacked = Files.createDirectories(base.resolve("Program Files/Gawah app"));
        assertEquals(0, run(unpacked, Map.of(), "tar", "-xzf", archive.toAbsolutePath().toString()).code);
        app = unpacked.resolve(name);

        tools = Files.createDirectories(base.resolve("only these tools"));
        Files.createSymbolicLink(tools.resolve("sh"), Path.of("/bin/sh").toRealPath());
        Files.createSymbolicLink(tools.resolve("readlink"), which("readlink"));
        Files.createSymbolicLink(tools.resolve("dirname"), which("dirname")); // gawah.desktop's Exec line
        marker = base.resolve("a java from the PATH or JAVA_HOME ran");
        Path fakeJava = tools.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"$0\" >> '" + marker + "'\nexit 97\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path fakeJdk = Files.createDirectories(base.resolve("fake jdk/bin"));
        Files.copy(fakeJava, fakeJdk.resolve("java"));
        elsewhere = Files.createDirectories(base.resolve("some other folder"));
    }

    @Test
    void versionAndHelpRunOnTheBundledRuntimeOnly() throws Exception {
        assertTrue(Files.isExecutable(app.resolve("runtime/bin/java")));
        Result version = gawah(elsewhere, Map.of(), "--version");
        assertEquals(0, version.code, version.err);
        assertTrue(version.out.startsWith("gawah "), version.out);

        Result help = gawah(elsewhere, Map.of(), "--help");
        assertEquals(0, help.code, help.err);
        assertTrue(help.out.contains("quickstart"), help.out);

        Result settings = gawah(elsewhere, Map.of("GAWAH_JAVA_OPTS", "-XshowSettings:properties"), "--version");
        assertEquals(0, settings.code, settings.err);
        assertTrue(settings.err.contains("java.home = " + app.resolve("runtime").toRealPath()), settings.err);
        assertFalse(Files.exists(marker), "a java other than the bundled one ran");
    }

    @Test
    void runsThroughSymbolicLinksAndFromThePath() throws Exception {
        Path links = Files.createDirectories(base.resolve("my links"));
        Path direct = Files.createSymbolicLink(links.resolve("gawah"), app.resolve("bin/gawah"));
        Path chained = Files.createSymbolicLink(links.resolve("gawah again"), Path.of("gawah"));
        for (Path link : List.of(direct, chained)) {
            Result result = run(elsewhere, env(Map.of()), link.toString(), "--version");
            assertEquals(0, result.code, link + ": " + result.err);
            assertTrue(result.out.startsWith("gawah "), result.out);
        }
        // Typed as plain "gawah": the shell finds the link on the PATH.
        Result typed = run(elsewhere, env(Map.of("PATH", links + ":" + tools)), "/bin/sh", "-c", "gawah --version");
        assertEquals(0, typed.code, typed.err);
        assertTrue(typed.out.startsWith("gawah "), typed.out);
        // And from inside bin/, as "./gawah".
        Result local = run(app.resolve("bin"), env(Map.of()), "./gawah", "--version");
        assertEquals(0, local.code, local.err);
        assertFalse(Files.exists(marker), "a java other than the bundled one ran");
    }

    @Test
    void quickstartRunsTheWholeFlow() throws Exception {
        Path demo = base.resolve("demo folder/quick start");
        Result result = gawah(elsewhere, Map.of(), "quickstart", "--dir", demo.toString());
        assertEquals(0, result.code, result.err);
        assertTrue(result.err.contains("good signature from ") && result.err.contains(" (Documenter D-14 (demo)), signed"), result.err);
        assertTrue(result.out.contains("exit code 29 (cannot decrypt), as it should"), result.out);
        assertTrue(result.out.contains("شاهد گفت"), "the Dari account is shown");
        assertTrue(result.out.contains(": VALID"), result.out);
        assertTrue(result.out.contains("vault intact"), result.out);
        assertTrue(Files.isRegularFile(demo.resolve("exchange/evidence-icc.zip")));
        // Nothing the runtime lacks was reached for: no warning, no stack trace.
        assertFalse(result.err.contains("Exception"), result.err);
        assertFalse(result.err.contains("WARNING"), result.err);
        assertFalse(Files.exists(marker), "a java other than the bundled one ran");
    }

    @Test
    void theWholeFlowStartsFromSharedClassesAndNeverBuildsBouncyCastlesProvider() throws Exception {
        // Java 25 and later: -XX:AOTMode=on stops the start when the ahead-of-time cache the build
        // trained is missing or unusable here (unpacked elsewhere, under a heap of 64 MB as the
        // benchmarks run); Gawah's and Bouncy Castle's classes then come from it. Java 17: -Xshare:on
        // does the same for the runtime's class data sharing archive (jlink --generate-cds-archive).
        // class+load names every class and where it came from.
        boolean aot = javaFeature() >= 25;
        assertEquals(aot, Files.isRegularFile(app.resolve("lib/gawah.aot")), "an ahead-of-time cache exactly on Java 25 and later");
        Path demo = base.resolve("demo with class loading shown");
        Result result = gawah(elsewhere, Map.of("GAWAH_JAVA_OPTS", (aot ? "-XX:AOTMode=on -Xmx64m" : "-Xshare:on") + " -Xlog:class+load"),
                "quickstart", "--dir", demo.toString());
        assertEquals(0, result.code, result.err);
        assertTrue(result.out.contains("java.lang.Object source: shared objects file"), "JDK classes come from the archive");
        assertTrue(result.out.contains("org.bouncycastle.openpgp.PGPSignature source:"), "the log covers Bouncy Castle");
        if (aot) {
            for (String loaded : List.of("org.gawah.cli.Main", "org.bouncycastle.openpgp.PGPSignature", "org.sqlite.JDBC")) {
                assertTrue(result.out.contains(loaded + " source: shared objects file"), loaded + " comes from the cache");
            }
        }
        // A provider missing from the runtime's list makes the JDK search the class path, which
        // builds Bouncy Castle's whole provider (a fifth of a second a run); Gawah never needs it.
        assertFalse(result.out.contains("org.bouncycastle.jce.provider.BouncyCastleProvider source:"),
                "Bouncy Castle's JCA provider was built");
    }

    @Test
    void aCopyWhoseJarsLostTheirTimesRunsWithoutTheCacheAndSaysNothingOfIt() throws Exception {
        // The ahead-of-time cache checks each jar's size and time; cp without -p gives new times.
        // Java then runs without the cache (slower), and its complaint must not reach stdout, which
        // carries data only, nor stderr.
        Path copy = base.resolve("copied without times");
        Result copied = run(Path.of(""), Map.of("PATH", System.getenv("PATH")), "cp", "-r", app.toString(), copy.toString());
        assertEquals(0, copied.code, copied.err);
        Result version = run(elsewhere, env(Map.of()), copy.resolve("bin/gawah").toString(), "--version");
        assertEquals(0, version.code, version.err);
        assertEquals("gawah 0.1.0\n", version.out);
        assertEquals("", version.err);
        if (javaFeature() >= 25) {
            Result strict = run(elsewhere, env(Map.of("GAWAH_JAVA_OPTS", "-XX:AOTMode=on")), copy.resolve("bin/gawah").toString(), "--version");
            assertNotEquals(0, strict.code, "the copy's jars no longer match the cache: " + strict.out);
        }
    }

    @Test
    void theWindowStartsFromItsOwnCacheTrainedOnTheRecordsPageAndRefusesItOnceAnyJarChanged() throws Exception {
        // Java 25: dist/build.sh trained lib/gawah-desktop.aot by opening and searching the records
        // page of a throw-away home (gawah desktop --train-records-page). With -XX:AOTMode=on the
        // start stops if the cache is unusable; its classes (all loaded at start) include the
        // records page's, which the quickstart's lib/gawah.aot never loads.
        if (javaFeature() < 25) {
            assertFalse(Files.exists(app.resolve("lib/gawah-desktop.aot")), "an ahead-of-time cache only on Java 25 and later");
            return;
        }
        assertTrue(Files.isRegularFile(app.resolve("lib/gawah-desktop.aot")), "the window's cache was not trained (xvfb-run?)");
        String window = "org.gawah.desktop.RecordsView source: shared objects file";
        Result desktop = run(elsewhere, env(Map.of("GAWAH_JAVA_OPTS", "-XX:AOTMode=on -Xlog:class+load")),
                app.resolve("bin/gawah-desktop").toString(), "--help");
        assertEquals(0, desktop.code, desktop.err);
        assertTrue(desktop.out.contains(window), "bin/gawah-desktop did not start from lib/gawah-desktop.aot");
        assertTrue(desktop.out.contains("org.gawah.app.LegalRecords source: shared objects file"), "the opening is in it");
        // The cache keeps classes, profiles and some of the JDK's objects, not what the training
        // opened: no pseudonym of its generated testimonies (W-00001...), nor its passphrase.
        String cache = new String(Files.readAllBytes(app.resolve("lib/gawah-desktop.aot")), StandardCharsets.ISO_8859_1);
        for (String trace : List.of("W-000", "throw-away training home")) {
            assertFalse(cache.contains(trace) || cache.contains(utf16(trace)), trace + " is in lib/gawah-desktop.aot");
        }
        Result command = gawah(elsewhere, Map.of("GAWAH_JAVA_OPTS", "-XX:AOTMode=on -Xlog:class+load"), "--version");
        assertEquals(0, command.code, command.err);
        assertFalse(command.out.contains(window), "bin/gawah starts from lib/gawah.aot, not the window's");

        // JDK-8377932 (bench/README.md): a cache made in one step may check the class path only up
        // to some jar. Each jar in turn gets a new time, in a copy that kept the others': the
        // window's cache must be refused every time, and the commands' for Gawah's own jar.
        Path copy = base.resolve("copy with one jar changed");
        Result copied = run(Path.of(""), Map.of("PATH", System.getenv("PATH")), "cp", "-rp", app.toString(), copy.toString());
        assertEquals(0, copied.code, copied.err);
        Map<String, String> strict = env(Map.of("GAWAH_JAVA_OPTS", "-XX:AOTMode=on"));
        assertEquals(0, run(elsewhere, strict, copy.resolve("bin/gawah-desktop").toString(), "--help").code, "the copy as it was");
        List<Path> jars;
        try (Stream<Path> listed = Files.list(copy.resolve("lib"))) {
            jars = listed.filter(j -> j.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            java.nio.file.attribute.FileTime was = Files.getLastModifiedTime(jar);
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(was.toMillis() + 60_000));
            Result stale = run(elsewhere, strict, copy.resolve("bin/gawah-desktop").toString(), "--help");
            assertNotEquals(0, stale.code, jar.getFileName() + " changed, yet the window's cache was used");
            if (jar.getFileName().toString().equals("gawah.jar")) {
                Result staleCommand = run(elsewhere, strict, copy.resolve("bin/gawah").toString(), "--version");
                assertNotEquals(0, staleCommand.code, "gawah.jar changed, yet lib/gawah.aot was used");
            }
            Files.setLastModifiedTime(jar, was);
        }
        // Without its own cache the window falls back on the commands' one, saying nothing.
        Files.delete(copy.resolve("lib/gawah-desktop.aot"));
        Result fallback = run(elsewhere, env(Map.of("GAWAH_JAVA_OPTS", "-XX:AOTMode=on -Xlog:class+load")),
                copy.resolve("bin/gawah-desktop").toString(), "--help");
        assertEquals(0, fallback.code, fallback.err);
        assertTrue(fallback.out.contains("org.gawah.cli.Main source: shared objects file"), "lib/gawah.aot was not used");
        assertFalse(fallback.out.contains(window));
    }

    @Test
    void sqliteLoadsItsLibraryFromNativeNeverCopyingItIntoTheTemporaryFolder() throws Exception {
        // sqlite-jdbc's own way copies a 1 MB executable into the temporary folder on every run (a
        // killed run leaves it, a noexec folder refuses it). Here its temporary folder is a plain
        // file, where nothing can be copied: the vault must open all the same.
        Path notAFolder = Files.writeString(base.resolve("not-a-folder"), ""); // GAWAH_JAVA_OPTS splits at spaces
        Path home = base.resolve("home without a temporary folder");
        Map<String, String> options = Map.of("GAWAH_JAVA_OPTS", "-Dorg.sqlite.tmpdir=" + notAFolder);
        Result init = gawah(elsewhere, options, "init", "--home", home.toString());
        assertEquals(0, init.code, init.err);
        Result list = gawah(elsewhere, options, "list", "--home", home.toString());
        assertEquals(0, list.code, list.err);
        assertTrue((list.out + list.err).contains("the vault is empty"), list.err);
        assertEquals("", Files.readString(notAFolder));
    }

    @Test
    void ctrlCInAnInterviewAsksBeforeDiscarding() {
        // sun.misc.Signal (jdk.unsupported) at work: without it, Ctrl-C would end the program.
        Homes homes = new Homes(base.resolve("interview homes"));
        ResourceBundle english = ResourceBundle.getBundle("org.gawah.cli.messages", Locale.ENGLISH);
        Map<String, String> env = env(Map.of("TERM", "xterm"));
        try (Pty pty = Pty.start(List.of(app.resolve("bin/gawah").toString(), "interview",
                "--home", homes.documenter.toString(), "--lang", "en"), env, elsewhere)) {
            pty.expect("Passphrase");
            pty.type(Homes.PASSPHRASE);
            pty.expect(ResourceBundle.getBundle("org.gawah.interview.messages", Locale.ENGLISH).getString("interview.q.purpose").strip());
            pty.keys("\u0003");
            pty.expect(english.getString("interview.interrupted").strip());
            pty.type("2");
            pty.expect(english.getString("interview.discarded").strip());
            assertEquals(0, pty.exitCode(), pty.screen());
        }
        assertFalse(Files.exists(marker), "a java other than the bundled one ran");
    }

    @Test
    void runtimeHoldsOnlyTheListedModules() throws Exception {
        Set<String> modules = Set.of(release(app.resolve("runtime/release")).get("MODULES").split(" "));
        for (String line : Files.readAllLines(Path.of("dist/modules.txt"))) {
            String module = line.replaceAll("#.*", "").split("\\s+")[0];
            if (module.startsWith("!")) {
                assertFalse(modules.contains(module.substring(1)), module + " is in the runtime: " + modules);
            } else if (!module.isEmpty()) {
                assertTrue(modules.contains(module), module + " is not in the runtime: " + modules);
            }
        }
        assertFalse(Files.exists(app.resolve("runtime/include")), "no header files");
        assertFalse(Files.exists(app.resolve("runtime/man")), "no man pages");

        Path probe = Path.of(RuntimeProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Result result = run(elsewhere, env(Map.of()), app.resolve("runtime/bin/java").toString(),
                "-cp", probe.toString(), RuntimeProbe.class.getName());
        assertEquals(0, result.code, result.err);
        assertEquals(RuntimeProbe.EXPECTED, result.out.strip());
    }

    @Test
    void libHoldsTheBuiltJarsAndBouncyCastlesClassesUnsigned() throws Exception {
        Map<String, String> built = new TreeMap<>();
        built.put("gawah.jar", sha256(Path.of("target/gawah.jar")));
        try (Stream<Path> jars = Files.list(Path.of("target/lib"))) {
            for (Path jar : jars.toList()) {
                built.put(jar.getFileName().toString(), sha256(jar));
            }
        }
        Map<String, String> shipped = new TreeMap<>();
        try (Stream<Path> jars = Files.list(app.resolve("lib"))) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                shipped.put(jar.getFileName().toString(), sha256(jar));
            }
        }
        assertEquals(built.keySet(), shipped.keySet());
        for (String jar : built.keySet()) {
            if (jar.startsWith("bc")) {
                // Every class and resource as Maven Central's signed jar has it, byte for byte; only
                // the signature files and the manifest's digest per entry are gone (README says how
                // anyone compares them).
                assertNotEquals(built.get(jar), shipped.get(jar), jar);
                Map<String, String> signed = entries(Path.of("target/lib", jar));
                Map<String, String> unsigned = entries(app.resolve("lib").resolve(jar));
                signed.keySet().removeIf(name -> name.matches("META-INF/[^/]+\\.(SF|RSA)"));
                assertEquals(signed.keySet(), unsigned.keySet(), jar);
                for (String entry : signed.keySet()) {
                    if (!entry.equals("META-INF/MANIFEST.MF")) {
                        assertEquals(signed.get(entry), unsigned.get(entry), jar + "!" + entry);
                    }
                }
                assertNotSigned(app.resolve("lib").resolve(jar));
            } else {
                assertEquals(built.get(jar), shipped.get(jar), jar + " is not the one Maven built or fetched");
            }
        }
        assertSigned(Path.of("target/lib/bcprov-jdk18on-1.87.jar"), "org/bouncycastle/jce/provider/BouncyCastleProvider.class");
        String manifest = new String(entry(app.resolve("lib/bcprov-jdk18on-1.87.jar"), "META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("Bundle-SymbolicName: bcprov") && !manifest.contains("SHA-256-Digest"), manifest);
    }

    @Test
    void theBuildRefusesABouncyCastleJarThatIsNotThePinnedOne() throws Exception {
        Path jar = Path.of("target/lib/bcpg-jdk18on-1.87.jar");
        Path changed = Files.createDirectories(base.resolve("changed jar")).resolve(jar.getFileName());
        // One class replaced by another's bytes: the signature no longer matches it.
        try (ZipFile in = new ZipFile(jar.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(changed))) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                String from = entry.getName().equals("org/bouncycastle/openpgp/PGPPublicKeyRing.class")
                        ? "org/bouncycastle/openpgp/PGPSecretKeyRing.class" : entry.getName();
                try (InputStream data = in.getInputStream(in.getEntry(from))) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Path out = base.resolve("unsigned out");
        Map<String, String> withJdk = Map.of("PATH", System.getenv("PATH"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Result unpinned = run(Path.of(""), withJdk, java, "dist/UnsignedJars.java", "dist/bouncycastle.pins", out.toString(), changed.toString());
        assertEquals(1, unpinned.code, unpinned.err);
        assertTrue(unpinned.err.startsWith("dist: error: " + changed + " is not the jar pinned for bcpg-jdk18on-1.87.jar"), unpinned.err);

        // Pinned by its own digest, it still fails on the signature of the class that changed.
        Path pins = Files.writeString(base.resolve("pins"), Files.readString(Path.of("dist/bouncycastle.pins"))
                .replaceAll("(?m)^[0-9a-f]{64}  bcpg-jdk18on-1.87.jar$", sha256(changed) + "  bcpg-jdk18on-1.87.jar"));
        Result unsigned = run(Path.of(""), withJdk, java, "dist/UnsignedJars.java", pins.toString(), out.toString(), changed.toString());
        assertEquals(1, unsigned.code, unsigned.err);
        assertTrue(unsigned.err.contains("org/bouncycastle/openpgp/PGPPublicKeyRing.class does not match its signature"), unsigned.err);
        assertFalse(Files.exists(out.resolve(jar.getFileName())), "nothing written");

        Result good = run(Path.of(""), withJdk, java, "dist/UnsignedJars.java", "dist/bouncycastle.pins", out.toString(), jar.toString());
        assertEquals(0, good.code, good.err);
        assertNotSigned(out.resolve(jar.getFileName()));
    }

    @Test
    void sumsAndReadmeDescribeWhatIsThere() throws Exception {
        List<String> lines = Files.readAllLines(app.resolve("SHA256SUMS"));
        Set<String> listed = lines.stream().map(l -> l.substring(66)).collect(Collectors.toSet());
        for (String line : lines) {
            assertEquals(line.substring(0, 64), sha256(app.resolve(line.substring(66))), line);
        }
        assertTrue(listed.containsAll(Set.of("bin/gawah", "bin/gawah.cmd", "bin/gawah-desktop", "bin/gawah-desktop.cmd",
                "gawah.desktop", "fonts/Vazirmatn-Regular.ttf", "fonts/Vazirmatn-Bold.ttf", "fonts/OFL.txt",
                "lib/gawah.jar", "native/libsqlitejdbc.so", "README.txt", "runtime/release")), listed.toString());
        assertEquals(javaFeature() >= 25, listed.contains("lib/gawah-desktop.aot"), listed.toString());
        assertTrue(Files.isExecutable(app.resolve("bin/gawah-desktop")));
        assertTrue(Files.isExecutable(app.resolve("gawah.desktop")), "file managers launch only an executable .desktop file");
        String readme = Files.readString(app.resolve("README.txt"));
        assertTrue(readme.contains("bin/gawah quickstart"), readme);
        assertTrue(readme.contains("sha256sum -c " + name + ".tar.gz.sha256"), readme);
        assertFalse(readme.contains("@"), "every placeholder is filled: " + readme);
    }

    @Test
    void windowsLauncherHasCrlfAndUsesOnlyItsOwnRuntime() throws Exception {
        String cmd = Files.readString(app.resolve("bin/gawah.cmd"), StandardCharsets.US_ASCII);
        assertEquals(cmd.split("\n", -1).length - 1, cmd.split("\r\n", -1).length - 1, "every line ends in CRLF");
        assertTrue(cmd.endsWith("\r\n"));
        assertTrue(cmd.contains("%~dp0"), cmd);
        assertTrue(cmd.contains("\"%GAWAH_APP%\\runtime\\bin\\java.exe\" -XX:+UseSerialGC"
                + " -XX:CompileThresholdScaling=10 -XX:CompileCommand=quiet" + JDK_CRYPTO_COMPILED_EARLY + " --enable-native-access=ALL-UNNAMED"
                + " \"-Dorg.sqlite.lib.path=%GAWAH_APP%\\native\" -Dorg.sqlite.lib.name=sqlitejdbc.dll"
                + " \"-Dgawah.fonts=%GAWAH_APP%\\fonts\" %GAWAH_JAVA_OPTS% -cp \"%GAWAH_APP%\\lib\\*\" org.gawah.cli.Main %*"), cmd);
        assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), cmd);
        // The window's: javaw.exe (no console window), started and left, so the .cmd's console closes.
        String window = Files.readString(app.resolve("bin/gawah-desktop.cmd"), StandardCharsets.US_ASCII);
        assertEquals(window.split("\n", -1).length - 1, window.split("\r\n", -1).length - 1, "every line ends in CRLF");
        assertTrue(window.contains("start \"Gawah\" \"%GAWAH_APP%\\runtime\\bin\\javaw.exe\" -XX:+UseSerialGC"
                + " -XX:CompileThresholdScaling=10 -XX:CompileCommand=quiet" + JDK_CRYPTO_COMPILED_EARLY + " --enable-native-access=ALL-UNNAMED"
                + " \"-Dorg.sqlite.lib.path=%GAWAH_APP%\\native\" -Dorg.sqlite.lib.name=sqlitejdbc.dll"
                + " \"-Dgawah.fonts=%GAWAH_APP%\\fonts\" %GAWAH_JAVA_OPTS% -cp \"%GAWAH_APP%\\lib\\*\" org.gawah.cli.Main desktop %*"), window);
        for (String launcher : List.of(cmd, window)) {
            assertTrue(launcher.contains("%~dp0"), launcher);
            for (String line : launcher.split("\r\n")) {
                if (!line.startsWith("rem ")) {
                    assertFalse(line.contains("JAVA_HOME") || line.matches("(?i)\\s*javaw?(\\.exe)?\\s.*"), line);
                }
            }
        }
    }

    @Test
    void crossBuildTakesOsAndArchitectureFromTheTargetJdk() throws Exception {
        // No Windows JDK can be fetched here: this one's jmods, relabelled Windows in its release
        // file, prove the naming, the zip and the CRLF; a real Windows runtime needs a real one.
        Path host = Path.of(System.getProperty("java.home"));
        Path windows = Files.createDirectories(base.resolve("windows jdk"));
        Files.createSymbolicLink(windows.resolve("jmods"), host.resolve("jmods"));
        Files.writeString(windows.resolve("release"), Files.readString(host.resolve("release"))
                .replaceAll("(?m)^OS_NAME=.*$", "OS_NAME=\"Windows\"").replaceAll("(?m)^OS_ARCH=.*$", "OS_ARCH=\"amd64\""));
        Path out = base.resolve("cross out");
        Map<String, String> withJdk = Map.of("JAVA_HOME", host.toString(), "PATH", System.getenv("PATH"));
        Result result = run(Path.of(""), withJdk, "sh", "dist/build.sh", "--skip-maven", "--jdk", windows.toString(),
                "--out", out.toString(), "--version", "9.9");
        assertEquals(0, result.code, result.err);
        String winName = "gawah-9.9-windows-x64";
        assertEquals(out.resolve(winName).toString(), result.out.strip());
        assertFalse(Files.exists(out.resolve(winName + ".tar.gz")));
        assertTrue(Files.isRegularFile(out.resolve(winName + ".zip.sha256")));
        try (ZipFile zip = new ZipFile(out.resolve(winName + ".zip").toFile())) {
            assertNotNull(zip.getEntry(winName + "/bin/gawah.cmd"));
            assertNotNull(zip.getEntry(winName + "/lib/gawah.jar"));
            assertNotNull(zip.getEntry(winName + "/native/sqlitejdbc.dll"), "SQLite's library for Windows x64");
            try (InputStream readme = zip.getInputStream(zip.getEntry(winName + "/README.txt"))) {
                String text = new String(readme.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.startsWith("Gawah 9.9 for windows-x64\r\n"), text);
            }
        }

        Result refused = run(Path.of(""), withJdk, "sh", "dist/build.sh", "--skip-maven", "--jdk", base.toString(),
                "--out", out.toString());
        assertNotEquals(0, refused.code);
        assertTrue(refused.err.contains("dist: error: ") && refused.err.contains("jmods"), refused.err);
    }

    @Test
    void theDesktopFileOpensTheWindowOnTheBundledRuntimeAndGawahLockClosesIt() throws Exception {
        // The .desktop file launched as GNOME's file manager launches one (GLib's DesktopAppInfo,
        // which gives Exec its own path as %k), on a screen of its own, with no Java on the PATH.
        Path home = base.resolve("window home");
        Path temporary = Files.createDirectories(base.resolve("window-tmp")); // GAWAH_JAVA_OPTS splits at spaces
        Path user = Files.createDirectories(base.resolve("window user"));
        Path runtime = Files.createDirectories(base.resolve("window runtime"));
        try (VirtualScreen screen = VirtualScreen.start()) {
            Map<String, String> session = env(Map.of("DISPLAY", screen.display(), "GAWAH_HOME", home.toString(),
                    "HOME", user.toString(), "XDG_RUNTIME_DIR", runtime.toString(),
                    "GAWAH_JAVA_OPTS", "-Djava.io.tmpdir=" + temporary));
            // The window's own output lands where GLib's launcher's went: kept in a file for a failure to show.
            Path output = base.resolve("window output.txt");
            ProcessBuilder glib = new ProcessBuilder("/usr/bin/python3", "-c",
                    "import sys\nfrom gi.repository import Gio\n"
                    + "sys.exit(0 if Gio.DesktopAppInfo.new_from_filename(sys.argv[1]).launch([], None) else 3)",
                    app.resolve("gawah.desktop").toString())
                    .directory(elsewhere.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            glib.environment().clear();
            glib.environment().putAll(session);
            Process launcher = glib.start();
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, launcher.exitValue(), "GLib could not launch gawah.desktop (Debian: python3-gi): " + Files.readString(output));

            Path sessions = home.resolve("sessions");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<Path> open = List.of();
            while (open.isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "no window registered with the home in 60 s: " + Files.readString(output));
                Thread.sleep(100);
                if (Files.isDirectory(sessions)) {
                    try (Stream<Path> files = Files.list(sessions)) {
                        // PID.new is a session file being written, renamed to PID when whole (docs/format/home.md)
                        open = files.filter(f -> f.getFileName().toString().matches("[0-9]+")).toList();
                    }
                }
            }
            ProcessHandle window = ProcessHandle.of(Long.parseLong(open.get(0).getFileName().toString())).orElseThrow();
            assertEquals(app.resolve("runtime/bin/java").toRealPath().toString(), window.info().command().orElse(""),
                    "the window runs on the bundled runtime");
            Result shown = run(elsewhere, Map.of("DISPLAY", screen.display(), "PATH", "/usr/bin:/bin"), "xwininfo", "-root", "-tree");
            assertTrue(shown.out.contains("\"Gawah\""), "no window named Gawah on the screen: " + shown.out);

            Result lock = gawah(elsewhere, session, "lock");
            assertEquals(0, lock.code, lock.err);
            assertTrue(lock.err.contains("closed 1 running"), lock.err);
            window.onExit().get(5, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(temporary)) {
            assertEquals(List.of(temporary), files.toList(), "the window wrote into the temporary folder");
        }
        assertFalse(Files.exists(marker), "a java other than the bundled one ran");
    }

    // --- helpers ---

    /** This machine as dist/build.sh names it from the JDK's release file. */
    private static String hostTarget() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return (os.contains("mac") ? "macos" : os.contains("win") ? "windows" : "linux") + "-"
                + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch);
    }

    private static Result gawah(Path dir, Map<String, String> extra, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(app.resolve("bin/gawah").toString());
        command.addAll(List.of(args));
        return run(dir, env(extra), command.toArray(String[]::new));
    }

    /** No Java anywhere but the bundled one: PATH holds sh, readlink and a fake java; JAVA_HOME a fake JDK. */
    private static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tools.toString());
        env.put("JAVA_HOME", base.resolve("fake jdk").toString());
        env.put("HOME", base.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(extra);
        return env;
    }

    private record Result(int code, String out, String err) {
    }

    /** Runs a command with exactly {@code env} as its environment. */
    private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        Path out = Files.createTempFile(base, "out", ".txt");
        Path err = Files.createTempFile(base, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toAbsolutePath().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        if (!env.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** {@code text} as Java holds a string outside Latin-1 (UTF-16, little-endian here), read as Latin-1. */
    private static String utf16(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1);
    }

    private static Path which(String tool) throws IOException {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path path = Path.of(dir, tool);
            if (Files.isExecutable(path)) {
                return path.toRealPath();
            }
        }
        throw new AssertionError(tool + " not found");
    }

    private static Map<String, String> release(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1).replace("\"", ""));
            }
        }
        return values;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Each entry's name and the SHA-256 of its bytes. */
    private static Map<String, String> entries(Path jar) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                }
            }
        }
        return entries;
    }

    private static byte[] entry(Path jar, String name) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    /** No entry of the jar has a signer, read through a verifying JarFile. */
    private static void assertNotSigned(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    in.readAllBytes();
                }
                assertEquals(null, entry.getCodeSigners(), jar + "!" + entry.getName() + " is signed");
            }
        }
    }

    /** The feature version of the bundled runtime (17, 25). */
    private static int javaFeature() throws IOException {
        String version = release(app.resolve("runtime/release")).get("JAVA_VERSION");
        return Integer.parseInt(version.split("[.+-]")[0]);
    }

    /** Reads the entry through a verifying JarFile: a broken or stripped signature has no signers. */
    private static void assertSigned(Path jar, String entryName) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            JarEntry entry = file.getJarEntry(entryName);
            try (InputStream in = file.getInputStream(entry)) {
                in.readAllBytes();
            }
            assertNotNull(entry.getCodeSigners(), jar + " is no longer signed");
        }
    }
}
