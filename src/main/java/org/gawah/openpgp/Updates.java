package org.gawah.openpgp;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/** A stream whose bytes go to the {@code update} of each of some hashes: a signature's, a digest's. */
final class Updates {
    /** One hash's {@code update(byte[], int, int)}. */
    interface Sink {
        void update(byte[] data, int offset, int length);
    }

    private Updates() {
    }

    /** The stream; null sinks (a hash not wanted here) are left out. */
    static OutputStream to(Sink... sinks) {
        Sink[] wanted = Arrays.stream(sinks).filter(Objects::nonNull).toArray(Sink[]::new);
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int offset, int length) {
                for (Sink sink : wanted) {
                    sink.update(data, offset, length);
                }
            }
        };
    }
}
