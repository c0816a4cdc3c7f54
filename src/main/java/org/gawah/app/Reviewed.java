package org.gawah.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.testimony.RecordId;

/**
 * What a person has read and says may go as it is (export's {@code --reviewed ID},
 * {@code --reviewed-from FILE}, {@code --reviewed-all CASE-ID}): records that no matcher could
 * search (sealed before name keys, identity out of reach), attachments whose contents no
 * matcher reads (text, PDF, office documents, photos), and a case (its id) whose title and
 * analysts' notes could not be searched for such a record's witness. Never instead of the
 * matcher: a record that can be searched is searched, reviewed or not; and never instead of
 * --with-location for a file whose metadata records where it was made.
 */
public final class Reviewed {
    private final Set<String> ids;
    private final boolean all;
    private final Set<String> withLocation;

    private Reviewed(Set<String> ids, boolean all, Set<String> withLocation) {
        this.ids = Set.copyOf(ids);
        this.all = all;
        this.withLocation = Set.copyOf(withLocation);
    }

    /**
     * The ids given, checked: each a record or attachment id; the file, one id a line ({@code #}
     * comments and blank lines skipped); {@code allCase}, when given, must repeat the case id, so
     * that "everything was read" is never said of a case by a command copied from another.
     */
    public static Reviewed ids(List<String> given, Path file, String allCase, String caseId) {
        return ids(given, file, allCase, caseId, List.of());
    }

    /**
     * As above, with the attachments named by {@code --with-location}: a photo, sound or film
     * whose metadata records where it was made, sent with it. Never implied by --reviewed or
     * --reviewed-all: having looked at a picture says nothing of the coordinates inside it.
     */
    public static Reviewed ids(List<String> given, Path file, String allCase, String caseId, List<String> located) {
        if (allCase != null && !allCase.strip().equalsIgnoreCase(caseId)) {
            throw new GawahException(Failure.USAGE, Messages.of("export.reviewed-all-other-case", caseId),
                    Messages.of("export.reviewed-all-other-case.hint", caseId));
        }
        Set<String> ids = new HashSet<>();
        for (String id : given) {
            ids.add(checked(id, Messages.of("export.reviewed-option")));
        }
        if (file != null) {
            byte[] bytes = InputFile.read(file, InputFile.Kind.IDS);
            int number = 0;
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
                number++;
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(checked(id, Messages.of("export.reviewed-line", file, number)));
                }
            }
        }
        Set<String> withLocation = new HashSet<>();
        for (String id : located) {
            String checked = checked(id, Messages.of("export.with-location-option"));
            if (!RecordId.isValid("GWA", checked)) {
                throw new GawahException(Failure.USAGE, Messages.of("export.with-location-not-attachment", checked),
                        Messages.of("export.with-location-not-attachment.hint"));
            }
            withLocation.add(checked);
        }
        return new Reviewed(ids, allCase != null, withLocation);
    }

    /** Nothing said to be read: every record and attachment is judged by what the search and its metadata say (the window). */
    public static Reviewed none() {
        return new Reviewed(Set.of(), false, Set.of());
    }

    /** Whether an attachment may go with the location its metadata records. */
    public boolean locationAllowed(String id) {
        return withLocation.contains(id);
    }

    public boolean contains(String id) {
        return all || ids.contains(id);
    }

    private static String checked(String id, org.gawah.Message where) {
        String upper = id.strip().toUpperCase(Locale.ROOT);
        if (!RecordId.isValid("GWH", upper) && !RecordId.isValid("GWA", upper) && !RecordId.isValid("GWC", upper)) {
            throw new GawahException(Failure.USAGE, Messages.of("export.reviewed-not-an-id", where,
                    id.length() > 40 ? id.substring(0, 40) + "…" : id), Messages.of("export.reviewed-not-an-id.hint"));
        }
        return upper;
    }
}
