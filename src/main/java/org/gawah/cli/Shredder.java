package org.gawah.cli;

import java.util.List;

import org.gawah.app.AttachmentSeal;
import org.gawah.app.Home;
import org.gawah.app.Shredding;
import org.gawah.vault.Vault;

/**
 * --shred-original at the terminal: the check and the shredding are org.gawah.app's
 * ({@link Shredding}, which the window calls too); this says what a drive may keep, then each
 * file shredded.
 */
final class Shredder {
    private Shredder() {
    }

    static void shredAfterCheck(Terminal terminal, Home home, Vault vault, String recordId,
                                List<AttachmentSeal.Planned> sources) {
        Shredding.checkStored(home, vault, recordId, sources.size());
        terminal.warn(Messages.of("shred.ssd-warning"));
        for (AttachmentSeal.Planned source : sources) {
            Shredding.shred(source.file());
            terminal.info(Messages.of("shred.done", source.file()));
        }
    }
}
