package org.gawah.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A testimony that does not validate: exit 65, nothing on stdout, one "gawah: error:" line
 * naming the field and quoting none of the free text, and the vault exactly as it was.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class BadInputWritesNothingTest {
    private static final String FREE_TEXT = "PLAINTEXT-MARKER-7f3a9c she saw them take him at night";
    private static final String DARI = "من هر روز به دروازه\u200cی ولایت رفتم";
    private static final List<String> SECRETS = List.of(FREE_TEXT, "PLAINTEXT-MARKER", DARI, "مریم نمونه", "W-0193");

    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    /** This engine's folder under root. */
    static Path base;
    static Homes homes;

    @BeforeParameterizedClassInvocation
    static void setUp(TestEngine engine) throws java.io.IOException {
        base = Files.createDirectories(root.resolve(engine.name()));
        homes = engine.homes(base);
        homes.record();
    }

    @Test
    void consentNotExplained() throws Exception {
        assertRefused(input(in -> ((ObjectNode) in.get("consent")).put("purpose_explained", false)),
                "consent.purpose_explained");
    }

    @Test
    void unknownField() throws Exception {
        assertRefused(input(in -> ((ObjectNode) in.get("witness")).put("pseudonymn", "W-0193")), "witness.pseudonymn");
    }

    @Test
    void unknownFieldNamedWithFreeText() throws Exception {
        assertRefused(input(in -> ((ObjectNode) in.get("witness")).put(DARI, FREE_TEXT)), "'witness'");
    }

    @Test
    void freeTextInATokenField() throws Exception {
        assertRefused(input(in -> ((ObjectNode) in.get("witness")).put("confidentiality", FREE_TEXT)),
                "witness.confidentiality");
    }

    @Test
    void invalidUtf8InTheAccount() throws Exception {
        byte[] json = input(in -> { });
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf(DARI) + 4; // inside the account: a lone Latin-1 byte, not UTF-8
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[json.length + 1];
        System.arraycopy(head, 0, bad, 0, head.length);
        bad[head.length] = (byte) 0xE9;
        System.arraycopy(json, head.length, bad, head.length + 1, json.length - head.length);
        assertRefused(bad, "UTF-8");
    }

    /** The same through a real process, its System.exit and its real stdout, reading --from FILE. */
    @Test
    void consentNotExplainedInARealProcess() throws Exception {
        Path file = base.resolve("no-consent.json");
        Files.write(file, input(in -> ((ObjectNode) in.get("consent")).put("purpose_explained", false)));
        VaultState before = VaultState.of(homes);
        Process process = GawahProcess.start(engine.childJvmOptions(), homes.documenter, base.resolve("child"),
                "record", "--from", file.toString());
        assertTrue(process.waitFor(3, TimeUnit.MINUTES));
        // slf4j-api is on the test class path only (through gov.loc:bagit): sqlite-jdbc, loaded to check the
        // keyring against the vault's log before the input is read, then says it has no binding.
        String stderr = Files.readString(base.resolve("child.err")).lines().filter(line -> !line.startsWith("SLF4J: "))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertEquals(65, process.exitValue(), stderr);
        assertEquals(0, Files.size(base.resolve("child.out")));
        assertOneErrorLine(stderr, "consent.purpose_explained");
        assertEquals(before, VaultState.of(homes));
    }

    private static void assertRefused(byte[] input, String named) throws Exception {
        VaultState before = VaultState.of(homes);
        Result result = homes.gawah.inWithInput(homes.documenter, input, "record", "--from", "-");
        assertEquals(65, result.code(), result.stderr());
        assertEquals(0, result.stdout().length, result.out());
        assertOneErrorLine(result.stderr(), named);
        assertEquals(before, VaultState.of(homes), "the vault is unchanged");
    }

    private static void assertOneErrorLine(String stderr, String named) {
        List<String> errors = stderr.lines().filter(line -> line.startsWith("gawah: error: ")).toList();
        assertEquals(1, errors.size(), stderr);
        assertTrue(errors.get(0).contains(named), stderr);
        assertTrue(stderr.lines().allMatch(line -> line.startsWith("gawah: ")), stderr);
        for (String secret : SECRETS) {
            assertFalse(stderr.contains(secret), "stderr quotes the testimony: " + stderr);
        }
    }

    /** The sample with FREE_TEXT and DARI in the account, then changed by {@code change}. */
    private static byte[] input(Consumer<ObjectNode> change) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode input = (ObjectNode) mapper.readTree(Homes.sampleInput());
        ((ObjectNode) input.get("account")).put("text", FREE_TEXT + "\n" + DARI + "\n" + FREE_TEXT);
        change.accept(input);
        return mapper.writeValueAsBytes(input);
    }

    /** What {@code gawah list} shows, the number of records, and the vault as it stands (vault.db's bytes, or a team vault's rows). */
    private record VaultState(String listing, int records, String vault) {
        static VaultState of(Homes homes) throws Exception {
            String listing = homes.gawah.in(homes.documenter, "list").ok().out();
            int records;
            try (Vault vault = Vault.openHome(homes.documenter)) {
                records = vault.list().size();
            }
            return new VaultState(listing, records, VaultTamper.snapshot(homes.documenter));
        }
    }
}
