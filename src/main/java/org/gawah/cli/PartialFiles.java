package org.gawah.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gawah.GawahException;
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
final class PartialFiles {
    static final String EXPORT = "export";
    static final String SUBMIT = "submit";
    static final String OPEN = "open";

    private static final String ID = "-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}";
    /** The names this class writes, the only ones it ever removes: a row edited by hand cannot aim it at another file. */
    private static final Pattern PACKAGE = Pattern.compile("\\..+\\.(GWE" + ID + ")\\.partial");
    private static final Pattern BAG = Pattern.compile("\\..+\\.(GWB" + ID + ")\\.partial");
    private static final Pattern ATTACHMENT = Pattern.compile("\\.(GWA" + ID + ")\\.gawah-partial");

    private PartialFiles() {
    }

    /** The hidden name an evidence package or a bag is written under, beside {@code out}. */
    static Path beside(Path out, String id) {
        return out.toAbsolutePath().resolveSibling("." + out.getFileName() + "." + id + ".partial");
    }

    /** The hidden name an attachment is written under, beside {@code target}: its id, never its own file name. */
    static Path attachment(Path target, String attachmentId) {
        return target.toAbsolutePath().resolveSibling("." + attachmentId + ".gawah-partial");
    }

    /**
     * Creates the empty hidden file (owner-only; never over an existing one), then registers it:
     * a command killed in between leaves an empty file, never an unregistered one with content.
     * Returns the registration, for {@link #forget}.
     */
    static long create(Vault vault, Path partial, String command) {
        OutputFile.createPrivate(partial);
        try {
            return vault.beginOutput(partial, command, Instant.now(), ProcessHandle.current().pid(), Processes.startOfThis());
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The file was renamed into place or deleted: nothing of it is left to clean up. */
    static void forget(Vault vault, long registration) {
        vault.endOutput(registration);
    }

    /**
     * After a failure: deletes the hidden file and forgets it; whatever fails here is added to
     * {@code failure} (still the one to report), and the file stays listed for the next command.
     */
    static void discard(Vault vault, long registration, Path partial, Throwable failure) {
        try {
            Files.deleteIfExists(partial);
            vault.endOutput(registration);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Settles every file a command that has ended left listed; says what it did, and what it could
     * not do. Whether a package or bag was logged is read from the signed log ({@code signed},
     * built only when something is left to settle).
     */
    static void cleanUp(Terminal terminal, Vault vault, Supplier<SignedVault> signed) {
        List<OutputInProgress> left;
        try {
            left = left(vault);
        } catch (GawahException e) {
            terminal.warn(e.message());
            return;
        }
        for (OutputInProgress output : left) {
            try {
                if (settle(terminal, output, signed)) {
                    vault.endOutput(output.id());
                }
            } catch (GawahException e) {
                terminal.warn(e.message());
            }
        }
    }

    /** What is listed by a command that has ended (killed, or failed to remove it). */
    static List<OutputInProgress> left(Vault vault) {
        return vault.outputsInProgress().stream().filter(o -> Processes.ended(o.pid(), o.processStarted())).toList();
    }

    /** True when nothing of the output is left where it was written (or it is not one of ours to touch). */
    private static boolean settle(Terminal terminal, OutputInProgress output, Supplier<SignedVault> signed) {
        Path file = output.path();
        String shown = file.toString(); // read back from the vault file: a message shows it through Screen
        Optional<String> id = idIn(file, output.command());
        if (id.isEmpty()) {
            terminal.warn(Messages.of("partial.not-ours", shown));
            return true;
        }
        if (!Files.isDirectory(file.getParent())) {
            terminal.warn(Messages.of("partial.unreachable", shown, output.command()));
            return false;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return true; // renamed or deleted just before the command ended
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            terminal.warn(Messages.of("partial.not-ours", shown));
            return true;
        }
        try {
            if (logged(signed.get(), output.command(), id.get())) {
                // Whole and fsynced before its entry committed: the log says it exists, so it is kept.
                Path kept = file.resolveSibling(id.get() + (output.command().equals(EXPORT)
                        && PackageVerification.isEncrypted(file) ? ".zip.pgp" : ".zip"));
                Files.move(file, kept);
                terminal.warn(Messages.of("partial.kept", kept, output.command()));
            } else {
                Files.delete(file);
                terminal.warn(Messages.of("partial.deleted", shown, output.command()));
            }
            return true;
        } catch (NoSuchFileException e) {
            return true; // another command settled it meanwhile
        } catch (IOException e) {
            terminal.warn(Messages.of("partial.cannot-remove", shown, output.command(), e.getMessage()));
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
}
