package org.gawah.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files hold a piece of typed text, in UTF-8 or UTF-16 (Java's own in-memory form, as a
 * swap or cache file would hold it): every file of the given folders, and every file of the
 * temporary folder written since {@code sinceMillis} (the temporary folder is shared with other
 * programs; what they wrote before the test cannot hold what the test typed).
 */
final class PlaintextOnDisk {
    private static final long LARGEST = 256L * 1024 * 1024;

    private PlaintextOnDisk() {
    }

    static List<Path> filesHolding(String typed, List<Path> folders, long sinceMillis) throws IOException {
        List<byte[]> forms = List.of(typed.getBytes(StandardCharsets.UTF_8), typed.getBytes(StandardCharsets.UTF_16LE),
                typed.getBytes(StandardCharsets.UTF_16BE));
        List<Path> holding = new ArrayList<>();
        for (Path folder : folders) {
            walk(folder, 0, forms, holding);
        }
        walk(Path.of(System.getProperty("java.io.tmpdir")), sinceMillis, forms, holding);
        return holding;
    }

    private static void walk(Path folder, long sinceMillis, List<byte[]> forms, List<Path> holding) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && attributes.size() <= LARGEST
                        && attributes.lastModifiedTime().toMillis() >= sinceMillis - 2000 && holds(file, forms)
                        && !holding.contains(file)) {
                    holding.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // another user's file, or one gone since it was listed
            }
        });
    }

    private static boolean holds(Path file, List<byte[]> forms) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            return false;
        }
        for (byte[] form : forms) {
            if (indexOf(bytes, form) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
