package org.gawah.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStamp;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStampGenerator;
import org.bouncycastle.tsp.ers.ERSByteData;
import org.bouncycastle.tsp.ers.ERSEvidenceRecordGenerator;
import org.bouncycastle.tsp.ers.ERSException;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * One archive timestamp over many data objects (RFC 4998, section 4): a SHA-256 hash tree of them
 * (Bouncy Castle's), one request for its root, and from the token one evidence record per object,
 * each with its own reduced hash tree, so a record proves its object and shows none of the others.
 */
public final class ArchiveTimestamp {
    private final ERSArchiveTimeStampGenerator generator;

    private ArchiveTimestamp(ERSArchiveTimeStampGenerator generator) {
        this.generator = generator;
    }

    /** Over {@code objects}' bytes (each hashed with SHA-256 here), in this order. */
    public static ArchiveTimestamp over(List<byte[]> objects) {
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("no data objects");
        }
        DigestCalculator sha256;
        try {
            sha256 = EvidenceRecord.digests().get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256"));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
        ERSArchiveTimeStampGenerator generator = new ERSArchiveTimeStampGenerator(sha256);
        objects.forEach(o -> generator.addData(new ERSByteData(o)));
        return new ArchiveTimestamp(generator);
    }

    /** The request for the tree's root, with {@code nonce}; certReq set, as for every Gawah request. */
    public TimeStampQuery query(BigInteger nonce) {
        try {
            TimeStampRequest request = generator.generateTimeStampRequest(requests(), nonce);
            return new TimeStampQuery(request.getEncoded(), ImprintHash.SHA256, request.getMessageImprintDigest(), nonce);
        } catch (TSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One record per object, in the order given, from a TSA's granted {@code reply} to {@link #query}. */
    public List<EvidenceRecord> records(String tsa, byte[] reply) {
        try {
            List<ERSArchiveTimeStamp> stamps = generator.generateArchiveTimeStamps(new TimeStampResponse(reply));
            List<EvidenceRecord> records = new ArrayList<>();
            new ERSEvidenceRecordGenerator(EvidenceRecord.digests()).generate(stamps).forEach(r -> records.add(EvidenceRecord.of(r)));
            return records;
        } catch (ERSException | TSPException | IOException | RuntimeException e) {
            if (e instanceof GawahException) {
                throw (GawahException) e;
            }
            throw new GawahException(Failure.BAD_DATA, Messages.of("ers.reply-unfit", tsa, e.getClass().getSimpleName()));
        }
    }

    static TimeStampRequestGenerator requests() {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        return requests;
    }
}
