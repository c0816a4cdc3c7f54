package org.gawah.openpgp;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bouncycastle.openpgp.api.OpenPGPImplementation;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;

/**
 * Bouncy Castle's OpenPGP implementation, which every certificate is read with, built once per
 * run. Building it builds Bouncy Castle's default policy, whose dates are parsed with a time-zone
 * name: the JDK then derives the names of all 600 zones, a tenth of a second of CPU at start.
 * {@link #prepare} starts that on a thread of its own as a command starts, so that it overlaps
 * parsing the command line, reading the keys and opening the vault instead of following them.
 */
public final class Implementation {
    private static final FutureTask<OpenPGPImplementation> BUILT = new FutureTask<>(Implementation::build);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Implementation() {
    }

    /** Starts building it in the background, once; {@link #get} takes it, or builds it itself. */
    public static void prepare() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(BUILT, "gawah-openpgp-prepare");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static OpenPGPImplementation get() {
        BUILT.run(); // builds it here, unless a thread has built it or is building it
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return BUILT.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static OpenPGPImplementation build() {
        OpenPGPImplementation implementation = new BcOpenPGPImplementation();
        // Bouncy Castle's own lookups then find this one instead of building a second.
        OpenPGPImplementation.setInstance(implementation);
        return implementation;
    }
}
