package org.gawah.openpgp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPUtil;

/** ASCII armour in and out. Output carries no Version header: it would only identify the tool. */
public final class Armor {
    private Armor() {
    }

    public static String armor(byte[] binary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(binary.length * 4 / 3 + 128);
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armored.write(binary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A stream that armours what is written to it; closing it closes {@code out}. */
    public static OutputStream armoring(OutputStream out) {
        ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(out);
        return new java.io.FilterOutputStream(armored) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                armored.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                armored.close();
                out.close();
            }
        };
    }

    /** Binary or armoured input, decoded to packets. */
    static InputStream decoder(byte[] data) throws IOException {
        return PGPUtil.getDecoderStream(new ByteArrayInputStream(data));
    }
}
