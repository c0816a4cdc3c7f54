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

    private static final byte[] BEGIN = "-----BEGIN PGP ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Each armour block of the input, decoded to packets; binary input is one block. Bouncy
     * Castle's decoder reads the first armour block and stops, so a team's certificates joined
     * with {@code cat a.asc b.asc} would silently lose all but the first: each block is read here.
     */
    static java.util.List<InputStream> decoders(byte[] data) throws IOException {
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        for (int i = 0; i + BEGIN.length <= data.length; i++) {
            if ((i == 0 || data[i - 1] == '\n') && java.util.Arrays.equals(data, i, i + BEGIN.length, BEGIN, 0, BEGIN.length)) {
                starts.add(i);
            }
        }
        if (starts.size() < 2) {
            return java.util.List.of(decoder(data));
        }
        java.util.List<InputStream> blocks = new java.util.ArrayList<>();
        for (int b = 0; b < starts.size(); b++) {
            int end = b + 1 < starts.size() ? starts.get(b + 1) : data.length;
            blocks.add(decoder(java.util.Arrays.copyOfRange(data, starts.get(b), end)));
        }
        return blocks;
    }
}
