package org.gawah.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running interview, known by an empty file {@code sessions/PID} in the home, so that
 * {@code gawah lock}, from any terminal, can end it: lock deletes the file, the session sees it
 * gone within a fifth of a second and ends at once; a session that does not is killed. A file
 * (holding the process's start time, so a stale file never names a later process) rather than a signal or a socket: it works the same on Windows, macOS and Linux, needs no
 * port, and says nothing but that an interview is running.
 */
final class Session implements AutoCloseable {
    private static final long POLL_MILLIS = 200;

    private final Path file;
    private final Thread watcher;
    private volatile boolean closed;

    private Session(Path file, Runnable onLock) {
        this.file = file;
        this.watcher = new Thread(() -> watch(onLock), "gawah-lock-watch");
        watcher.setDaemon(true);
    }

    static Path folder(Home home) {
        return home.dir().resolve("sessions");
    }

    /** Registers this process; {@code onLock} runs (on another thread) when {@code gawah lock} ends it. */
    static Session start(Home home, Runnable onLock) {
        try {
            Files.createDirectories(folder(home));
            Path file = folder(home).resolve(String.valueOf(ProcessHandle.current().pid()));
            // The start time tells this process from a later one that got the same number.
            Files.writeString(file, ProcessHandle.current().info().startInstant().map(Object::toString).orElse(""));
            Session session = new Session(file, onLock);
            session.watcher.start();
            return session;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void watch(Runnable onLock) {
        while (!closed) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && !Files.exists(file)) {
                onLock.run();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale file only makes the next lock wait for a process that is gone.
        }
    }

    /**
     * Ends every session of this home: deletes their files, gives each up to {@code grace} to
     * end by itself, then kills it. Returns how many there were.
     */
    static int lockAll(Home home, Duration grace) {
        List<ProcessHandle> running = new ArrayList<>();
        int count = 0;
        if (!Files.isDirectory(folder(home))) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder(home))) {
            for (Path file : files) {
                String started = Files.readString(file).strip();
                Files.deleteIfExists(file);
                count++;
                pid(file).flatMap(ProcessHandle::of)
                        .filter(p -> !started.isEmpty() && p.info().startInstant().map(Object::toString).orElse("-").equals(started))
                        .ifPresent(running::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : running) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                sleep(50);
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        return count;
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
