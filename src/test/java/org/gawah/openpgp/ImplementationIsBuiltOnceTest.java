package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle's OpenPGP implementation is built once per run, whether {@link Implementation#prepare}
 * started it in the background or a certificate asked first, and however many threads ask at once;
 * Bouncy Castle's own lookups find the same one.
 */
class ImplementationIsBuiltOnceTest {
    @Test
    void everyAskerGetsTheOneBuilt() throws Exception {
        Implementation.prepare();
        Implementation.prepare();
        ConcurrentLinkedQueue<OpenPGPImplementation> seen = new ConcurrentLinkedQueue<>();
        List<Thread> askers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            askers.add(new Thread(() -> seen.add(Implementation.get())));
        }
        askers.forEach(Thread::start);
        for (Thread asker : askers) {
            asker.join();
        }
        OpenPGPImplementation one = Implementation.get();
        for (OpenPGPImplementation each : seen) {
            assertSame(one, each);
        }
        assertSame(one, OpenPGPImplementation.getInstance());
        SecretKey key = KeyGenerator.generate("Documenter", "passphrase".toCharArray(), java.time.Instant.now());
        Certificate.parse(key.certificate().armored().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertSame(one, OpenPGPImplementation.getInstance(), "reading certificates built no second one");
    }
}
