package org.gawah.app;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SealedRecipients;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.Drafts;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;

/**
 * An interrupted interview taken up again. The window seals what an interview held when it was
 * locked or closed as a draft ({@code gawah.draft/1}) to the record's recipients and to the
 * documenter's own key, so that this documenter, and no one else on the laptop, can open it
 * again after unlocking. The draft that can be resumed is the last record this home sealed, when
 * that record's testimony is sealed to the home's own key: once the interview is sealed as a
 * record (or anything else is sealed), the draft is no longer offered, and it stays in the vault,
 * sealed, for the legal team, like every draft. Which record that is comes from the signed log.
 */
public final class DraftResume {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A draft that can be resumed: its id and when it was sealed (told before the key is unlocked). */
    public record Found(String recordId, Instant sealedAt) {
    }

    /**
     * A draft opened: the step it stopped at, its consent and its other answers (the shape of
     * testimony input), and whether a witness identity was sealed apart with it, which only the
     * protection officers can open: it must be asked again.
     */
    public record Draft(String recordId, String stoppedAt, JsonNode consent, JsonNode fields, boolean identityApart) {
    }

    private DraftResume() {
    }

    /**
     * The draft to offer, read from the clear metadata alone (no key is unlocked): the last record
     * this home's own log says it sealed, if its testimony is sealed to the home's own key too.
     * (A record sealed with {@code --self-readable} looks the same: opening it tells.)
     */
    public static Optional<Found> find(Home home) {
        Optional<SecretKey> own = home.keyring().ownKey();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            Optional<Entry> last = lastSealed(signed);
            if (last.isEmpty()) {
                return Optional.empty();
            }
            LoggedRecord record = signed.record(last.get().subject()).orElseThrow();
            if (!SealedRecipients.of(record.testimony()).includes(own.get())) {
                return Optional.empty();
            }
            return Optional.of(new Found(record.id(), record.sealedAt()));
        }
    }

    /**
     * Opens the draft {@code recordId} with {@code own}, whose secret parts the caller unlocked
     * (the unlock that made {@code signer} did), and logs it as {@code opened}, exactly the entry
     * {@code gawah open} appends, before anything is handed back. Empty when that record is not a
     * draft (a testimony sealed with {@code --self-readable}), or no longer the one to resume.
     */
    public static Optional<Draft> open(Home home, String recordId, SecretKey own, SigningKey signer) {
        LoggedRecord record;
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            if (!lastSealed(signed).map(Entry::subject).filter(recordId::equals).isPresent()) {
                return Optional.empty();
            }
            record = signed.record(recordId).orElseThrow();
        }
        Opened opened = Opener.open(record.testimony(), own, DraftResume::locked, List.of(own.certificate()));
        try {
            // Signed by this home's own key, and brought by its own sealed entry: never another's record.
            Provenance.requireBroughtBy(record, recordId, opened);
            JsonNode draft = JSON.readTree(opened.content());
            if (!Drafts.SCHEMA.equals(draft.path("schema").textValue())) {
                return Optional.empty();
            }
            if (!recordId.equals(draft.path("record_id").textValue()) || !draft.path("consent").isObject()
                    || !draft.path("stopped_at_step").isTextual()) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("records.not-testimony", recordId));
            }
            // Logged before anything is shown: no plaintext leaves the vault unrecorded.
            CustodyLog.append(home, signer, Action.OPENED, recordId, Digests.sha256(record.testimony()));
            return Optional.of(new Draft(recordId, draft.path("stopped_at_step").textValue(), draft.get("consent"),
                    draft.path("fields"), record.identity() != null));
        } catch (IOException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("records.not-testimony", recordId));
        } finally {
            opened.wipe();
        }
    }

    /** The last {@code sealed} entry of the home's own log that stored a record. */
    private static Optional<Entry> lastSealed(SignedVault signed) {
        List<Entry.Signed> entries = signed.log().entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i).entry();
            if (entry.action() == Action.SEALED && entry.subject().startsWith("GWH-") && entry.subject().indexOf('/') < 0) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The key is unlocked before: a prompt here would be a second unlock the window never asks for. */
    private static char[] locked(String fingerprint) {
        throw new GawahException(Failure.NOT_READY, Messages.of("records.key-locked", fingerprint));
    }
}
