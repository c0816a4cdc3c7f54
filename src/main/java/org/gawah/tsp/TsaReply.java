package org.gawah.tsp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * A TSA's answer (TimeStampResp, RFC 3161 section 2.4.2): a status and, when granted, the token.
 * A refusal is said with the TSA's own status and failure bits; the token is returned as bytes,
 * to be judged by {@link TimeStamp#check} like any token from outside.
 */
public final class TsaReply {
    /** PKIFailureInfo bits (RFC 3161 section 2.4.2) by position, as words the user can look up. */
    private static final String[] FAILURES = {"badAlg", null, "badRequest", null, null, "badDataFormat", null, null, null,
        null, null, null, null, null, "timeNotAvailable", "unacceptedPolicy", "unacceptedExtension", "addInfoNotAvailable",
        null, null, null, null, null, null, null, "systemFailure"};

    private TsaReply() {
    }

    /** The token's DER bytes from a granted answer; a refusal, or anything else, fails. */
    public static byte[] token(String tsa, byte[] reply) {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(reply);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("tsa.reply.not-rfc3161", tsa),
                    Messages.of("tsa.reply.not-rfc3161.hint"));
        }
        int status = response.getStatus();
        if (status != 0 && status != 1) {
            throw new GawahException(Failure.TSA_REFUSED, Messages.of("tsa.reply.refused", tsa, statusName(status),
                    failures(response), String.valueOf(response.getStatusString())), Messages.of("tsa.reply.refused.hint"));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("tsa.reply.no-token", tsa));
        }
        try {
            return token.getEncoded();
        } catch (IOException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("tsa.reply.no-token", tsa));
        }
    }

    private static String statusName(int status) {
        switch (status) {
            case 2: return "rejection";
            case 3: return "waiting";
            case 4: return "revocationWarning";
            case 5: return "revocationNotification";
            default: return String.valueOf(status);
        }
    }

    private static String failures(TimeStampResponse response) {
        List<String> names = new ArrayList<>();
        var info = response.getFailInfo();
        if (info != null) {
            for (int bit = 0; bit < FAILURES.length; bit++) {
                if (FAILURES[bit] != null && (info.intValue() & (1 << (7 - bit % 8) << (bit / 8 * 8))) != 0) {
                    names.add(FAILURES[bit]);
                }
            }
        }
        return names.isEmpty() ? "-" : String.join(", ", names);
    }
}
