package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.gawah.app.AttachmentList;
import org.gawah.app.AttachmentSeal;
import org.gawah.app.SealProgress;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Attachment;
import org.gawah.vault.RecordWrite;

/**
 * Attachments at the terminal, for record, interview and attach: the planning and sealing are
 * org.gawah.app's ({@link AttachmentSeal}, which the window calls too); this prints what a file's
 * metadata could tell of the witness as it is read, draws each file's progress line, and lists
 * what was sealed.
 */
final class AttachmentSealing {
    private AttachmentSealing() {
    }

    /** Plans the files (see {@link AttachmentSeal#plan}), warning at the terminal as each is read. */
    static List<AttachmentSeal.Planned> plan(Terminal terminal, AttachmentList list, List<String> recordAttachments,
                                             String addsTo) {
        return AttachmentSeal.plan(list, recordAttachments, addsTo, terminal::warn);
    }

    static List<Attachment> sealAll(Terminal terminal, List<AttachmentSeal.Planned> files, RecordWrite write,
                                    SigningKey signer, List<Certificate> recipients, Instant now) {
        return AttachmentSeal.sealAll(files, write, signer, recipients, now, progress(terminal), terminal::warn);
    }

    /** Each file's progress on a line of its own (shown for large files on an interactive terminal). */
    static SealProgress progress(Terminal terminal) {
        return new SealProgress() {
            private Progress line;
            private long counted;

            @Override
            public void file(Path file, long size) {
                line = new Progress(terminal, Messages.of("attach.progress", file.getFileName()), size);
            }

            @Override
            public void bytes(long done, long total) {
                line.advance(done - counted);
                counted = done;
            }

            @Override
            public void fileDone(Path file) {
                line.finish();
            }
        };
    }

    /** Each sealed file's id and name, so that a later {@code attach --transcript-of GWA-…} can name it. */
    static void report(Terminal terminal, List<AttachmentSeal.Planned> files) {
        for (AttachmentSeal.Planned file : files) {
            terminal.info(Messages.of("attach.sealed-file", file.id(), file.file().getFileName()));
        }
    }
}
