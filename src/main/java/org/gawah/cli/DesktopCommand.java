package org.gawah.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Language;
import org.gawah.app.Home;
import org.gawah.desktop.Desktop;
import org.gawah.vault.FilePermissions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Opens Gawah in a window (org.gawah.desktop) and waits until it closes. The window is a session
 * of the home, like an interview, so {@code gawah lock} closes it too; locked, it ends with the
 * interview's exit code for a lock.
 */
@Command(name = "desktop")
final class DesktopCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Option(names = "--lock-after", paramLabel = "MINUTES", defaultValue = "" + Desktop.DEFAULT_LOCK_AFTER_MINUTES)
    int lockAfter;

    /**
     * For dist/build.sh only, hidden from the help: the window opens the records of the home (a
     * throw-away one the build made, its passphrase in the environment variable named here, not a
     * secret), searches them and locks, while Java records the ahead-of-time cache bin/gawah-desktop
     * starts from (README, "The distribution").
     */
    @Option(names = "--train-records-page", paramLabel = "VAR", hidden = true)
    String trainingPassphraseVar;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Home home = homeOptions.resolve(root.terminal);
        char[] training = trainingPassphrase();
        try (Desktop desktop = Desktop.open(home.dir(), Language.current(), lockAfter)) {
            if (training != null) {
                desktop.trainOnRecords(training);
                desktop.awaitClosed();
                return 0;
            }
            // The window registers with the home (and this user's list of sessions) even before
            // gawah init made it, so that gawah lock reaches a first run too: a folder only its
            // owner can open, as init makes it.
            FilePermissions.ensurePrivateDirectory(home.dir());
            try (Session session = Session.start(home, SessionRegistry.folder(root.terminal), desktop::lockFromTerminal)) {
                boolean locked = desktop.awaitClosed();
                desktop.saidAfterLock().forEach(root.terminal::info);
                return locked ? Failure.LOCKED.exitCode() : 0;
            }
        }
    }

    private char[] trainingPassphrase() {
        if (trainingPassphraseVar == null) {
            return null;
        }
        String value = root.terminal.env(trainingPassphraseVar);
        if (value == null || value.isEmpty()) {
            throw new GawahException(Failure.BAD_PASSPHRASE, Messages.of("passphrase.env-not-set", trainingPassphraseVar));
        }
        return value.toCharArray();
    }
}
