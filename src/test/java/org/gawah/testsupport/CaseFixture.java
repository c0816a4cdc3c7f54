package org.gawah.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A legal team with one case of three records, each imported from a documenter's bag:
 * <ul>
 * <li>{@link #anonymous}: the sample testimony (consent for the ICC, anonymity asked);
 * <li>{@link #legalTeamOnly}: consent for the legal team only, its account holding {@link #LEGAL_ONLY_MARKER};
 * <li>{@link #named}: consent for the ICC, no anonymity, the witness named {@link #NAME} in the account and
 *     in an attachment's file name; a photo, an audio recording and a video clip of a type the computer may not
 *     know, without audio/video consent.
 * </ul>
 */
public final class CaseFixture {
    public static final String NAME = "Zarmina Testname";
    public static final String LEGAL_ONLY_MARKER = "marker-only-for-the-legal-team-7Q2";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Homes homes;
    public final Path base;
    public final String anonymous;
    public final String legalTeamOnly;
    public final String named;
    public final String caseId;
    public final byte[] photo;
    private int outputs;

    public CaseFixture(Path base) {
        this.base = base;
        homes = Homes.copied(base);
        Gawah gawah = homes.gawah;
        anonymous = homes.record();
        legalTeamOnly = record(variant(input -> {
            ((ObjectNode) input.get("consent")).putArray("recipients").add("legal_team");
            ((ObjectNode) input.get("account")).put("text", "The witness said: " + LEGAL_ONLY_MARKER);
        }));
        photo = Photos.jpeg(7);
        Path photoFile = write(base.resolve("photo of " + NAME + ".jpg"), photo);
        Path audioFile = write(base.resolve("interview.wav"), new byte[40_000]);
        Path clipFile = write(base.resolve("clip.3gp"), new byte[30_000]); // a type the computer may not know
        named = record(variant(input -> {
            ((ObjectNode) input.get("consent")).put("anonymity", false);
            ((ObjectNode) input.get("account")).put("text", "My name is " + NAME + ". They took my brother.\n"
                    + "Zarmina is what my mother calls me.");
            ((ObjectNode) input.get("identity")).put("name", NAME);
        }), "--attach", photoFile.toString(), "--attach", audioFile.toString(), "--attach", clipFile.toString());
        Path bag = base.resolve("submission.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        caseId = gawah.caseCreate(homes.legal, "Detentions, Herat 2025").ok().out().strip();
        gawah.in(homes.legal, "case", "add", caseId, anonymous, legalTeamOnly, named, "--tag", "rome:7(1)(h)",
                "--tag", "rome:7(1)(e)", "--reliability", "high").ok();
    }

    /** Runs {@code gawah export} of the case in the legal home into a new file; returns it. */
    public Path export(String profile, String... extra) {
        Path out = base.resolve("package-" + (++outputs) + ".zip");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("export", "--case", caseId, "--for",
                profile, "--out", out.toString()));
        args.addAll(java.util.List.of(extra));
        homes.gawah.in(homes.legal, args.toArray(new String[0])).ok();
        return out;
    }

    /** The legal team's certificate, exported to a file; returns its path. */
    public String exportedCertificate() {
        Path file = base.resolve("custodian-" + (++outputs) + ".asc");
        homes.gawah.in(homes.legal, "keys", "export", "--out", file.toString()).ok();
        return file.toString();
    }

    /** Every file of a zipped bag, by its path inside the bag folder. */
    public static Map<String, byte[]> files(Path zip) {
        try {
            Map<String, Bags.Item> items = Bags.read(zip);
            String root = Bags.root(items) + "/";
            Map<String, byte[]> files = new LinkedHashMap<>();
            items.values().forEach(item -> files.put(item.name().substring(root.length()), item.data()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unzips a bag into {@code dir}; returns the bag's folder. */
    public static Path unzip(Path zip, Path dir) {
        try {
            Map<String, Bags.Item> items = Bags.read(zip);
            for (Bags.Item item : items.values()) {
                Path file = dir.resolve(item.name());
                Files.createDirectories(file.getParent());
                Files.write(file, item.data());
            }
            return dir.resolve(Bags.root(items));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String record(byte[] input, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("record", "--from", "-"));
        args.addAll(java.util.List.of(extra));
        return homes.gawah.inWithInput(homes.documenter, input, args.toArray(new String[0])).ok().out().strip();
    }

    private static byte[] variant(java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode input = (ObjectNode) JSON.readTree(Homes.sampleInput());
            change.accept(input);
            return JSON.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
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
