package org.gawah.cli;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * Files to attach named in a list ({@code record --attach-from LIST}, {@code --attach-copy-from},
 * {@code attach --files-from}) rather than on the command line, where {@code ps} and the shell
 * history would show their names, and a file name can carry the witness's. One path a line,
 * UTF-8; a relative one from the list's own folder (so a list made beside the files works from
 * anywhere), from the current folder when the list comes on standard input ({@code -}); blank
 * lines and the spaces around a path are skipped.
 */
final class AttachmentNamesFile {
    private AttachmentNamesFile() {
    }

    static List<Path> read(Terminal terminal, Path list) {
        boolean stdin = list.toString().equals("-");
        byte[] bytes = stdin ? fromStdin(terminal) : InputFile.read(list, InputFile.Kind.FILE_LIST);
        String text;
        try {
            text = Utf8.decode(bytes, Messages.of("attach.list-named", list), Failure.USAGE);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        Path folder = stdin ? Path.of("") : list.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\r?\n", -1)) {
            number++;
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                files.add(folder.resolve(name));
            } catch (InvalidPathException e) {
                throw new GawahException(Failure.USAGE, Messages.of("attach.list-bad-line", list, number));
            }
        }
        if (files.isEmpty()) {
            throw new GawahException(Failure.USAGE, Messages.of("attach.list-empty", list),
                    Messages.of("attach.list-empty.hint"));
        }
        return files;
    }

    private static byte[] fromStdin(Terminal terminal) {
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
