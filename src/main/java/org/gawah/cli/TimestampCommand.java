package org.gawah.cli;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.app.TsaTrust;
import org.gawah.custody.Action;
import org.gawah.custody.ChainCheck;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.openpgp.SecretKey;
import org.gawah.testimony.RecordId;
import org.gawah.tsp.ImprintHash;
import org.gawah.tsp.TimeStamp;
import org.gawah.tsp.TimeStampQuery;
import org.gawah.tsp.TsaCertificate;
import org.gawah.tsp.TsaConnection;
import org.gawah.tsp.TsaReply;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gawah timestamp}: asks time-stamping authorities (RFC 3161) for tokens over the head of
 * this home's custody log, which covers every record's ciphertext, and so its signature, and every
 * entry before it. The only command that contacts anything, and only when run. Each TSA is asked in
 * turn over the entry the previous answer will add, so the second token covers the first; every
 * token is checked before anything is written, and all of them are stored, with their signed
 * {@code timestamped} entries, in one transaction, or none.
 */
@Command(name = "timestamp")
final class TimestampCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--tsa", paramLabel = "URL")
    List<String> tsa;

    @Option(names = "--hash", paramLabel = "ALG", defaultValue = "sha256")
    String hash;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30")
    int timeout;

    @Option(names = "--renew")
    boolean renew;

    @Option(names = "--leave-ended")
    boolean leaveEnded;

    /** A token asked for and checked, with the entry that will log it. */
    private record Answer(URI tsa, String id, byte[] token, Entry entry, TimeStamp stamp, TsaCertificate signer) {
    }

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        ImprintHash imprint = ImprintHash.forRequest(hash).orElseThrow(() -> new GawahException(Failure.USAGE,
                Messages.of("timestamp.hash-unknown", hash), Messages.of("timestamp.hash-unknown.hint")));
        if (timeout < 1 || timeout > 600) {
            throw new GawahException(Failure.USAGE, Messages.of("timestamp.timeout-range", timeout));
        }
        Home home = homeOptions.resolve(terminal);
        SecretKey own = home.keyring().requireOwnKey();
        List<URI> urls = new ArrayList<>();
        if (tsa != null) {
            tsa.forEach(u -> urls.add(TsaConnection.parse(u)));
        } else {
            urls.addAll(TsaTrust.pins(home).urls());
        }
        if (urls.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("timestamp.no-tsa"), Messages.of("timestamp.no-tsa.hint"));
        }
        List<TsaCertificate> pinned = TsaTrust.pinned(home);
        if (pinned.isEmpty()) {
            throw new GawahException(Failure.NOT_READY, Messages.of("timestamp.none-pinned"),
                    Messages.of("timestamp.none-pinned.hint"));
        }
        if (leaveEnded && !renew) {
            throw new GawahException(Failure.USAGE, Messages.of("renew.leave-ended-alone"));
        }
        if (renew) {
            // Evidence records ask one TSA: the renewal chain is the redundancy (docs/format/evidence-record.md).
            return ArchiveRenewal.run(terminal, home, own, passphrase, urls.get(0), pinned, Duration.ofSeconds(timeout),
                    leaveEnded);
        }
        try (Vault vault = home.vault()) {
            Entry head = ownHead(vault, own);
            // Unlocked before anyone is asked: no token is fetched only to be dropped for a typo.
            EntrySigner signer = new EntrySigner(passphrase.unlockForSigning(terminal, own, Instant.now()));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<Answer> answers = new ArrayList<>();
            Entry covered = head;
            for (URI url : urls) {
                Answer answer = ask(terminal, url, covered, imprint, now, own.fingerprint(), pinned);
                answers.add(answer);
                covered = answer.entry();
            }
            store(vault, answers, signer, own.fingerprint());
            for (Answer answer : answers) {
                terminal.info(Messages.of("timestamp.done", answer.entry().seq() - 1, answer.stamp().time(),
                        answer.signer().subject(), answer.id()));
            }
            terminal.info(Messages.of("timestamp.proves"));
            answers.forEach(a -> terminal.line(a.id()));
        }
        return 0;
    }

    /** The head of this home's own log, the whole chain checked first: a token over a broken log proves nothing. */
    static Entry ownHead(Vault vault, SecretKey own) {
        ChainCheck chain = new ChainCheck(Messages.of("timestamp.own-log"), List.of(own.certificate()));
        vault.forEachCustody(row -> chain.add(row.seq(), row.entry(), row.signature()));
        if (chain.head() == null) {
            throw new GawahException(Failure.NOT_READY, Messages.of("timestamp.log-empty"),
                    Messages.of("timestamp.log-empty.hint"));
        }
        return chain.head();
    }

    private Answer ask(Terminal terminal, URI url, Entry covered, ImprintHash imprint, Instant now, String actor,
                       List<TsaCertificate> pinned) {
        String id = RecordId.randomTimestamp();
        TimeStampQuery query = TimeStampQuery.over(covered.canonical(), imprint, TimeStampQuery.nonceOf(id));
        terminal.info(Messages.of("timestamp.asking", url, covered.seq(), imprint.label()));
        byte[] reply = TsaConnection.ask(url, query.der(), Duration.ofSeconds(timeout));
        byte[] token = TsaReply.token(url.toString(), reply);
        TimeStamp stamp = TimeStamp.parse(token);
        TsaCertificate signer;
        try {
            signer = stamp.check(covered.canonical(), query.nonce(), pinned, Instant.now());
        } catch (GawahException e) {
            throw new GawahException(e.failure(), Messages.of("timestamp.token-refused", url, e.message()), e.hintMessage());
        }
        Entry entry = new Entry(covered.seq() + 1, now, actor, Action.TIMESTAMPED, id, Digests.sha256(token),
                covered.sha256());
        return new Answer(url, id, token, entry, stamp, signer);
    }

    /** All entries and tokens in one transaction, only if the log still ends where the tokens say. */
    private static void store(Vault vault, List<Answer> answers, EntrySigner signer, String actor) {
        try (VaultWrite write = vault.begin()) {
            for (Answer answer : answers) {
                // The entry as made when its token was asked for: a later token covers its bytes, its nonce included.
                write.appendIfNext(answer.entry(), signer).orElseThrow(() -> new GawahException(Failure.VAULT,
                        Messages.of("timestamp.log-moved"), Messages.of("timestamp.log-moved.hint")));
                write.storeToken(actor, answer.entry().seq(), answer.id(), answer.token());
            }
            write.commit();
        }
    }
}
