package org.gawah.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.app.ProcessLock;
import org.gawah.app.Processes;
import org.gawah.vault.FilePermissions;

/**
 * A running interview (or the window), known by a file named by its process id in two folders:
 * {@code sessions/} in its home, and this user's {@link SessionRegistry} (when there is one), so
 * that {@code gawah lock} from any terminal finds it whatever home it runs in. The process holds
 * a lock on one byte of each file ({@link #LOCKED_BYTE}) for as long as it runs: that lock, which
 * the system drops when the process ends however it ends, is what makes it a session; the file's
 * name and content (the start time) only say which process to stop. Lock deletes the files; the
 * session sees either gone within a fifth of a second and ends at once; a session that does not
 * is killed, if it still holds its lock and is Gawah. A file, not a signal or a socket: it works
 * the same on Windows, macOS and Linux, needs no port, and says nothing but that an interview runs.
 */
final class Session implements AutoCloseable {
    private static final long POLL_MILLIS = 200;
    /**
     * The byte of its files a session holds locked: far past their content, since on Windows a
     * locked byte cannot be read by others (the start time must stay readable).
     */
    static final long LOCKED_BYTE = 1L << 30;

    /** A session's file and the lock it holds on it. */
    private record Registered(Path file, ProcessLock lock) {
    }

    private final List<Registered> files;
    private final Thread watcher;
    private volatile boolean closed;

    private Session(List<Registered> files, Runnable onLock) {
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
        List<Registered> files = new ArrayList<>();
        try {
            FilePermissions.ensurePrivateDirectory(folder(home));
            files.add(register(folder(home)));
            if (registry.isPresent()) {
                prune(registry.get());
                files.add(register(registry.get()));
            }
        } catch (IOException e) {
            files.forEach(Session::unregister);
            // Without its files (and their locks) gawah lock could not reach it: it does not start.
            throw new GawahException(Failure.VAULT, Messages.of("session.cannot-register", folder(home), e.getMessage()),
                    Messages.of("partial.cannot-lock.hint"));
        }
        Session session = new Session(files, onLock);
        session.watcher.start();
        return session;
    }

    /**
     * Makes {@code FOLDER/PID}, readable by this user only, holding this process's start time, its
     * byte locked before the file takes its name: no lock or prune ever sees it unlocked.
     */
    private static Registered register(Path folder) throws IOException {
        String pid = String.valueOf(ProcessHandle.current().pid());
        Path file = folder.resolve(pid);
        Path fresh = folder.resolve(pid + ".new"); // not a process id: lock and prune pass it by
        Files.deleteIfExists(fresh); // left by an earlier process that had this number
        FilePermissions.createPrivateFile(fresh);
        ProcessLock lock;
        try {
            lock = ProcessLock.hold(fresh, LOCKED_BYTE).orElseThrow(
                    () -> new IOException(fresh + ": locked by another process"));
        } catch (IOException e) {
            Files.deleteIfExists(fresh);
            throw e;
        }
        try {
            // The start time tells this process from a later one that got the same number, where
            // the file cannot be locked. Written through the lock's own channel: closing another
            // descriptor of the file would drop the lock.
            lock.write(Processes.startOfThis().getBytes(StandardCharsets.US_ASCII));
            // Replaces a file left by an earlier process that had this number.
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
            return new Registered(file, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            Files.deleteIfExists(fresh);
            throw e;
        }
    }

    private static void unregister(Registered registered) {
        try {
            Files.deleteIfExists(registered.file());
        } catch (IOException e) {
            // A file whose lock is gone is a stale one: the next lock or interview deletes it.
        }
        registered.lock().close();
    }

    private void watch(Runnable onLock) {
        while (!closed) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && files.stream().anyMatch(f -> !Files.exists(f.file(), LinkOption.NOFOLLOW_LINKS))) {
                onLock.run();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
        files.forEach(Session::unregister);
    }

    /** A session found by {@link #lockAll}: its process, and how it was known to be one. */
    private record Found(ProcessHandle process, List<ProcessLock> locks, String started) {
        /** Still this session: its lock still held, or (where files cannot be locked) its start time the same. */
        boolean stillRunning() {
            if (!process.isAlive()) {
                return false;
            }
            return locks.isEmpty() ? Processes.running(process.pid(), started).isPresent()
                    : locks.stream().anyMatch(ProcessLock::stillHeld);
        }
    }

    /**
     * Ends every session listed in {@code folders}: deletes their files, gives each up to
     * {@code grace} to end by itself, then kills it. Only a process that holds its file's lock is
     * a session, and only Gawah is killed: a file naming another process (left over, or planted
     * on a home someone else handed over) is deleted and that process left alone. Where a file
     * cannot be locked, its process id and start time are matched instead, and the process must
     * be known to be Gawah. Returns how many were running.
     */
    static int lockAll(List<Path> folders, Duration grace) {
        Map<Long, Found> running = new LinkedHashMap<>();
        List<ProcessLock> watched = new ArrayList<>();
        try {
            for (Path folder : folders) {
                for (Path file : files(folder)) {
                    long pid = pid(file).orElseThrow();
                    ProcessLock lock = ProcessLock.watch(file, LOCKED_BYTE);
                    watched.add(lock);
                    String started = lock.state() == ProcessLock.State.UNKNOWN ? read(file) : "";
                    delete(file);
                    session(pid, lock, started).ifPresent(process -> running.merge(pid,
                            new Found(process, lock.state() == ProcessLock.State.HELD ? List.of(lock) : List.of(), started),
                            (was, also) -> new Found(was.process(), concat(was.locks(), also.locks()), was.started())));
                }
            }
            long deadline = System.nanoTime() + grace.toNanos();
            for (Found session : running.values()) {
                while (session.process().isAlive() && System.nanoTime() < deadline) {
                    sleep(50);
                }
                if (session.stillRunning()) {
                    session.process().destroyForcibly();
                }
            }
            return running.size();
        } finally {
            watched.forEach(ProcessLock::close);
        }
    }

    /** The process a session file names, if it is a session: see {@link #lockAll}. Never this process. */
    private static Optional<ProcessHandle> session(long pid, ProcessLock lock, String started) {
        if (pid == ProcessHandle.current().pid()) {
            return Optional.empty(); // this program's own window or interview ends through its watcher
        }
        switch (lock.state()) {
            case HELD:
                // The lock proves a running session; a process the system shows as something else is
                // not the one that holds it (a file renamed by hand): left alone.
                return ProcessHandle.of(pid).filter(p -> Processes.isGawah(p).orElse(true));
            case UNKNOWN:
                return Processes.running(pid, started).filter(p -> Processes.isGawah(p).orElse(false));
            default:
                return Optional.empty(); // nobody holds it: left by a session that ended, or planted
        }
    }

    private static List<ProcessLock> concat(List<ProcessLock> a, List<ProcessLock> b) {
        List<ProcessLock> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /**
     * Deletes the files of sessions that have ended (killed, or the laptop lost power): those whose
     * lock nobody holds; where a file cannot be locked, those whose process id and start time no
     * longer match. Deleting the file of a live session would lock it.
     */
    private static void prune(Path folder) {
        for (Path file : files(folder)) {
            try (ProcessLock lock = ProcessLock.probe(file, LOCKED_BYTE, false)) {
                boolean ended = switch (lock.state()) {
                    case FREE -> true;
                    case HELD -> false;
                    case UNKNOWN -> pid(file).map(pid -> Processes.ended(pid, read(file))).orElse(false);
                };
                if (ended) {
                    delete(file);
                }
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
