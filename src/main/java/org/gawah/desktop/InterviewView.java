package org.gawah.desktop;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;

import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JRadioButton;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;

import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.Sealed;
import org.gawah.interview.Asked;
import org.gawah.interview.InterviewWords;

/**
 * The interview's pages, rendered from {@link InterviewModel}: the unlock page, one page a
 * question (yes or no and one of several as radio buttons, several as check boxes, a line as a
 * field, several lines as a text area, the account's a large one), the review with a Change
 * button for every step, and the end. Every field typed into keeps its text in a
 * {@link WipingDocument}; the page is made again on every change of the model, and the fields of
 * the page it replaces are wiped. Slow work (unlock, seal) runs in a SwingWorker.
 */
final class InterviewView extends PagePanel {
    private static final long serialVersionUID = 1L;
    private static final int ACCOUNT_ROWS = 14;
    private static final int LINES_ROWS = 5;

    private final transient InterviewModel model;
    private final transient WindowModel window;
    private final transient Runnable home;
    private int row;
    /** What the page shown takes its answer from: the choices made, or the text typed. */
    private final transient List<AbstractButton> options = new ArrayList<>();
    private javax.swing.text.JTextComponent typed;
    /** The field of the question shown (never the passphrase's), which lock reads for the draft; or null. */
    private volatile javax.swing.text.JTextComponent answerField;

