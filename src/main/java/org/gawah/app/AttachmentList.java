package org.gawah.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gawah.testimony.Attachment;

/**
 * The files to seal, in the order they were named (on a command line, in a list of files, or
 * dropped on the window), each with what it was declared a transcript or translation of
 * ({@code --transcript-of REF} after the file). References are kept as typed and resolved by
 * {@link AttachmentSeal#plan}, which says what is wrong with them.
 */
public final class AttachmentList {
    /** One file: "original" or "copy", and the reference typed after it, if any. */
    public record Entry(Path file, String generation, Attachment.Derived.Kind kind, String ref) {
    }

    private final List<Entry> entries = new ArrayList<>();
    /** A --transcript-of or --translation-of given before any file, or twice for one: reported when planned. */
    private String misplaced;

    public void add(Path file, String generation) {
        entries.add(new Entry(file, generation, null, null));
    }

    public void relate(Attachment.Derived.Kind kind, String ref) {
        int last = entries.size() - 1;
        if (last < 0 || entries.get(last).kind() != null) {
            misplaced = misplaced == null ? ref : misplaced;
            return;
        }
        Entry file = entries.get(last);
        entries.set(last, new Entry(file.file(), file.generation(), kind, ref));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The first reference that followed no file of its own, or null. */
    public String misplaced() {
        return misplaced;
    }
}
