package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

/**
 * --shred-original: once the record is committed and each attachment's stored ciphertext reads
 * back whole (chunks present, SHA-256 the one its custody entry logged), overwrite each source
 * file with zeros, sync, and delete it.
 */
final class Shredder {
    private Shredder() {
    }

    static void shredAfterCheck(Terminal terminal, Home home, Vault vault, String recordId,
                                List<AttachmentSealing.Planned> sources) {
        // Read back as the custody log lists them: each must reach the SHA-256 its 'attached' entry logged.
        List<StoredAttachment> stored = home.signed(vault).record(recordId).orElseThrow().attachments();
        if (stored.size() != sources.size()) {
            throw new GawahException(Failure.VAULT, Messages.of("shred.count-mismatch", stored.size(), sources.size()));
        }
        for (StoredAttachment attachment : stored) {
            try (InputStream in = vault.openAttachment(attachment)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new GawahException(Failure.VAULT, Messages.of("shred.unreadable", attachment.id()), null, e);
            }
        }
        terminal.warn(Messages.of("shred.ssd-warning"));
        for (AttachmentSealing.Planned source : sources) {
            try {
                overwrite(source);
                Files.delete(source.file());
                terminal.info(Messages.of("shred.done", source.file()));
            } catch (IOException e) {
                throw new GawahException(Failure.MISSING_INPUT, Messages.of("shred.failed", source.file(), e.getMessage()),
                        Messages.of("shred.failed.hint"));
            }
        }
    }

    private static void overwrite(AttachmentSealing.Planned source) throws IOException {
        try (FileChannel channel = FileChannel.open(source.file(), StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
                at += channel.write(zeros, at);
            }
            channel.force(true);
        }
    }
}
