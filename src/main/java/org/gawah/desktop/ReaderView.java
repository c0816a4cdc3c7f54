package org.gawah.desktop;

import java.awt.ComponentOrientation;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Rectangle;
import java.text.Bidi;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Fingerprints;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.app.OpenedRecord;
import org.gawah.custody.Entry;

/**
 * One testimony, read: section by section as the format orders them (the interview, the
 * acknowledgement, consent, the witness, the source, the account, the documenter's notes, the
 * events), each field a read-only text that runs in its own direction (a Dari account right to
 * left in an English window, an English note left to right in a Dari one); beside it the
 * signature (who signed, the fingerprint, when it was sealed) and every custody entry about the
 * record. A field's name is the format's own key (docs/format/testimony.md), written left to
 * right; every value goes through the display path.
 */
final class ReaderView extends PagePanel {
    private static final long serialVersionUID = 1L;
    static final List<String> SECTIONS = List.of("interview", "acknowledgement", "consent", "witness", "source", "account",
            "documenter_notes", "events");

    private final transient WindowModel window;
    private final transient Runnable back;
    private transient OpenedRecord record;
    private int row;

    ReaderView(WindowModel window, Runnable back) {
        super(new GridBagLayout());
        this.window = window;
        this.back = back;
        setName("page.reader");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        window.onLanguage(locale -> SwingUtilities.invokeLater(this::render));
    }

    void show(OpenedRecord shown) {
        record = shown;
        render();
    }

    /** Lock: the record shown is dropped with the page's texts. */
    void forget() {
        record = null;
        removeAll();
    }

