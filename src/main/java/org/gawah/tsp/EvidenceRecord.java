package org.gawah.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSException;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * One RFC 4998 evidence record as Gawah writes it (docs/format/evidence-record.md): one chain of
 * archive timestamps, SHA-256 throughout, the first over a hash tree holding one data object, each
 * later one a timestamp renewal of those before it. Read strictly from its DER bytes and
 * {@link #check}ed against the data object's SHA-256 and the TSAs pinned here; Bouncy Castle's
 * {@code ERSEvidenceRecord} does the hash-tree and chain arithmetic, {@link TimeStamp} judges
 * each token's signer.
 */
public final class EvidenceRecord {
    /** A record is a few tokens and a path of hashes: kilobytes. */
    public static final int MAX_SIZE = 1 << 20;

    private final byte[] der;
    private final ERSEvidenceRecord record;
    private final ArchiveTimeStamp[] chain;

    /**
     * What a record proves: the data object existed at {@code time}; renewed {@code renewals}
     * times, the newest token signed by a certificate that ends at {@code renewBy}.
     */
    public record Proof(Instant time, int renewals, Instant newest, Instant renewBy, List<TsaCertificate> signers) {
    }

    private EvidenceRecord(byte[] der, ERSEvidenceRecord record, ArchiveTimeStamp[] chain) {
        this.der = der.clone();
        this.record = record;
        this.chain = chain;
    }

    /** A record's DER bytes; anything else, or a record Gawah does not write, fails. */
    public static EvidenceRecord parse(byte[] der) {
        if (der.length > MAX_SIZE) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("ers.too-large", der.length, MAX_SIZE));
        }
        ERSEvidenceRecord record;
        ArchiveTimeStampChain[] chains;
        try {
            // The constructor checks that each renewal covers the timestamps before it (RFC 4998, 5.3).
            record = new ERSEvidenceRecord(der, digests());
            if (!Arrays.equals(record.toASN1Structure().getEncoded("DER"), der)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("ers.not-der"));
            }
            chains = record.toASN1Structure().getArchiveTimeStampSequence().getArchiveTimeStampChains();
        } catch (ERSException | TSPException | IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_DATA, Messages.of("ers.unreadable", e.getClass().getSimpleName()),
                    Messages.of("ers.unreadable.hint"));
        }
        if (chains.length != 1) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("ers.chains", chains.length), Messages.of("ers.chains.hint"));
        }
        ArchiveTimeStamp[] stamps = chains[0].getArchiveTimestamps();
        for (ArchiveTimeStamp stamp : stamps) {
            if (!ImprintHash.SHA256.oid().equals(stamp.getDigestAlgorithmIdentifier().getAlgorithm().getId())) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("ers.hash",
                        stamp.getDigestAlgorithmIdentifier().getAlgorithm().getId()));
            }
        }
        return new EvidenceRecord(der, record, stamps);
    }

    static EvidenceRecord of(ERSEvidenceRecord record) {
        try {
            return parse(record.toASN1Structure().getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encoded() {
        return der.clone();
    }

    /** The archive timestamps' tokens, oldest first: the first over the hash tree, then each renewal. */
    public List<TimeStamp> timestamps() {
        List<TimeStamp> stamps = new ArrayList<>();
        for (ArchiveTimeStamp stamp : chain) {
            try {
                stamps.add(TimeStamp.parse(stamp.getTimeStamp().getEncoded("DER")));
            } catch (IOException e) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("ers.unreadable", e.getClass().getSimpleName()));
            }
        }
        return stamps;
    }

    /**
     * Names the chain: records made by one archive timestamp and renewed together share it (their
     * tokens, not their hash trees), so one renewal token serves them all.
     */
    public String chainKey() {
        StringBuilder all = new StringBuilder();
        timestamps().forEach(t -> all.append(Digests.sha256(t.encoded())));
        return Digests.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * Whether this record proves that the data object whose SHA-256 is {@code object} existed,
     * through tokens of TSAs pinned here (docs/format/evidence-record.md, "Checks"). Each misfit
     * fails, naming it.
     */
    public Proof check(byte[] object, List<TsaCertificate> pinned, Instant now) {
        List<TimeStamp> stamps = timestamps();
        PartialHashtree[] tree = chain[0].getReducedHashTree();
        boolean leaf = tree == null ? MessageDigest.isEqual(stamps.get(0).imprint(), object) : tree[0].containsHash(object);
        if (!leaf) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("ers.other-object", TsaCertificate.hex(object)),
                    Messages.of("ers.other-object.hint"));
        }
        List<TsaCertificate> signers = new ArrayList<>();
        for (int i = 0; i < stamps.size(); i++) {
            TimeStamp stamp = stamps.get(i);
            try {
                if (stamp.hash().orElse(null) != ImprintHash.SHA256) {
                    throw new GawahException(Failure.BAD_DATA, Messages.of("ers.hash", stamp.hash().map(ImprintHash::label).orElse("?")));
                }
                signers.add(stamp.checkSigner(pinned, now));
            } catch (GawahException e) {
                throw new GawahException(e.failure(), Messages.of("ers.token", i + 1, stamps.size(), e.message()), e.hintMessage());
            }
            if (i > 0) {
                TimeStamp before = stamps.get(i - 1);
                if (stamp.time().isBefore(before.time())) {
                    throw new GawahException(Failure.BAD_DATA, Messages.of("ers.renewal-order", i + 1, stamp.time(), before.time()));
                }
                if (!stamp.time().isBefore(signers.get(i - 1).notAfter())) {
                    throw new GawahException(Failure.BAD_DATA, Messages.of("ers.renewed-late", i + 1, stamp.time(),
                            signers.get(i - 1).subject(), signers.get(i - 1).notAfter()), Messages.of("ers.renewed-late.hint"));
                }
            }
        }
        try {
            record.validatePresent(false, object, Date.from(now.plus(TimeStamp.CLOCK_TOLERANCE)));
        } catch (ERSException | RuntimeException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("ers.altered"), Messages.of("ers.unreadable.hint"));
        }
        TimeStamp newest = stamps.get(stamps.size() - 1);
        return new Proof(stamps.get(0).time(), stamps.size() - 1, newest.time(), signers.get(signers.size() - 1).notAfter(),
                List.copyOf(signers));
    }

    /** The request for a timestamp renewal of this record's chain (RFC 4998, 5.2), with {@code nonce}. */
    public TimeStampQuery renewalQuery(BigInteger nonce) {
        try {
            TimeStampRequest request = record.generateTimeStampRenewalRequest(ArchiveTimestamp.requests(), nonce);
            return new TimeStampQuery(request.getEncoded(), ImprintHash.SHA256, request.getMessageImprintDigest(), nonce);
        } catch (ERSException | TSPException | IOException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("ers.unreadable", e.getClass().getSimpleName()));
        }
    }

    /** This record with the renewal token of {@code reply} (a TSA's granted answer to {@link #renewalQuery}) added. */
    public EvidenceRecord renewed(String tsa, byte[] reply) {
        try {
            return of(record.renewTimeStamp(new TimeStampResponse(reply)));
        } catch (ERSException | TSPException | IOException | RuntimeException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("ers.reply-unfit", tsa, e.getClass().getSimpleName()));
        }
    }
}
