package org.gawah.desktop;

import java.util.ArrayList;
import java.util.List;

import org.gawah.app.CheckStep;

/**
 * The steps of a check of a bag or a package, as the import and verify pages list them: each step
 * begun, in order, the ones before the current passed; at the end, the last one passed too, or it
 * failed; a step that passed with a reservation (a signature good but by a key not pinned here) is
 * marked so. Told from the working thread, read by the view on the event thread.
 */
final class CheckProgress {
    enum State { PASSED, WARNING, FAILED, RUNNING }

    /** One step as shown. */
    record Shown(CheckStep step, State state) {
    }

    private final List<CheckStep> begun = new ArrayList<>();
    private CheckStep warned;
    private boolean failed;
    private boolean finished;

    /** A step begins (a step begun again, as a bag read twice begins each, keeps its place). */
    synchronized void begin(CheckStep step) {
        if (!begun.contains(step)) {
            begun.add(step);
        }
    }

    /** Every step begun passed. */
    synchronized void finish() {
        finished = true;
    }

    /** The step begun last failed. */
    synchronized void fail() {
        failed = true;
    }

    /** This step passed with a reservation. */
    synchronized void warn(CheckStep step) {
        warned = step;
    }

    synchronized void clear() {
        begun.clear();
        warned = null;
        failed = false;
        finished = false;
    }

    synchronized List<Shown> shown() {
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < begun.size(); i++) {
            CheckStep step = begun.get(i);
            boolean last = i == begun.size() - 1;
            State state = last && failed ? State.FAILED
                    : last && !finished ? State.RUNNING
                    : step == warned ? State.WARNING : State.PASSED;
            shown.add(new Shown(step, state));
        }
        return shown;
    }
}
