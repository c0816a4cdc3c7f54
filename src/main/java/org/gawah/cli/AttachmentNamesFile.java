package org.gawah.cli;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.AttachmentList;
import org.gawah.app.InputFile;
import org.gawah.testimony.Attachment;

/**
 * Files to attach named in a list ({@code record --attach-from LIST}, {@code --attach-copy-from},
 * {@code attach --files-from}) rather than on the command line, where {@code ps} and the shell
 * history would show their names, and a file name can carry the witness's. One path a line,
 * UTF-8; a relative one from the list's own folder (so a list made beside the files works from
 * anywhere), from the current folder when the list comes on standard input ({@code -}); blank
 * lines and the spaces around a line are skipped. A line {@code --transcript-of REF} or
 * {@code --translation-of REF} relates the file named before it, as on the command line, so a
 * reference by file name stays off the command line too. Any other line starting with {@code -}
 * is refused: a typo in a relation is not taken for a file name ({@code ./-name} names such a file).
 */
final class AttachmentNamesFile {
    private static final Pattern RELATION = Pattern.compile("(--transcript-of|--translation-of)(?:=|\\s+)(\\S.*)");

    private final Terminal terminal;
    /** What already reads standard input (as typed, e.g. {@code --from -}), or null: it can be read once. */
    private String stdinTakenBy;

    AttachmentNamesFile(Terminal terminal, String stdinTakenBy) {
        this.terminal = terminal;
        this.stdinTakenBy = stdinTakenBy;
    }

    /** Adds the files {@code list} names to {@code into}, in its order, as given with {@code option}. */
    void readInto(Path list, String option, String generation, AttachmentList into) {
        boolean stdin = list.toString().equals("-");
        if (stdin) {
            if (stdinTakenBy != null) {
                throw new GawahException(Failure.USAGE, Messages.of("attach.list-stdin-taken", option, stdinTakenBy),
                        Messages.of("attach.list-stdin-taken.hint"));
            }
            stdinTakenBy = option + " -";
        }
        byte[] bytes = stdin ? fromStdin() : InputFile.read(list, InputFile.Kind.FILE_LIST);
        String text;
        try {
            text = Utf8.decode(bytes, Messages.of("attach.list-named", list), Failure.USAGE);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        Path folder = stdin ? Path.of("") : list.toAbsolutePath().getParent();
        int before = into.entries().size();
        int number = 0;
        for (String line : text.split("\r?\n", -1)) {
            number++;
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            Matcher relation = RELATION.matcher(name);
            if (relation.matches()) {
                into.relate(relation.group(1).equals("--transcript-of") ? Attachment.Derived.Kind.TRANSCRIPT
                        : Attachment.Derived.Kind.TRANSLATION, relation.group(2).strip());
            } else if (name.startsWith("-")) {
                throw new GawahException(Failure.USAGE, Messages.of("attach.list-bad-option", list, number),
                        Messages.of("attach.list-bad-option.hint"));
            } else {
                try {
                    into.add(folder.resolve(name), generation);
                } catch (InvalidPathException e) {
                    throw new GawahException(Failure.USAGE, Messages.of("attach.list-bad-line", list, number));
                }
            }
        }
        if (into.entries().size() == before) {
            throw new GawahException(Failure.USAGE, Messages.of("attach.list-empty", list),
                    Messages.of("attach.list-empty.hint"));
        }
    }

    private byte[] fromStdin() {
        try {
            byte[] data = terminal.in().readNBytes(InputFile.Kind.FILE_LIST.cap + 1);
            if (data.length > InputFile.Kind.FILE_LIST.cap) {
                Arrays.fill(data, (byte) 0);
                throw InputFile.Kind.FILE_LIST.tooLarge(Path.of("-"));
            }
            return data;
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("record.cannot-read-stdin", e.getMessage()));
        }
    }
}
