package org.gawah.vault;

import java.io.OutputStream;
import java.time.Instant;

import org.gawah.Digests;
import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;

/**
 * One record being sealed: its attachments streamed in first, then the record itself and its
 * custody entries ({@code sealed} for each envelope, {@code attached} for each attachment), all in
 * a single {@link VaultWrite}.
 */
public final class RecordWrite implements AutoCloseable {
    private final VaultWrite write;
    private final String recordId;
    private int position;

    RecordWrite(VaultWrite write, String recordId) {
        this.write = write;
        this.recordId = recordId;
    }

    /** A stream for the record's next sealed attachment; see {@link VaultWrite#attachment}. */
    public OutputStream attachment(String attachmentId) {
        return write.attachment(recordId, position++, attachmentId);
    }

    /** Stores the record, logs it, and makes everything written so far durable, at once. */
    public void commit(SealedRecord record, EntrySigner signer) {
        if (!record.id().equals(recordId)) {
            throw new IllegalArgumentException("record " + record.id() + " is not " + recordId);
        }
        write.insert(record);
        Instant time = record.sealedAt();
        write.append(Action.SEALED, record.id(), Digests.sha256(record.testimony()), time, signer);
        if (record.identity() != null) {
            write.append(Action.SEALED, identitySubject(record.id()), Digests.sha256(record.identity()), time, signer);
        }
        for (VaultWrite.WrittenAttachment attachment : write.attachments()) {
            write.append(Action.ATTACHED, attachment.id(), attachment.sha256(), time, signer);
        }
        write.commit();
    }

    /** The custody subject of a record's identity envelope. */
    public static String identitySubject(String recordId) {
        return recordId + "/identity";
    }

    /** Without a commit: rolls everything back. */
    @Override
    public void close() {
        write.close();
    }
}
