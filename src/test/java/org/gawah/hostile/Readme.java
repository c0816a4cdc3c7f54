package org.gawah.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the corpus README from the cases: one row per file, what it is fed to and what must happen. */
final class Readme {
    private Readme() {
    }

    static void write(Path file, List<Corpus.Case> cases, Path dir) throws IOException {
        Map<String, StringBuilder> rows = new LinkedHashMap<>();
        Map<String, String> how = new LinkedHashMap<>();
        for (Corpus.Case c : cases) {
            String expected = c.accepted() ? "accepted" : "exit " + c.exit() + (c.says().isEmpty() ? "" : ", says \"" + c.says() + "\"");
            if (!c.known().isEmpty()) {
                expected += " (KNOWN FAILURE, test disabled: " + c.known() + ")";
            }
            rows.computeIfAbsent(c.file(), k -> new StringBuilder()).append(rows.get(c.file()) == null || rows.get(c.file()).length() == 0
                    ? "" : "; ").append('`').append(c.command()).append("`: ").append(expected);
            how.putIfAbsent(c.file(), c.how());
        }
        StringBuilder out = new StringBuilder();
        out.append("# Hostile-input corpus\n\n");
        out.append("Crafted inputs for every parser that meets files from outside: sealed messages, certificates, ")
                .append("submission bags, evidence packages, testimony input. Every file here is made by ")
                .append("`org.gawah.hostile.Corpus` (src/test/java), which also writes `cases.tsv` (what each file is fed ")
                .append("to and what must come out, read by the tests) and this README. Make them again with ")
                .append("`bench/hostile-corpus.sh`; the keys are new each time, so every byte changes, and the tests ")
                .append("depend only on the kinds.\n\n");
        out.append("`keys/` holds the corpus keys (passphrase `correct horse battery staple`, cheap S2K): messages are ")
                .append("signed by the documenter and encrypted to the legal team. `valid/` holds one valid input of each ")
                .append("kind, made by Gawah itself; they are the fuzz targets' first seeds (copied with the hostile files ")
                .append("into src/test/resources/org/gawah/fuzz/*Inputs/).\n\n");
        out.append("Commands (`HostileInputsTest`, each in a home set up from the corpus keys, `--lang en`):\n\n")
                .append("- `open`: `gawah open --sealed FILE` in the legal team's home\n")
                .append("- `verify-sealed`: `gawah verify FILE` (an encrypted evidence package) in a receiving body's home\n")
                .append("- `import-key-legal`: `gawah keys import --role legal FILE` in the documenter's home\n")
                .append("- `import-key-documenter`: `gawah keys import --role documenter FILE` in the legal team's home\n")
                .append("- `verify-bag`, `import-bag`: `gawah verify FILE`, `gawah import FILE` in the legal team's home\n")
                .append("- `verify-package`: `gawah verify FILE` in the receiving body's home\n")
                .append("- `record`: `gawah record --from FILE` in the documenter's home\n")
                .append("- `record-and-open`: recorded, submitted, imported and opened, testimony and identity (`SqlMetacharactersTest`)\n")
                .append("- `import-and-open-attachments`: `import FILE` (a sound bag), then `open ID --attachments DIR`\n")
                .append("- `own-key`: the file installed as the own key of a copy of the legal home, then ")
                .append("`open --sealed NAME.message.pgp`\n\n");
        out.append("Every refusal must be one `gawah: error:` line (and a hint), the exit code shown, under 10 s and ")
                .append("256 MiB of heap, no stack trace, the vault and keys unchanged.\n\n");
        out.append("Made at test time, too big to keep: a testimony account of 8 MiB + 1 byte and an input over ")
                .append("16 MiB (`record`), a certificate file of 1 MiB + 1 byte (`keys import`), and a sparse file of ")
                .append("300 MiB fed to `open`, `keys import` and `record`, each refused by its size before it is read; ")
                .append("and two ZLIB bombs of 1 GiB of zeros, 1 MiB each once compressed (`message-bomb-zlib-1gib.pgp`, ")
                .append("a literal packet: `open` says \"64 MiB\", `verify-sealed` \"compression bomb\"; ")
                .append("`message-padding-bomb-1gib.pgp`, a padding packet: both say \"packet of more than 1 MiB\"), ")
                .append("encrypted to the corpus legal key with the keys kept here.\n\n");
        out.append("Crafted photos and films, made at test time by `CraftedMedia` (they are accepted, not refused, ")
                .append("so they have no row below): a JPEG cut in its EXIF, 300 EXIF segments of 5,000 tags each, ")
                .append("random bytes after a JPEG marker, a PNG zTXt chunk inflating to 2 GiB, an iCCP profile whose ")
                .append("tag lies 1 GiB in, a PNG chunk declaring 2 GiB, MP4 boxes declaring 2 GiB, 100,000 nested ")
                .append("boxes, 600,000 empty boxes, a box of size 0, an MP4 cut in its header, random bytes after an ")
                .append("MP4 file type box, a TIFF whose IFD loops to itself and one whose IFD lies 4 GiB in. ")
                .append("`CraftedMediaAreSealedAsUnreadableTest` attaches them all to one `gawah record` in a process ")
                .append("with 64 MiB of heap: each must be sealed with its exact hashes and its metadata recorded as ")
                .append("what the library could say (`unreadable`, `too_large`, `read_with_errors`, or `read` where it ")
                .append("reports nothing wrong), with no position.")
                .append("\n\n");
        out.append("| file | bytes | fed to: expected | how it was made |\n|---|---|---|---|\n");
        for (Map.Entry<String, StringBuilder> row : rows.entrySet()) {
            long size = Files.size(dir.resolve(row.getKey()));
            out.append("| `").append(row.getKey()).append("` | ").append(size).append(" | ").append(row.getValue().toString().replace("|", "\\|"))
                    .append(" | ").append(how.get(row.getKey()).replace("|", "\\|")).append(" |\n");
        }
        Files.writeString(file, out.toString());
    }
}
