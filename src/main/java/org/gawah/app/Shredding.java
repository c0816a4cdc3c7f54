package org.gawah.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

/**
 * Shredding the original files ({@code --shred-original}, or the window's choice): only once the
 * record is committed and each attachment's stored ciphertext reads back whole (chunks present,
 * SHA-256 the one its custody entry logged), each source file is overwritten with zeros, synced,
 * and deleted. What it cannot do (a drive that keeps old blocks: SSDs, flash, journaling or
 * copy-on-write file systems) each face says before it begins.
 */
public final class Shredding {
    private Shredding() {
    }

    /** Refuses, naming why, unless {@code recordId}'s {@code count} attachments read back as the custody log lists them. */
    public static void checkStored(Home home, Vault vault, String recordId, int count) {
        // Read back as the custody log lists them: each must reach the SHA-256 its 'attached' entry logged.
        java.util.List<StoredAttachment> stored = home.signed(vault).record(recordId).orElseThrow().attachments();
        if (stored.size() != count) {
            throw new GawahException(Failure.VAULT, Messages.of("shred.count-mismatch", stored.size(), count));
        }
        for (StoredAttachment attachment : stored) {
            try (InputStream in = vault.openAttachment(attachment)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new GawahException(Failure.VAULT, Messages.of("shred.unreadable", attachment.id()), null, e);
            }
        }
    }

    /** Overwrites {@code file} with zeros, syncs it to the drive, and deletes it. */
    public static void shred(Path file) {
        try {
            overwrite(file);
            Files.delete(file);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("shred.failed", file, e.getMessage()),
                    Messages.of("shred.failed.hint"));
        }
    }

    private static void overwrite(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
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
