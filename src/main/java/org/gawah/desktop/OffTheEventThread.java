package org.gawah.desktop;

import java.util.concurrent.ExecutionException;

import javax.swing.SwingWorker;

/**
 * Work a page hands off the event thread (unlocking, sealing, reading a file, opening records),
 * so that the window stays drawn and lock still answers; the page's model tells the page when
 * the work is done. A failure surfaces on the event thread, unless lock ended the work.
 */
final class OffTheEventThread {
    private OffTheEventThread() {
    }

    static void run(WindowModel window, String what, Runnable work) {
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() {
                work.run();
                return null;
            }

            @Override
            protected void done() {
                try {
                    get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    if (window.lockedBy() == null) {
                        throw new IllegalStateException(what + " failed", e.getCause());
                    }
                }
            }
        }.execute();
    }
}
