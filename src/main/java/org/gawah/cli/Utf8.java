package org.gawah.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

/** Strict UTF-8 decoding: malformed bytes are refused, never replaced. */
final class Utf8 {
    private Utf8() {
    }

    /** {@code what} names the text for the message if it is refused, e.g. "the account on standard input". */
    static String decode(byte[] bytes, Message what) {
        return decode(bytes, what, Failure.INVALID_TESTIMONY);
    }

    /** As {@link #decode(byte[], Message)}, refusing with {@code failure}. */
    static String decode(byte[] bytes, Message what, Failure failure) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GawahException(failure, Messages.of("utf8.invalid", what));
        }
    }
}
