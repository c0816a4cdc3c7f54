package org.gawah.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.testimony.RecordId;
import org.gawah.vault.OutputInProgress;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;

/**
 * Files a command writes beside where the user asked, under a hidden name, and renames into place
 * only when whole and checked: an evidence package and an opened attachment (both plaintext), a
 * submission bag. Each is registered in the vault (table {@code outputs}, docs/format/vault.md)
 * before a byte is written and forgotten once renamed or deleted, so that whatever a killed
 * command left is found by the next command in the home, wherever it was written: deleted, or,
 * for a package or bag whose final custody entry committed, kept under its id. What cannot be
 * removed (a drive not plugged in, a folder not writable) stays listed, is said by every command
 * and named by {@code gawah doctor}.
 */
public final class PartialFiles {
    public static final String EXPORT = "export";
    public static final String SUBMIT = "submit";
    public static final String OPEN = "open";

    private static final String ID = "-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}";
    /** The names this class writes, the only ones it ever removes: a row edited by hand cannot aim it at another file. */
    private static final Pattern PACKAGE = Pattern.compile("\\..+\\.(GWE" + ID + ")\\.partial");
    private static final Pattern BAG = Pattern.compile("\\..+\\.(GWB" + ID + ")\\.partial");
    private static final Pattern ATTACHMENT = Pattern.compile("\\.(GWA" + ID + ")\\.gawah-partial");

    private PartialFiles() {
    }

    /** The hidden name an evidence package or a bag is written under, beside {@code out}. */
    public static Path beside(Path out, String id) {
        return out.toAbsolutePath().resolveSibling("." + out.getFileName() + "." + id + ".partial");
    }

    /** The hidden name an attachment is written under, beside {@code target}: its id, never its own file name. */
    public static Path attachment(Path target, String attachmentId) {
        return target.toAbsolutePath().resolveSibling("." + attachmentId + ".gawah-partial");
    }

    /**
     * Locks the output's byte of the home's {@code outputs.lock} (held until the {@link Writing}
     * is closed: that lock, which the system drops however this process ends, is what tells other
     * commands this one is still writing), registers the file, then creates it empty (owner-only;
     * never over an existing one: that is another command's, and its row is dropped again). In that
     * order a command killed at any moment leaves nothing, or a row the next command settles:
     * never a file no row names, which nothing would ever remove.
     */
    public static Writing create(Home home, Vault vault, Path partial, String command) {
        ProcessLock lock;
        try {
            lock = ProcessLock.hold(lockFile(home), byteOf(partial)).orElseThrow(() ->
                    // Another running command holds it: it is writing this very file.
                    new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", partial),
                            Messages.of("output.exists.hint")));
        } catch (IOException e) {
            throw new GawahException(Failure.VAULT, Messages.of("partial.cannot-lock", lockFile(home), partial,
                    e.getMessage()), Messages.of("partial.cannot-lock.hint"));
        }
        long registration;
        try {
            registration = vault.beginOutput(partial, command, Instant.now(), ProcessHandle.current().pid(),
                    Processes.startOfThis(), Machine.of(home));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            OutputFile.createPrivate(partial);
            return new Writing(registration, lock);
        } catch (RuntimeException e) {
            try {
                vault.endOutput(registration);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            lock.close();
            throw e;
        }
    }

    /**
     * A partial file being written: its row in the vault, and the lock that says its command runs.
     * Closed once the file was renamed, deleted or left for the next command (the lock let go).
     */
    public static final class Writing implements AutoCloseable {
        private final long registration;
        private final ProcessLock lock;

        private Writing(long registration, ProcessLock lock) {
            this.registration = registration;
            this.lock = lock;
        }

        @Override
        public void close() {
            lock.close();
        }
    }

    /** The file was renamed into place or deleted: nothing of it is left to clean up. */
    public static void forget(Vault vault, Writing writing) {
        vault.endOutput(writing.registration);
    }

    /**
     * Moves a logged, complete {@code partial} to {@code out}, then forgets it. Not ATOMIC_MOVE: on
     * Linux that would silently replace a file made there meanwhile. A move that fails keeps the
     * file listed (the next command keeps it, being logged) and says so with {@code cannotMove}
     * (given the partial file, the output and the reason) and {@code hint}.
     */
    public static void moveIntoPlace(Vault vault, Writing writing, Path partial, Path out,
                                     java.util.function.BiFunction<Path, String, Message> cannotMove,
                                     Message hint) {
        try {
            Files.move(partial, out);
        } catch (IOException e) {
            throw new GawahException(Failure.OUTPUT_EXISTS, cannotMove.apply(partial, e.getMessage()), hint);
        }
        forget(vault, writing);
    }

