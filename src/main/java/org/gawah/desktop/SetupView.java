package org.gawah.desktop;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.app.CertificateImport;
import org.gawah.keys.Role;

/**
 * The first run's pages, rendered from {@link SetupModel}: the key (a name, the passphrase twice
 * with a strength meter as it is typed), then the team's certificates (a file chosen for the
 * legal team or for a protection officer, each certificate in it shown with its fingerprint in
 * groups before it is pinned). Every field typed into keeps its text in a {@link WipingDocument};
 * the page is made again on every change of the model, and the fields it replaces are wiped.
 */
final class SetupView extends PagePanel {
    private static final long serialVersionUID = 1L;
    private static final int METER_MAX = 100;

    private final transient SetupModel model;
    private final transient WindowModel window;
    private final transient Runnable home;
    private int row;

    SetupView(SetupModel model, WindowModel window, Runnable home) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.home = home;
        setName("page.setup");
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        model.onChange(() -> PageParts.onEventThread(this::render));
    }

    SetupModel model() {
        return model;
    }

    /** Reads the home (off the event thread) and shows the page it needs. */
    void begin() {
        render();
        slow(model::read);
    }

    private void render() {
        if (window.lockedBy() != null) {
            return;
        }
        WipingDocument.wipeAll(this);
        removeAll();
        row = 0;
        switch (model.page()) {
            case KEY: key(); break;
            case CERTIFICATES: certificates(); break;
            default: paragraph("setup.reading", Messages.of("setup.reading")); break;
        }
        for (int i = 0; i < model.notices().size(); i++) {
            paragraph("setup.notice." + i, model.notices().get(i));
        }
        GridBagConstraints rest = row(0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        revalidate();
        repaint();
    }

    private void key() {
        heading("setup.key.heading", Messages.of("setup.key.heading"));
        paragraph("setup.key.intro", Messages.of("setup.key.intro", Ltr.of(model.dir())));
        label(Messages.of("setup.key.name"));
        JTextField name = new JTextField(new WipingDocument(), model.typedName() == null ? "" : model.typedName(), 30);
        name.setName("setup.name");
        add(name, row(10));
        label(Messages.of("setup.key.passphrase"));
        JPasswordField first = new JPasswordField(new WipingDocument(), "", 30);
        first.setName("setup.passphrase");
        add(first, row(6));
        JProgressBar meter = new JProgressBar(0, METER_MAX);
        meter.setName("setup.meter");
        add(meter, row(2));
        JTextArea said = Words.text(Paragraph.of("setup.strength"), Messages.of("setup.strength.empty"));
        add(said, row(10));
        label(Messages.of("setup.key.again"));
        JPasswordField again = new JPasswordField(new WipingDocument(), "", 30);
        again.setName("setup.again");
        add(again, row(10));
        problem(model.problem());
        JButton create = button("setup.create", Messages.of("setup.create"));
        create.setEnabled(false);
        first.getDocument().addDocumentListener(new Changes(() -> {
            char[] typed = first.getPassword();
            PassphraseStrength strength = model.strength(typed);
            java.util.Arrays.fill(typed, '\0');
            meter.setValue(Math.min(METER_MAX, strength.bits() * METER_MAX / PassphraseStrength.STRONG_BITS));
            Words.text(said, strengthWords(strength));
            create.setEnabled(strength.acceptable());
        }));
        create.addActionListener(e -> {
            create.setEnabled(false);
            Words.text(create, Messages.of("setup.creating"));
            String typedName = name.getText();
            char[] one = first.getPassword();
            char[] two = again.getPassword();
            ((WipingDocument) first.getDocument()).wipe();
            ((WipingDocument) again.getDocument()).wipe();
            slow(() -> model.create(typedName, one, two));
        });
        buttons(create, button("setup.back", Messages.of("setup.back"), home));
        SwingUtilities.invokeLater(name::requestFocusInWindow);
    }

    private static Message strengthWords(PassphraseStrength strength) {
        Message level;
        switch (strength.level()) {
            case EMPTY: return Messages.of("setup.strength.empty");
            case TOO_SHORT: level = Messages.of("setup.strength.too-short"); break;
            case WEAK: level = Messages.of("setup.strength.weak"); break;
            case FAIR: level = Messages.of("setup.strength.fair"); break;
            default: level = Messages.of("setup.strength.strong"); break;
        }
        return strength.layoutSensitive() ? Messages.of("setup.strength.with-layout", level) : level;
    }

    private void certificates() {
        heading("setup.team.heading", Messages.of("setup.team.heading"));
        if (model.done() != null) {
            paragraph("setup.done", model.done());
        }
        paragraph("setup.team.intro", Messages.of("setup.team.intro"));
        JPanel lines = new JPanel(new GridBagLayout());
        lines.setOpaque(false);
        int y = 0;
        for (SetupModel.Line line : model.lines()) {
            GridBagConstraints at = new GridBagConstraints();
            at.gridx = 0;
            at.gridy = y;
            at.anchor = GridBagConstraints.LINE_START;
            at.insets = new Insets(0, 0, 6, 0);
            JLabel mark = new JLabel(new MarkIcon(line.mark()));
            mark.setName("setup." + line.name() + ".mark." + line.mark().name().toLowerCase(java.util.Locale.ROOT));
            lines.add(mark, at);
            JLabel words = Words.text(new JLabel(), line.words());
            words.setName("setup." + line.name());
            GridBagConstraints text = new GridBagConstraints();
            text.gridx = 1;
            text.gridy = y++;
            text.weightx = 1;
            text.fill = GridBagConstraints.HORIZONTAL;
            text.anchor = GridBagConstraints.LINE_START;
            text.insets = new Insets(0, 10, 6, 10);
            lines.add(words, text);
        }
        add(lines, row(12));
        CertificateImport.Plan plan = model.plan();
        if (plan == null) {
            problem(model.problem());
            buttons(chooser("setup.add.legal", Messages.of("setup.add.legal"), Role.LEGAL),
                    chooser("setup.add.protection", Messages.of("setup.add.protection"), Role.PROTECTION),
                    button("setup.finish", Messages.of("setup.finish"), home));
            return;
        }
        paragraph("setup.read-out", plan.role() == Role.LEGAL ? Messages.of("setup.read-out.legal", Ltr.of(model.planned()))
                : Messages.of("setup.read-out.protection", Ltr.of(model.planned())));
        for (int i = 0; i < plan.pins().size(); i++) {
            CertificateImport.Pin pin = plan.pins().get(i);
            JLabel who = Words.text(new JLabel(), pin.unchanged() ? Messages.of("setup.pin.already", pin.certificate().userId())
                    : Messages.of("setup.pin.who", pin.certificate().userId()));
            who.setName("setup.pin." + i + ".who");
            who.putClientProperty("FlatLaf.styleClass", "h4");
            add(who, row(2));
            // Latin hex in groups, always left to right, large enough to read out over a poor line.
            JLabel fingerprint = new JLabel(Fingerprints.grouped(pin.certificate().fingerprint()));
            fingerprint.putClientProperty("html.disable", Boolean.TRUE);
            fingerprint.setName("setup.pin." + i + ".fingerprint");
            fingerprint.putClientProperty("FlatLaf.styleClass", "h3");
            add(fingerprint, row(10));
        }
        JPasswordField passphrase = null;
        if (model.needsPassphrase() && !plan.changesNothing()) {
            label(Messages.of("setup.pin.passphrase"));
            passphrase = new JPasswordField(new WipingDocument(), "", 24);
            passphrase.setName("setup.pin.passphrase");
            add(passphrase, row(10));
        }
        problem(model.problem());
        JPasswordField typed = passphrase;
        JButton pin = button("setup.pin", plan.changesNothing() ? Messages.of("setup.pin.nothing") : Messages.of("setup.pin"));
        pin.addActionListener(e -> {
            pin.setEnabled(false);
            char[] secret = typed == null ? new char[0] : typed.getPassword();
            if (typed != null) {
                ((WipingDocument) typed.getDocument()).wipe();
            }
            if (model.plan().changesNothing()) {
                java.util.Arrays.fill(secret, '\0');
                model.cancel();
                return;
            }
            slow(() -> model.pin(secret));
        });
        buttons(pin, button("setup.cancel", Messages.of("setup.cancel"), model::cancel));
    }

    /** A button that asks for a certificate file, then hands it to the model to be read and shown. */
    private JButton chooser(String name, Message words, Role role) {
        return button(name, words, () -> {
            JFileChooser chooser = FileChoice.chooser(this, words, false);
            chooser.setName("setup.chooser");
            for (Path file : FileChoice.choose(this, chooser)) {
                slow(() -> model.choose(role, file));
            }
        });
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

    private void label(Message words) {
        add(Words.text(new JLabel(), words), row(4));
    }

    private void problem(GawahException problem) {
        if (problem == null) {
            return;
        }
        JTextArea said = Words.text(Paragraph.of("setup.problem"), problem.message());
        said.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        add(said, row(problem.hintMessage() == null ? 10 : 2));
        if (problem.hintMessage() != null) {
            add(Words.text(Paragraph.of("setup.problem.hint"), problem.hintMessage()), row(10));
        }
    }

    private static JButton button(String name, Message words) {
        return button(name, words, null);
    }

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
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "the first run's work", work);
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }


    /** Any change to a document, as one callback. */
    private static final class Changes implements DocumentListener {
        private final Runnable changed;

        Changes(Runnable changed) {
            this.changed = changed;
        }

        @Override
        public void insertUpdate(DocumentEvent e) {
            changed.run();
        }

        @Override
        public void removeUpdate(DocumentEvent e) {
            changed.run();
        }

        @Override
        public void changedUpdate(DocumentEvent e) {
            changed.run();
        }
    }
}
