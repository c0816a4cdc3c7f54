package org.gawah.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.gawah.vault.FilePermissions;

/**
 * Whether a registered process still runs, asked of the system rather than guessed: a process
 * holds a lock on one byte of a file for as long as it runs ({@link FileChannel#tryLock}: fcntl on
 * Linux and macOS, LockFileEx on Windows), and the system drops it when the process ends, however
 * it ends (SIGKILL, a crash, the power). A process id and start time cannot say as much: on Linux
 * Java computes a start time from the boot time in {@code /proc/stat}, which moves when the clock
 * is stepped (NTP, a leap second), and a running process then reads as one that ended.
 * (docs/format/home.md, "Running interviews"; docs/format/vault.md, version 5.)
 *
 * <p>One channel per file for the whole program: on Linux and macOS closing any descriptor of a
 * file drops every lock the process holds on it, so a second channel opened and closed here (a
 * probe of a session this very process runs) would silently end its own lock.
 */
public final class ProcessLock implements AutoCloseable {
    /** What a probe found. */
    public enum State {
        /** A running process (possibly this one) holds the byte. */
        HELD,
        /** No process holds it: whoever registered it has ended (the probe holds it, shared, until closed). */
        FREE,
        /** The file cannot be locked here (a file system without locks, a file this user cannot open). */
        UNKNOWN
    }

    /** How long a holder waits for probes (which hold a byte for a moment, shared) to let go. */
    private static final Duration WAIT = Duration.ofSeconds(2);

    /** Every file this program has open for locking, by the file's identity (a link or another name finds it too). */
    private static final Map<Object, Channel> OPEN = new HashMap<>();

    private static final class Channel {
        final Object key;
        final FileChannel channel;
        int users;

        Channel(Object key, FileChannel channel) {
            this.key = key;
            this.channel = channel;
        }
    }

    private final Channel channel;
    private final long at;
    private final State state;
    private FileLock lock;
    private boolean closed;

    private ProcessLock(Channel channel, long at, FileLock lock, State state) {
        this.channel = channel;
        this.at = at;
        this.lock = lock;
        this.state = state;
    }

    /**
     * Locks byte {@code at} of {@code file} for this process until {@link #close}, creating the file
     * (owner-only) if it is missing. Empty when another running process holds it; an
     * {@link IOException} when the file cannot be locked at all.
     */
    public static Optional<ProcessLock> hold(Path file, long at) throws IOException {
        try {
            FilePermissions.createPrivateFile(file);
        } catch (FileAlreadyExistsException e) {
            // Made by an earlier command: locks are taken in it as it is.
        }
        Channel opened = open(file, true);
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                FileLock lock = tryLock(opened, at, false);
                if (lock != null) {
                    return Optional.of(new ProcessLock(opened, at, lock, State.HELD));
                }
                if (System.nanoTime() > deadline) {
                    release(opened);
                    return Optional.empty();
                }
                pause();
            }
        } catch (IOException | RuntimeException e) {
            release(opened);
            throw e;
        }
    }

    /**
     * Asks whether a running process holds byte {@code at} of {@code file}. A missing file is
     * {@link State#FREE} (nobody can hold it) unless {@code create}, which makes it first, so
     * that the byte can be held by this probe while its caller settles what the ended process left.
     */
    public static ProcessLock probe(Path file, long at, boolean create) {
        if (create) {
            try {
                FilePermissions.createPrivateFile(file);
            } catch (FileAlreadyExistsException e) {
                // The usual case.
            } catch (IOException e) {
                return new ProcessLock(null, at, null, State.UNKNOWN);
            }
        }
        Channel opened;
        try {
            opened = open(file, false);
        } catch (NoSuchFileException e) {
            return new ProcessLock(null, at, null, State.FREE);
        } catch (IOException e) {
            return new ProcessLock(null, at, null, State.UNKNOWN);
        }
        try {
            FileLock lock = tryLock(opened, at, true);
            if (lock == null) {
                release(opened);
                return new ProcessLock(null, at, null, State.HELD);
            }
            return new ProcessLock(opened, at, lock, State.FREE);
        } catch (IOException | RuntimeException e) {
            release(opened);
            return new ProcessLock(null, at, null, State.UNKNOWN);
        }
    }

    /**
     * Probes {@code file} and keeps the channel open whatever it finds, so that {@link #stillHeld}
     * can ask again after the file was deleted (gawah lock deletes it, then waits).
     */
    public static ProcessLock watch(Path file, long at) {
        Channel opened;
        try {
            opened = open(file, false);
        } catch (NoSuchFileException e) {
            return new ProcessLock(null, at, null, State.FREE);
        } catch (IOException e) {
            return new ProcessLock(null, at, null, State.UNKNOWN);
        }
        try {
            FileLock lock = tryLock(opened, at, true);
            if (lock != null) {
                lock.release();
                return new ProcessLock(opened, at, null, State.FREE);
            }
            return new ProcessLock(opened, at, null, State.HELD);
        } catch (IOException | RuntimeException e) {
            release(opened);
            return new ProcessLock(null, at, null, State.UNKNOWN);
        }
    }

    public State state() {
        return state;
    }

    /** For a file being {@link #watch}ed: whether a process holds its byte now. */
    public boolean stillHeld() {
        if (channel == null) {
            return state == State.HELD;
        }
        try {
            FileLock probe = tryLock(channel, at, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: as it was
        }
    }

    /** Writes {@code data} at the start of the locked file, through the channel that holds the lock. */
    public void write(byte[] data) throws IOException {
        FileChannel file = channel.channel;
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            file.write(buffer, buffer.position());
        }
        file.force(true);
    }

    /** Lets the byte go (a holder's or a probe's), and the file once nothing in this program uses it. */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed || channel == null) {
                return;
            }
            closed = true;
            if (lock != null) {
                try {
                    lock.release();
                } catch (IOException e) {
                    // Closing the channel below drops it all the same.
                }
            }
            release(channel);
        }
    }

    /**
     * The program's channel for {@code file}, opened (without following a link) if it has none;
     * read-only where this user may not write it, which is enough to probe.
     */
    private static Channel open(Path file, boolean toHold) throws IOException {
        Object key = key(file);
        synchronized (OPEN) {
            Channel known = OPEN.get(key);
            if (known != null) {
                known.users++;
                return known;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException e) {
                if (toHold || e instanceof NoSuchFileException) {
                    throw e;
                }
                channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            }
            Channel opened = new Channel(key, channel);
            opened.users = 1;
            OPEN.put(key, opened);
            return opened;
        }
    }

    /** The file's identity where the system gives one (device and inode), else its absolute path. */
    private static Object key(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return key != null ? key : file.toAbsolutePath().normalize();
    }

    private static void release(Channel opened) {
        synchronized (OPEN) {
            if (--opened.users == 0) {
                OPEN.remove(opened.key);
                try {
                    opened.channel.close();
                } catch (IOException e) {
                    // Nothing held through it any more.
                }
            }
        }
    }

    /** The lock, or null when another process holds the byte or a conflicting one is held in this program. */
    private static FileLock tryLock(Channel opened, long at, boolean shared) throws IOException {
        synchronized (OPEN) {
            try {
                return opened.channel.tryLock(at, 1, shared);
            } catch (OverlappingFileLockException e) {
                return null; // this program holds it: its own session or output, or a probe of it
            } catch (NonWritableChannelException e) {
                throw new IOException("opened read-only in this program: cannot hold a lock in it", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