    /**
     * After a failure: deletes the hidden file and forgets it; whatever fails here is added to
     * {@code failure} (still the one to report), and the file stays listed for the next command.
     */
    public static void discard(Vault vault, Writing writing, Path partial, Throwable failure) {
        try {
            Files.deleteIfExists(partial);
            vault.endOutput(writing.registration);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The home's file in which each command writing an output holds a byte locked (docs/format/vault.md). */
    public static Path lockFile(Home home) {
        return home.dir().resolve("outputs.lock");
    }

    /**
     * The byte of {@code outputs.lock} that the command writing {@code partial} holds: from the
     * SHA-256 of its path, below 2^30 (some network file systems lock no further). Two outputs
     * that share a byte only make an ended one wait for the other to end.
     */
    public static long byteOf(Path partial) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(partial.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(digest).getInt() & 0x3FFFFFFFL;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Settles every file a command that has ended left listed; says what it did, and what it could
     * not do. Whether a package or bag was logged is read from the signed log, walked only when
     * something is left to settle.
     */
    public static void cleanUp(Consumer<Message> warnings, Home home, Vault vault) {
        Supplier<SignedVault> signed = once(() -> home.signed(vault));
        List<OutputInProgress> listed;
        try {
            listed = listed(home, vault);
        } catch (GawahException e) {
            warnings.accept(e.message());
            return;
        }
        for (OutputInProgress output : listed) {
            // Held (shared) while its file is settled: a new command writing the same path waits for it.
            try (ProcessLock probe = probe(home, output)) {
                if (ended(probe, output) && settle(warnings, output, signed)) {
                    vault.endOutput(output.id());
                }
            } catch (GawahException e) {
                warnings.accept(e.message());
            }
        }
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        List<T> made = new ArrayList<>(1);
        return () -> {
            if (made.isEmpty()) {
                made.add(make.get());
            }
            return made.get(0);
        };
    }

    /** What is listed by a command that has ended (killed, or failed to remove it). */
    public static List<OutputInProgress> left(Home home, Vault vault) {
        List<OutputInProgress> left = new ArrayList<>();
        for (OutputInProgress output : listed(home, vault)) {
            try (ProcessLock probe = probe(home, output)) {
                if (ended(probe, output)) {
                    left.add(output);
                }
            }
        }
        return left;
    }

    /**
     * The rows this home may settle: its own and those registered before version 9. A vault file
     * lists every row (one home's), unless several homes share it (named in their
     * {@code vault.url}): then, as on a team vault, only this home's.
     */
    private static List<OutputInProgress> listed(Home home, Vault vault) {
        String machine = Machine.of(home);
        List<OutputInProgress> rows = vault.outputsInProgress(machine);
        if (!home.sharesItsVault()) {
            return rows;
        }
        return rows.stream().filter(r -> r.machine().equals(machine) || r.machine().isEmpty()).toList();
    }

    private static ProcessLock probe(Home home, OutputInProgress output) {
        return ProcessLock.probe(lockFile(home), byteOf(output.path()), true);
    }

    /**
     * Whether the command that registered the output has ended: nobody holds its byte. Where the
     * home's file system cannot lock, its process id and start time no longer match (a clock
     * stepped since can make a running command read as ended there).
     */
    private static boolean ended(ProcessLock probe, OutputInProgress output) {
        return switch (probe.state()) {
            case FREE -> true;
            case HELD -> false;
            case UNKNOWN -> Processes.ended(output.pid(), output.processStarted());
        };
    }

    /** True when nothing of the output is left where it was written (or it is not one of ours to touch). */
    private static boolean settle(Consumer<Message> warnings, OutputInProgress output, Supplier<SignedVault> signed) {
        Path file = output.path();
        String shown = file.toString(); // read back from the vault file: a message shows it through Screen
        Optional<String> id = idIn(file, output.command());
        if (id.isEmpty()) {
            warnings.accept(Messages.of("partial.not-ours", shown));
            return true;
        }
        if (!Files.isDirectory(file.getParent())) {
            warnings.accept(Messages.of("partial.unreachable", shown, output.command()));
            return false;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return true; // renamed or deleted just before the command ended
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            warnings.accept(Messages.of("partial.not-ours", shown));
            return true;
        }
        try {
            if (logged(signed.get(), output.command(), id.get())) {
                // Whole and fsynced before its entry committed: the log says it exists, so it is kept.
                Path kept = file.resolveSibling(id.get() + (output.command().equals(EXPORT)
                        && isEncrypted(file) ? ".zip.pgp" : ".zip"));
                Files.move(file, kept);
                warnings.accept(Messages.of("partial.kept", kept, output.command()));
            } else {
                Files.delete(file);
                warnings.accept(Messages.of("partial.deleted", shown, output.command()));
            }
            return true;
        } catch (NoSuchFileException e) {
            return true; // another command settled it meanwhile
        } catch (IOException e) {
            warnings.accept(Messages.of("partial.cannot-remove", shown, output.command(), e.getMessage()));
            return false;
        }
    }

    /** The id in a hidden name this class writes for that command; empty for any other name. */
    private static Optional<String> idIn(Path file, String command) {
        if (!file.isAbsolute() || file.getParent() == null) {
            return Optional.empty();
        }
        Pattern pattern = command.equals(EXPORT) ? PACKAGE : command.equals(SUBMIT) ? BAG : ATTACHMENT;
        Matcher name = pattern.matcher(file.getFileName().toString());
        if (!name.matches() || !RecordId.isValid(name.group(1).substring(0, 3), name.group(1))) {
            return Optional.empty();
        }
        return Optional.of(name.group(1));
    }

    /** Whether the package's or bag's final custody entry committed: then it is whole, and logged as existing. */
    private static boolean logged(SignedVault signed, String command, String id) {
        if (command.equals(SUBMIT)) {
            return signed.submitted(id);
        }
        return command.equals(EXPORT) && signed.exported(id);
    }

    /**
     * Whether a package file is encrypted (binary OpenPGP, or armored) rather than a zip: read
     * from its first bytes.
     */
    public static boolean isEncrypted(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(14);
            return start.length > 0 && ((start[0] & 0x80) != 0
                    || new String(start, java.nio.charset.StandardCharsets.US_ASCII).equals("-----BEGIN PGP"));
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.cannot-read", file, e.getMessage()));
        }
    }
}
