package org.gawah.desktop;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;

import javax.swing.Box;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.gawah.Message;
import org.gawah.app.CheckStep;

/**
 * The steps of a check as lines, each with its mark (passed: a green disc; passed with a
 * reservation: an amber triangle; failed: a red ring; under way: none yet) and its words; the
 * steps not reached are not shown, since nothing was checked there.
 */
final class StepList {
    private StepList() {
    }

    static JComponent of(String name, List<CheckProgress.Shown> steps) {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setName(name);
        panel.setOpaque(false);
        int y = 0;
        for (CheckProgress.Shown shown : steps) {
            String id = name + "." + shown.step().name().toLowerCase(java.util.Locale.ROOT);
            JComponent mark = shown.state() == CheckProgress.State.RUNNING
                    ? (JComponent) Box.createHorizontalStrut(14) : new JLabel(new MarkIcon(mark(shown.state())));
            mark.setName(id + ".mark." + shown.state().name().toLowerCase(java.util.Locale.ROOT));
            GridBagConstraints at = new GridBagConstraints();
            at.gridx = 0;
            at.gridy = y;
            at.anchor = GridBagConstraints.LINE_START;
            at.insets = new Insets(0, 0, 4, 0);
            panel.add(mark, at);
            JLabel words = Words.text(new JLabel(), words(shown.step()));
            words.setName(id);
            at = new GridBagConstraints();
            at.gridx = 1;
            at.gridy = y++;
            at.weightx = 1;
            at.fill = GridBagConstraints.HORIZONTAL;
            at.anchor = GridBagConstraints.LINE_START;
            at.insets = new Insets(0, 8, 4, 8);
            panel.add(words, at);
        }
        return panel;
    }

    private static WelcomeModel.Mark mark(CheckProgress.State state) {
        switch (state) {
            case PASSED: return WelcomeModel.Mark.READY;
            case WARNING: return WelcomeModel.Mark.WARNING;
            default: return WelcomeModel.Mark.MISSING;
        }
    }

    /** Each step's words (keys literal: every key the code uses is checked to be in the bundles). */
    static Message words(CheckStep step) {
        switch (step) {
            case DECRYPTION: return Messages.of("check.decryption");
            case ZIP: return Messages.of("check.zip");
            case LAYOUT: return Messages.of("check.layout");
            case SIGNATURE: return Messages.of("check.signature");
            case CUSTODY_LOG: return Messages.of("check.custody-log");
            case PAYLOAD: return Messages.of("check.payload");
            case CONTENTS: return Messages.of("check.contents");
            case TIMESTAMPS: return Messages.of("check.timestamps");
            default: return Messages.of("check.this-vault");
        }
    }
}
