package org.gawah.desktop;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.concurrent.ExecutionException;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingWorker;

/**
 * The welcome page: what this computer has of Gawah, read from the home by {@link WelcomeModel}
 * off the event thread and laid out here, one row a line: its mark, its words, and under them
 * how to fix it. Lays out with LINE_START only, so it turns around with the window.
 */
final class WelcomeView extends PagePanel {
    private static final long serialVersionUID = 1L;

    private final transient WelcomeModel model;
    private final transient WindowModel window;
    private final JPanel lines = new JPanel(new GridBagLayout());
    private final JLabel checking = Words.text(new JLabel(), Messages.of("welcome.checking"));
    private final javax.swing.JTextArea next = Paragraph.of("welcome.next");
    private final JButton checkAgain = Words.text(new JButton(), Messages.of("welcome.check-again"));
    private final JButton begin = Words.text(new JButton(), Messages.of("welcome.begin"));
    private final JButton setup = Words.text(new JButton(), Messages.of("welcome.setup"));
    private final JButton attach = Words.text(new JButton(), Messages.of("welcome.attach"));
    private final java.awt.Component beginGap = javax.swing.Box.createHorizontalStrut(10);
    private final java.awt.Component attachGap = javax.swing.Box.createHorizontalStrut(10);
    /** An interview the lock interrupted, sealed as a draft, and the button that takes it up. */
    private final javax.swing.JTextArea draft = Paragraph.of("welcome.draft");
    private final JButton resume = Words.text(new JButton(), Messages.of("welcome.resume"));
    private final java.awt.Component resumeGap = javax.swing.Box.createHorizontalStrut(10);
    /** The documenter's own sealed records, and submitting them. */
    private final JButton myRecords = Words.text(new JButton(), Messages.of("welcome.my-records"));
    private final java.awt.Component myRecordsGap = javax.swing.Box.createHorizontalStrut(10);

    /**
     * {@code interview}: what the Begin button does (opens the interview's pages); {@code firstRun}:
     * the Set up button; {@code attachFiles}: the Attach files button (files added to a record);
     * {@code resumeDraft}: the Resume button, given the draft's id; {@code ownRecords}: the button
     * to the documenter's own records and submitting them.
     */
    WelcomeView(WelcomeModel model, WindowModel window, Runnable interview, Runnable firstRun, Runnable attachFiles,
                java.util.function.Consumer<String> resumeDraft, Runnable ownRecords) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        setName("page.welcome");
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        JLabel heading = Words.text(new JLabel(), Messages.of("welcome.heading"));
        heading.setName("welcome.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h1");
        checking.setName("welcome.checking");
        checkAgain.setName("welcome.check-again");
        checkAgain.addActionListener(e -> check());
        begin.setName("welcome.begin");
        begin.addActionListener(e -> interview.run());
        setup.setName("welcome.setup");
        setup.addActionListener(e -> firstRun.run());
        attach.setName("welcome.attach");
        attach.addActionListener(e -> attachFiles.run());
        resume.setName("welcome.resume");
        resume.addActionListener(e -> {
            if (model.draft() != null) {
                resumeDraft.accept(model.draft().recordId());
            }
        });
        myRecords.setName("welcome.my-records");
        myRecords.addActionListener(e -> ownRecords.run());
        lines.setName("welcome.lines");
        lines.setOpaque(false);

        add(heading, row(0, 16));
        add(Words.text(Paragraph.of("welcome.intro"), Messages.of("welcome.intro")), row(1, 20));
        add(checking, row(2, 8));
        add(lines, row(3, 16));
        add(next, row(4, 16));
        add(draft, row(5, 16));
        JPanel buttons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEADING, 0, 0));
        buttons.setOpaque(false);
        buttons.add(resume);
        buttons.add(resumeGap);
        buttons.add(begin);
        // Begin and Set up are both shown while a warning is left (one legal key): kept apart.
        beginGap.setVisible(false);
        buttons.add(beginGap);
        buttons.add(setup);
        add(buttons, row(6, 10));
        // A second row: the first holds what to do now, and the page stays whole at the window's smallest.
        JPanel more = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEADING, 0, 0));
        more.setOpaque(false);
        more.add(attach);
        more.add(attachGap);
        more.add(myRecords);
        more.add(myRecordsGap);
        more.add(checkAgain);
        add(more, row(7, 0));
        GridBagConstraints rest = row(8, 0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
        model.onChange(this::render);
        render();
    }

    /** Reads the home again, off the event thread; the page shows what it found when it is done. */
    void check() {
        checkAgain.setEnabled(false);
        new SwingWorker<HomeStatus, Void>() {
            @Override
            protected HomeStatus doInBackground() {
                return model.read();
            }

            @Override
            protected void done() {
                checkAgain.setEnabled(true);
                if (window.lockedBy() != null) {
                    return;
                }
                try {
                    model.show(get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("reading the home failed", e.getCause());
                }
            }
        }.execute();
    }

    private void render() {
        lines.removeAll();
        int y = 0;
        for (WelcomeModel.Line line : model.lines()) {
            JLabel mark = new JLabel(new MarkIcon(line.mark()));
            mark.setName("welcome." + line.name() + ".mark." + line.mark().name().toLowerCase(java.util.Locale.ROOT));
            GridBagConstraints at = new GridBagConstraints();
            at.gridx = 0;
            at.gridy = y;
            at.anchor = GridBagConstraints.LINE_START;
            // The font's tall line (room for Arabic marks above and below) sets its letters high in the
            // line: the mark rises a little to sit level with them.
            at.insets = new Insets(0, 0, 6, 0);
            lines.add(mark, at);
            JLabel words = Words.text(new JLabel(), line.words());
            words.setName("welcome." + line.name());
            lines.add(words, text(y++, line.fix() == null ? 10 : 2));
            if (line.fix() != null) {
                JLabel fix = Words.text(new JLabel(), line.fix());
                fix.setName("welcome." + line.name() + ".fix");
                fix.putClientProperty("FlatLaf.styleClass", "small");
                // Grey, but not disabled: a screen reader skips disabled labels.
                fix.putClientProperty("FlatLaf.style", "foreground: $Label.disabledForeground");
                lines.add(fix, text(y++, 10));
            }
        }
        checking.setVisible(!model.checked());
        if (model.next() != null) {
            Words.text(next, model.next());
        }
        next.setVisible(model.next() != null);
        begin.setVisible(model.ready());
        setup.setVisible(model.setupWanted());
        beginGap.setVisible(model.ready() && model.setupWanted());
        // Files are added to records sealed here: only where records can be sealed.
        attach.setVisible(model.ready());
        attachGap.setVisible(model.ready());
        if (model.draft() != null) {
            Words.text(draft, Messages.of("welcome.draft", SealedTime.of(model.draft().sealedAt()), Ltr.of(model.draft().recordId())));
        }
        draft.setVisible(model.draft() != null);
        resume.setVisible(model.draft() != null);
        resumeGap.setVisible(model.draft() != null);
        // A home with a key has records of its own to see and submit, ready or not.
        boolean own = model.ownKey();
        myRecords.setVisible(own);
        myRecordsGap.setVisible(own);
        lines.applyComponentOrientation(getComponentOrientation());
        revalidate();
        repaint();
    }

    private static GridBagConstraints text(int y, int below) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 1;
        at.gridy = y;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.LINE_START;
        at.insets = new Insets(0, 10, below, 10); // the same on both sides: the page turns around
        return at;
    }

    private static GridBagConstraints row(int y, int below) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = y;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new Insets(0, 0, below, 0);
        return at;
    }
}
