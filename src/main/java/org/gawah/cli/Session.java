package org.gawah.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawah.vault.FilePermissions;

/**
 * A running interview, known by an empty-but-for-a-time file named by its process id in two
 * folders: {@code sessions/} in its home, and this user's {@link SessionRegistry} (when there is
 * one), so that {@code gawah lock} from any terminal finds it whatever home it runs in. Lock
 * deletes the files; the session sees either gone within a fifth of a second and ends at once; a
 * session that does not is killed. A file (holding the process's start time, so a stale file
 * never names a later process) rather than a signal or a socket: it works the same on Windows,
 * macOS and Linux, needs no port, and says nothing but that an interview is running.
 */
final class Session implements AutoCloseable {
    private static final long POLL_MILLIS = 200;

    private final List<Path> files;
    private final Thread watcher;
    private volatile boolean closed;

    private Session(List<Path> files, Runnable onLock) {
        this.files = files;
        this.watcher = new Thread(() -> watch(onLock), "gawah-lock-watch");
        watcher.setDaemon(true);
    }

    static Path folder(Home home) {
        return home.dir().resolve("sessions");
    }

    /**
     * Registers this process in its home and in {@code registry}; {@code onLock} runs (on another
     * thread) when {@code gawah lock} ends it.
     */
    static Session start(Home home, Optional<Path> registry, Runnable onLock) {
        try {
            FilePermissions.ensurePrivateDirectory(folder(home));
            List<Path> files = new ArrayList<>();
            files.add(register(folder(home)));
            if (registry.isPresent()) {
                prune(registry.get());
                files.add(register(registry.get()));
            }
            Session session = new Session(files, onLock);
            session.watcher.start();
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code FOLDER/PID} holding this process's start time, readable by this user only. */
    private static Path register(Path folder) throws IOException {
        Path file = folder.resolve(String.valueOf(ProcessHandle.current().pid()));
        Files.deleteIfExists(file); // left by an earlier process that had this number
        FilePermissions.createPrivateFile(file);
        // The start time tells this process from a later one that got the same number.
        Files.writeString(file, Processes.startOfThis());
        return file;
    }

    private void watch(Runnable onLock) {
        while (!closed) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && files.stream().anyMatch(file -> !Files.exists(file, LinkOption.NOFOLLOW_LINKS))) {
                onLock.run();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A stale file only makes the next lock look for a process that is gone.
            }
        }
    }

    /**
     * Ends every session listed in {@code folders}: deletes their files, gives each up to
     * {@code grace} to end by itself, then kills it. Returns how many were running.
     */
    static int lockAll(List<Path> folders, Duration grace) {
        Map<Long, ProcessHandle> running = new LinkedHashMap<>();
        for (Path folder : folders) {
            for (Path file : files(folder)) {
                String started = read(file);
                delete(file);
                pid(file).flatMap(pid -> Processes.running(pid, started)).ifPresent(p -> running.put(p.pid(), p));
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : running.values()) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                sleep(50);
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        return running.size();
    }

    /** Deletes the files of sessions whose process has ended (killed, or the laptop lost power). */
    private static void prune(Path folder) {
        for (Path file : files(folder)) {
            String started = read(file);
            // Only when surely gone: deleting the file of a live session would lock it.
            if (pid(file).map(pid -> Processes.ended(pid, started)).orElse(false)) {
                delete(file);
            }
        }
    }

    /** The session files of a folder: regular files named by a process id. */
    private static List<Path> files(Path folder) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path file : entries) {
                if (pid(file).isPresent() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return ""; // gone meanwhile (the session ended), or unreadable: nothing to match
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Its process, if it runs, is killed after the grace period all the same.
        }
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Optional.of(Long.parseLong(file.getFileName().toString()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