    private void render() {
        if (window.lockedBy() != null || record == null) {
            return;
        }
        removeAll();
        row = 0;
        JButton backButton = Words.text(new JButton(), Messages.of("reader.back"));
        backButton.setName("reader.back");
        backButton.addActionListener(e -> back.run());
        JLabel heading = Words.text(new JLabel(), Messages.of("reader.heading", Ltr.of(record.id())));
        heading.setName("reader.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        add(heading, cell(0, row, 1, 8));
        GridBagConstraints backAt = cell(1, row++, 0, 8);
        backAt.fill = GridBagConstraints.NONE;
        backAt.anchor = GridBagConstraints.FIRST_LINE_END;
        add(backButton, backAt);

        JPanel testimony = new JPanel(new GridBagLayout());
        testimony.setName("reader.testimony");
        testimony.setOpaque(false);
        int[] at = {0};
        for (String section : SECTIONS) {
            JsonNode node = record.testimony().get(section);
            if (node == null) {
                continue;
            }
            JLabel title = Words.text(new JLabel(), title(section));
            title.setName("reader.section." + section);
            title.putClientProperty("FlatLaf.styleClass", "h3");
            testimony.add(title, line(at[0]++, 4, 10));
            fields(testimony, at, section, node);
        }
        GridBagConstraints left = cell(0, row, 1, 0);
        left.fill = GridBagConstraints.BOTH;
        left.anchor = GridBagConstraints.FIRST_LINE_START;
        add(testimony, left);
        GridBagConstraints right = cell(1, row++, 0, 0);
        right.anchor = GridBagConstraints.FIRST_LINE_START;
        right.insets = new Insets(0, 20, 0, 0);
        add(side(), right);
        GridBagConstraints rest = cell(0, row, 1, 0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        // After the page turned: each value keeps the direction of its own text.
        for (java.awt.Component c : testimony.getComponents()) {
            if (c instanceof JTextArea && "value".equals(((JComponent) c).getClientProperty("gawah.reader"))) {
                c.setComponentOrientation(direction(((JTextArea) c).getText()));
            }
        }
        revalidate();
        repaint();
        SwingUtilities.invokeLater(() -> scrollRectToVisible(new Rectangle(0, 0, 1, 1)));
    }

    /** A section's title (keys literal: every key the code uses is checked to be in the bundles). */
    private static Message title(String section) {
        switch (section) {
            case "interview": return Messages.of("reader.section.interview");
            case "acknowledgement": return Messages.of("reader.section.acknowledgement");
            case "consent": return Messages.of("reader.section.consent");
            case "witness": return Messages.of("reader.section.witness");
            case "source": return Messages.of("reader.section.source");
            case "account": return Messages.of("reader.section.account");
            case "documenter_notes": return Messages.of("reader.section.documenter_notes");
            default: return Messages.of("reader.section.events");
        }
    }

    /** Each member under {@code node}: a value as a labelled text, an object or array walked into. */
    private void fields(JPanel into, int[] at, String path, JsonNode node) {
        if (node.isValueNode()) {
            JLabel name = new JLabel(Screen.value(path.isEmpty() ? "-" : path));
            name.putClientProperty("html.disable", Boolean.TRUE);
            name.putClientProperty("FlatLaf.styleClass", "small");
            name.putClientProperty("FlatLaf.style", "foreground: $Label.disabledForeground");
            name.setName("reader.name." + path);
            into.add(name, line(at[0]++, 0, 0));
            JTextArea value = Paragraph.of("reader.value." + path);
            value.setDocument(new WipingDocument()); // lock overwrites what the page holds of the testimony
            value.setText(Screen.line(node.asText()));
            value.setFocusable(true);
            // Filling a text moves its caret, which scrolls the page to it: the page opens at its top.
            ((javax.swing.text.DefaultCaret) value.getCaret()).setUpdatePolicy(javax.swing.text.DefaultCaret.NEVER_UPDATE);
            value.putClientProperty("gawah.reader", "value");
            into.add(value, line(at[0]++, 6, 0));
            return;
        }
        if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                fields(into, at, path + (path.isEmpty() ? "" : ".") + i++, item);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = node.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            fields(into, at, path + (path.isEmpty() ? "" : ".") + member.getKey(), member.getValue());
        }
    }

    /** The signature and the custody entries about the record. */
    private JComponent side() {
        JPanel side = new JPanel(new GridBagLayout());
        side.setName("reader.side");
        side.setOpaque(false);
        side.setPreferredSize(null);
        int at = 0;
        JLabel signature = Words.text(new JLabel(), Messages.of("reader.signature"));
        signature.putClientProperty("FlatLaf.styleClass", "h3");
        side.add(signature, line(at++, 4, 0));
        side.add(named("reader.signer", Words.text(new JLabel(), Messages.of("reader.signer", record.signerUserId()))), line(at++, 2, 0));
        side.add(named("reader.fingerprint", Words.text(new JLabel(), Messages.of("reader.fingerprint",
                Ltr.of(Fingerprints.grouped(record.signerFingerprint()))))), line(at++, 2, 0));
        side.add(named("reader.sealed", Words.text(new JLabel(), Messages.of("reader.sealed", Ltr.of(record.signedAt())))),
                line(at++, 12, 0));
        if (record.otherClaims().isPresent()) {
            JTextArea warning = Words.text(Paragraph.of("reader.other-claims"), record.otherClaims().get());
            warning.setColumns(28);
            side.add(warning, line(at++, 12, 0));
        }
        JLabel custody = Words.text(new JLabel(), Messages.of("reader.custody"));
        custody.putClientProperty("FlatLaf.styleClass", "h3");
        side.add(custody, line(at++, 4, 0));
        int i = 0;
        for (Entry entry : record.custody()) {
            // The time leads the line, so no mark of its own: a left-to-right mark there would turn the whole
            // line left to right in Dari and Pashto; the display path already keeps its digits in order.
            JLabel line = Words.text(new JLabel(), Messages.of("reader.entry", entry.seq(), entry.time(),
                    entry.action().words(), Ltr.of(Fingerprints.grouped(entry.actor()).substring(0, 9)),
                    Ltr.of(entry.subject())));
            line.setName("reader.entry." + i++);
            line.putClientProperty("FlatLaf.styleClass", "small");
            side.add(line, line(at++, 2, 0));
        }
        return side;
    }

    private static JComponent named(String name, JComponent component) {
        component.setName(name);
        return component;
    }

    /** The direction of a text's first strong letter: a Dari answer right to left, an English one left to right. */
    static ComponentOrientation direction(String text) {
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        return bidi.baseIsLeftToRight() ? ComponentOrientation.LEFT_TO_RIGHT : ComponentOrientation.RIGHT_TO_LEFT;
    }

    private static GridBagConstraints line(int y, int below, int above) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = y;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new Insets(above, 0, below, 0);
        return at;
    }

    private static GridBagConstraints cell(int x, int y, double weight, int below) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = x;
        at.gridy = y;
        at.weightx = weight;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new Insets(0, 0, below, 0);
        return at;
    }
}
