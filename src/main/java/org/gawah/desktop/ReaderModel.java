package org.gawah.desktop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.AttachmentOpening;
import org.gawah.app.LegalRecords;
import org.gawah.app.OpenedRecord;
import org.gawah.app.RecordAttachments;
import org.gawah.custody.Entry;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;

/**
 * The reader without a control: the record shown, its custody entries (read from the signed logs
 * when it is shown, not kept for every record), and what became of each attachment the reader
 * asked for: saved into a folder through {@code open --attachments}' own checks, or read into
 * memory to be shown, each logged {@code opened} first ({@link RecordAttachments}). The key is the
 * one the records page unlocked; slow work is called off the event thread by the view.
 */
final class ReaderModel implements Wipeable {
    /** What became of an attachment: being worked on, saved (where), read to be shown, or refused (why). */
    record Done(boolean working, AttachmentOpening.Written saved, GawahException problem) {
        static final Done WORKING = new Done(true, null, null);
    }

    private final RecordsModel records;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, Done> attachments = new ConcurrentHashMap<>();
    private volatile OpenedRecord record;
    private volatile List<Entry> custody;
    private volatile GawahException custodyProblem;
    private volatile boolean wiped;

    ReaderModel(RecordsModel records) {
        this.records = records;
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Shows {@code shown}; its custody entries are read by {@link #readCustody}. */
    void show(OpenedRecord shown) {
        record = shown;
        custody = null;
        custodyProblem = null;
        attachments.clear();
    }

    OpenedRecord record() {
        return record;
    }

    /** The record's custody entries, or null while they are read (or could not be: {@link #custodyProblem}). */
    List<Entry> custody() {
        return custody;
    }

    GawahException custodyProblem() {
        return custodyProblem;
    }

    /** Reads the shown record's custody entries from the signed logs (slow: the logs are walked and checked). */
    void readCustody() {
        OpenedRecord shown = record;
        SecretKey key = records.ownKey();
        if (shown == null || key == null) {
            return;
        }
        try {
            List<Entry> read = LegalRecords.custody(records.home(), key, shown.id());
            if (shown == record && !wiped) {
                custody = read;
            }
        } catch (GawahException e) {
            custodyProblem = e;
        }
        changed();
    }

    /** What became of attachment {@code index} (from 0), or null when nothing was asked of it. */
    Done attachment(int index) {
        return attachments.get(index);
    }

    /**
     * Attachment {@code index} of the shown record, read into memory after its checks and logged
     * opened; null when it was refused ({@link #attachment} says why) or the window locked. The
     * caller wipes the array.
     */
    byte[] read(int index) {
        OpenedRecord shown = record;
        SigningKey signer = records.signer();
        SecretKey key = records.ownKey();
        if (shown == null || signer == null || key == null) {
            return null;
        }
        attachments.put(index, Done.WORKING);
        changed();
        try {
            byte[] bytes = RecordAttachments.read(records.home(), key, signer, shown, index);
            if (wiped) {
                java.util.Arrays.fill(bytes, (byte) 0);
                return null;
            }
            attachments.put(index, new Done(false, null, null));
            return bytes;
        } catch (GawahException e) {
            attachments.put(index, new Done(false, null, e));
            return null;
        } finally {
            changed();
        }
    }

    /** An attachment that could not be shown (not an image ImageIO reads, or too many pixels): said, as a refusal. */
    void notShown(int index, Message why) {
        attachments.put(index, new Done(false, null, new GawahException(org.gawah.Failure.USAGE, why)));
        changed();
    }

    /** Saves attachment {@code index} of the shown record into {@code folder}, through {@code open --attachments}' checks. */
    void save(int index, Path folder) {
        OpenedRecord shown = record;
        SigningKey signer = records.signer();
        SecretKey key = records.ownKey();
        if (shown == null || signer == null || key == null) {
            return;
        }
        attachments.put(index, Done.WORKING);
        changed();
        try {
            AttachmentOpening.Written written = RecordAttachments.save(records.home(), key, signer, shown, index, folder,
                    new AttachmentOpening.Told() { });
            attachments.put(index, new Done(false, written, null));
        } catch (GawahException e) {
            attachments.put(index, new Done(false, null, e));
        }
        changed();
    }

    private void changed() {
        if (!wiped) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Lock: the record shown, its entries and what was said of its attachments are dropped. */
    @Override
    public void wipe() {
        wiped = true;
        record = null;
        custody = null;
        attachments.clear();
    }
}