    InterviewView(InterviewModel model, WindowModel window, Runnable home) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.home = home;
        setName("page.interview");
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        model.onChange(() -> PageParts.onEventThread(this::render));
        // Lock keeps the interview as a sealed draft, what is typed in the field shown included.
        model.pending(() -> {
            javax.swing.text.JTextComponent field = answerField;
            return field == null ? null : field.getText();
        });
        window.beforeLock(reason -> model.keepAsDraft().ifPresent(window::afterLock));
    }

    InterviewModel model() {
        return model;
    }

    /** Begins an interview, off the event thread (the home's keys are read). */
    void begin() {
        checking();
        slow(model::begin);
    }

    /** Takes up the draft {@code draftId}: unlock first, when the key is not unlocked yet. */
    void resume(String draftId) {
        checking();
        slow(() -> model.resume(draftId));
    }

    private void checking() {
        answerField = null;
        removeAll();
        add(Words.text(new JLabel(), Messages.of("interview.checking")), row(0));
        revalidate();
    }

    /** The reason shown on the page drawn last (to scroll into view), or null. */
    private JComponent shownProblem;

    private void render() {
        if (window.lockedBy() != null || model.page() == null) {
            return;
        }
        WipingDocument.wipeAll(this);
        removeAll();
        shownProblem = null;
        options.clear();
        typed = null;
        answerField = null;
        row = 0;
        switch (model.page()) {
            case CANNOT_BEGIN: cannotBegin(); break;
            case UNLOCK: unlock(); break;
            case QUESTION: question(); break;
            case REVIEW: review(); break;
            case NO_CONSENT: noConsent(); break;
            default: sealed(); break;
        }
        List<Message> notices = model.notices();
        for (int i = 0; i < notices.size(); i++) {
            paragraph("interview.notice." + i, notices.get(i));
        }
        GridBagConstraints rest = row(0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        revalidate();
        repaint();
        if (shownProblem != null) {
            // A long page (the review) keeps its scroll position when drawn again: bring the reason into view.
            JComponent said = shownProblem;
            SwingUtilities.invokeLater(() -> {
                validate();
                said.scrollRectToVisible(new java.awt.Rectangle(0, 0, said.getWidth(), said.getHeight()));
            });
        }
        if (typed != null) {
            typed.requestFocusInWindow();
        }
    }

    private void cannotBegin() {
        heading("interview.cannot-begin", Messages.of("interview.cannot-begin"));
        problem(model.problem());
        buttons(button("interview.home", Messages.of("interview.home"), home));
    }

    private void unlock() {
        heading("interview.unlock.heading", Messages.of("interview.unlock.heading"));
        paragraph("interview.unlock.intro", Messages.of("interview.unlock.intro"));
        add(Words.text(new JLabel(), Messages.of("interview.unlock.passphrase", Ltr.of(grouped(model.keyFingerprint())))), row(6));
        JPasswordField passphrase = new JPasswordField(new WipingDocument(), "", 24);
        passphrase.setName("interview.passphrase");
        add(passphrase, row(8));
        typed = passphrase;
        problem(model.problem());
        JButton unlock = button("interview.unlock", Messages.of("interview.unlock"), null);
        Runnable go = () -> {
            char[] secret = passphrase.getPassword();
            ((WipingDocument) passphrase.getDocument()).wipe();
            unlock.setEnabled(false);
            slow(() -> model.unlock(secret));
        };
        unlock.addActionListener(e -> go.run());
        passphrase.addActionListener(e -> go.run());
        buttons(unlock, button("interview.home", Messages.of("interview.home"), home));
    }

    private void question() {
        Asked asked = model.asked();
        String shown = model.retyped() != null ? model.retyped() : asked.text();
        heading("interview.heading", asked.heading());
        resumedSaid();
        for (Message before : asked.before()) {
            add(Words.text(new JLabel(), before), row(4));
        }
        paragraph("interview.question." + asked.question().part(), InterviewWords.inWindow(asked));
        switch (asked.kind()) {
            case YES_NO:
            case ONE:
                ButtonGroup group = new ButtonGroup();
                for (int i = 0; i < asked.options().size(); i++) {
                    JRadioButton option = Words.text(new JRadioButton(), asked.options().get(i));
                    option.setName("interview.option." + i);
                    option.setSelected(asked.chosen().contains(i));
                    group.add(option);
                    options.add(option);
                    add(option, row(2));
                }
                break;
            case SOME:
                for (int i = 0; i < asked.options().size(); i++) {
                    JCheckBox option = Words.text(new JCheckBox(), asked.options().get(i));
                    option.setName("interview.option." + i);
                    option.setSelected(asked.chosen().contains(i));
                    options.add(option);
                    add(option, row(2));
                }
                break;
            case TEXT:
                JTextField field = new JTextField(new WipingDocument(), shown, 40);
                field.setName("interview.text");
                field.addActionListener(e -> next());
                typed = field;
                answerField = field;
                add(field, row(8));
                break;
            default:
                boolean account = asked.question().part().equals("account");
                JTextArea area = new JTextArea(new WipingDocument(), shown, account ? ACCOUNT_ROWS : LINES_ROWS, 40);
                area.setName("interview.lines");
                area.setLineWrap(true);
                area.setWrapStyleWord(true);
                typed = area;
                answerField = area;
                JScrollPane scroll = new JScrollPane(area);
                scroll.setName("interview.lines.scroll");
                GridBagConstraints at = row(8);
                at.fill = GridBagConstraints.BOTH;
                add(scroll, at);
                break;
        }
        for (Message why : model.refused()) {
            JLabel refusal = Words.text(new JLabel(), why);
            refusal.setName("interview.refused");
            refusal.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
            add(refusal, row(2));
        }
        buttons(button("interview.next", Messages.of("interview.next"), this::next),
                button("interview.back", Messages.of("interview.back"), model::back));
    }

    /** Hands the answer shown to the model, which checks it: the next page, or this one saying why. */
    private void next() {
        if (typed != null) {
            String text = typed.getText();
            model.type(text.isEmpty() ? null : text);
            return;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).isSelected()) {
                chosen.add(i);
            }
        }
        model.choose(chosen);
    }

    private void review() {
        heading("interview.review", Messages.of("interview.review"));
        resumedSaid();
        problem(model.problem());
        for (InterviewModel.ReviewLine line : model.review()) {
            JPanel step = new JPanel(new GridBagLayout());
            step.setName("interview.review." + line.step());
            step.setOpaque(false);
            JLabel title = Words.text(new JLabel(), line.title());
            title.putClientProperty("FlatLaf.styleClass", "h4");
            step.add(title, cell(0, 0, 1));
            int y = 1;
            for (Message answer : line.answer()) {
                JTextArea shown = Words.text(Paragraph.of("interview.review." + line.step() + ".answer"), answer);
                step.add(shown, cell(0, y++, 1));
            }
            JButton change = button("interview.change." + line.step(), Messages.of("interview.change"), () -> model.change(line.step()));
            GridBagConstraints at = cell(1, 0, 0);
            at.gridheight = y;
            at.fill = GridBagConstraints.NONE;
            at.anchor = GridBagConstraints.FIRST_LINE_END;
            step.add(change, at);
            add(step, row(10));
        }
        JButton seal = button("interview.seal", Messages.of("interview.seal"), null);
        seal.addActionListener(e -> {
            seal.setEnabled(false);
            Words.text(seal, Messages.of("interview.sealing"));
            slow(model::seal);
        });
        buttons(seal, button("interview.back", Messages.of("interview.back"), model::back));
    }

    private void noConsent() {
        heading("interview.no-consent.heading", Messages.of("interview.no-consent.heading"));
        paragraph("interview.no-consent", Messages.of("interview.no-consent"));
        buttons(button("interview.new", Messages.of("interview.new"), this::begin),
                button("interview.home", Messages.of("interview.home"), home));
    }

    private void sealed() {
        Sealed done = model.sealed();
        heading("interview.sealed.heading", Messages.of("interview.sealed.heading"));
        JLabel id = Words.text(new JLabel(), Messages.of("interview.sealed.id", Ltr.of(done.recordId())));
        id.setName("interview.sealed.id");
        add(id, row(10));
        add(Words.text(new JLabel(), Messages.of("interview.sealed.readers")), row(4));
        int i = 0;
        for (Sealed.Reader reader : done.readers()) {
            JLabel who = Words.text(new JLabel(), Messages.of("interview.sealed.reader", reader.userId(), Ltr.of(reader.groupedFingerprint())));
            who.setName("interview.sealed.reader." + i++);
            add(who, row(2));
        }
        if (!done.identityReaders().isEmpty()) {
            paragraph("interview.sealed.identity", Messages.of("interview.sealed.identity", done.identityReaders().size()));
        }
        if (done.singleKey()) {
            paragraph("interview.sealed.single", Messages.of("interview.sealed.single"));
        }
        if (model.resumedFrom() != null) {
            paragraph("interview.sealed.resumed", Messages.of("interview.sealed.resumed", Ltr.of(model.resumedFrom())));
        }
        paragraph("interview.sealed.forgotten", Messages.of("interview.sealed.forgotten"));
        buttons(button("interview.new", Messages.of("interview.new"), this::begin),
                button("interview.home", Messages.of("interview.home"), home));
    }

    /** What taking up a draft said (which draft; a name that must be asked again), on the first page after it. */
    private void resumedSaid() {
        List<Message> said = model.resumedSaid();
        for (int i = 0; i < said.size(); i++) {
            paragraph("interview.resumed." + i, said.get(i));
        }
    }

    private void heading(String name, Message words) {
        JLabel heading = Words.text(new JLabel(), words);
        heading.setName(name);
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        add(heading, row(14));
    }

    private void paragraph(String name, Message words) {
        add(Words.text(Paragraph.of(name), words), row(10));
    }

    private void problem(GawahException problem) {
        if (problem == null) {
            return;
        }
        JTextArea said = Words.text(Paragraph.of("interview.problem"), problem.message());
        said.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        shownProblem = said;
        add(said, row(problem.hintMessage() == null ? 10 : 2));
        if (problem.hintMessage() != null) {
            add(Words.text(Paragraph.of("interview.problem.hint"), problem.hintMessage()), row(10));
        }
    }

    /** A row of buttons at the page's end, the first one the default (Enter in a field that does not take it). */
    private void buttons(JButton... buttons) {
        JPanel row = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEADING, 0, 0));
        row.setOpaque(false);
        for (int i = 0; i < buttons.length; i++) {
            if (i > 0) {
                row.add(javax.swing.Box.createHorizontalStrut(10));
            }
            row.add(buttons[i]);
        }
        add(row, row(0));
        SwingUtilities.invokeLater(() -> {
            if (getRootPane() != null && buttons.length > 0) {
                getRootPane().setDefaultButton(buttons[0]);
            }
        });
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "the interview's work", work);
    }

    private static String grouped(String fingerprint) {
        return new Sealed.Reader(fingerprint, null).groupedFingerprint();
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }

    private static GridBagConstraints cell(int x, int y, double weight) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = x;
        at.gridy = y;
        at.weightx = weight;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new Insets(0, 0, 2, 10);
        return at;
    }

}
