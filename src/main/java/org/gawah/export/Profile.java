package org.gawah.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * What one kind of receiving body gets (docs/format/evidence-package.md, "Profiles"): read from a
 * small data file shipped with gawah, so a new recipient is a new file, not new code.
 */
public record Profile(String name, int version, String recipient, String consent, List<String> withhold,
                      boolean analystNotes) {
    public static final List<String> NAMES = List.of("icc", "un-mechanism", "national", "generic");
    private static final Set<String> KEYS = Set.of("name", "version", "recipient", "consent", "withhold", "analyst_notes");
    private static final Set<String> CONSENTS = Set.of("icc", "un_mechanism", "national_court", "publication");

    public Profile {
        withhold = List.copyOf(withhold);
    }

    /** The shipped profile called {@code name}. */
    public static Profile named(String name) {
        if (!NAMES.contains(name)) {
            String known = String.join(", ", NAMES);
            throw new GawahException(Failure.USAGE, Messages.of("profile.unknown", name.matches("[a-z-]{1,30}") ? name : "?"),
                    Messages.of("profile.hint", known));
        }
        try (InputStream in = Profile.class.getResourceAsStream("profiles/" + name + ".profile")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the shipped profile " + name + " cannot be read", e);
        }
    }

    /** {@code key = value} lines and {@code #} comments; every key once, nothing unknown. */
    static Profile parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line.strip() : line.substring(0, eq).strip();
            if (eq < 0 || !KEYS.contains(key) || values.put(key, line.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("profile line '" + line + "': unknown, repeated or not key = value");
            }
        }
        if (!values.keySet().equals(KEYS)) {
            throw new IllegalArgumentException("profile lacks " + KEYS.stream().filter(k -> !values.containsKey(k)).toList());
        }
        if (!CONSENTS.contains(values.get("consent"))) {
            throw new IllegalArgumentException("profile consent must be one of " + CONSENTS);
        }
        List<String> withhold = new ArrayList<>();
        for (String path : values.get("withhold").split(",")) {
            if (!path.isBlank()) {
                if (!path.strip().matches("[a-z_]+(\\.[a-z_]+)*")) {
                    throw new IllegalArgumentException("profile withhold path '" + path + "'");
                }
                withhold.add(path.strip());
            }
        }
        String notes = values.get("analyst_notes");
        if (!notes.equals("yes") && !notes.equals("no")) {
            throw new IllegalArgumentException("analyst_notes must be yes or no");
        }
        return new Profile(values.get("name"), Integer.parseInt(values.get("version")), values.get("recipient"),
                values.get("consent"), withhold, notes.equals("yes"));
    }

    /**
     * Who receives it, in the run's language, for messages; the package itself names the
     * recipient as the profile file does, in English ({@code Intended-Recipient}). A profile
     * added without a translation is named as its file names it.
     */
    public org.gawah.Message recipientName() {
        switch (name) {
            case "icc": return Messages.of("profile.recipient.icc");
            case "un-mechanism": return Messages.of("profile.recipient.un-mechanism");
            case "national": return Messages.of("profile.recipient.national");
            case "generic": return Messages.of("profile.recipient.generic");
            default: return org.gawah.Message.of(null, recipient);
        }
    }

    /** {@code Profile-Identifier} in bag-info.txt. */
    public String identifier() {
        return "urn:gawah:profile:" + name + ":" + version;
    }
}
