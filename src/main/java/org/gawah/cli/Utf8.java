package org.gawah.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.gawah.Failure;
import org.gawah.GawahException;

/** Strict UTF-8 decoding: malformed bytes are refused, never replaced. */
final class Utf8 {
    private Utf8() {
    }

    static String decode(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GawahException(Failure.INVALID_TESTIMONY, what + " is not valid UTF-8 text");
        }
    }
}
