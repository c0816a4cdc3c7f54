package org.gawah.desktop;

import java.awt.ComponentOrientation;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.text.Bidi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.app.OpenedRecord;
import org.gawah.custody.Entry;

/**
 * One testimony, read: section by section as the format orders them (the interview, the
 * acknowledgement, consent, the witness, the source, the account, the documenter's notes, the
 * events, the attachments), each member under its words in the window's language
 * ({@link TestimonyFields}); a value in the window's words runs in the window's direction, the
 * testimony's own text in its own (a Dari account right to left in an English window, an English
 * note left to right in a Dari one), and reaches the screen through the display path. Beside it,
 * the signature (who signed, the fingerprint, when it was sealed) and every custody entry about
 * the record. An image attachment is shown from memory; any attachment is saved into a folder
 * the reader chooses, through {@code open --attachments}' checks ({@link ReaderModel}).
 */
final class ReaderView extends PagePanel {
    private static final long serialVersionUID = 1L;
    static final List<String> SECTIONS = List.of("interview", "acknowledgement", "consent", "witness", "source", "account",
            "documenter_notes", "events", "attachments");
    /** The widest an image is drawn, in pixels: the testimony's column at the window's default size. */
    private static final int IMAGE_WIDTH = 520;
    /** The side column's width, in characters: room for a custody entry on two lines. */
    private static final int SIDE_COLUMNS = 34;

    private final transient ReaderModel model;
    private final transient WindowModel window;
    private final transient Runnable back;
    /** The images shown on this page, by attachment: overwritten on lock and when another record is shown. */
    private final transient Map<Integer, ShownImage> images = new ConcurrentHashMap<>();
    private int row;

    ReaderView(ReaderModel model, WindowModel window, Runnable back) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.back = back;
        setName("page.reader");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        window.onLanguage(locale -> SwingUtilities.invokeLater(this::render));
        model.onChange(() -> SwingUtilities.invokeLater(this::render));
    }

    ReaderModel model() {
        return model;
    }

    void show(OpenedRecord shown) {
        forgetImages();
        model.show(shown);
        render();
        SwingUtilities.invokeLater(() -> scrollRectToVisible(new Rectangle(0, 0, 1, 1)));
        OffTheEventThread.run(window, "reading the custody log", model::readCustody);
    }

    /** Lock: the record shown is dropped with the page's texts and images. */
    void forget() {
        forgetImages();
        removeAll();
    }

    private void forgetImages() {
        images.values().forEach(ShownImage::wipe);
        images.clear();
    }

    private void render() {
        OpenedRecord record = model.record();
        if (window.lockedBy() != null || record == null) {
            return;
        }
        JsonNode testimony;
        try {
            testimony = record.testimony();
        } catch (GawahException e) {
            return; // wiped by lock meanwhile
        }
        Rectangle seen = getVisibleRect();
        WipingDocument.wipeAll(this); // the texts this page showed before are overwritten, not only dropped
        removeAll();
        row = 0;
        JButton backButton = Words.text(new JButton(), Messages.of("reader.back"));
        backButton.setName("reader.back");
        backButton.addActionListener(e -> back.run());
        JLabel heading = Words.text(new JLabel(), Messages.of("reader.heading", Ltr.of(record.id())));
        heading.setName("reader.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        // Across both columns: the record's id is never cut by how wide the custody entries are.
        JPanel top = new JPanel(new java.awt.BorderLayout(12, 0));
        top.setOpaque(false);
        top.add(heading, java.awt.BorderLayout.LINE_START);
        top.add(backButton, java.awt.BorderLayout.LINE_END);
        GridBagConstraints topAt = cell(0, row++, 1, 8);
        topAt.gridwidth = 2;
        add(top, topAt);

        JPanel page = new JPanel(new GridBagLayout());
        page.setName("reader.testimony");
        page.setOpaque(false);
        int[] at = {0};
        for (String section : SECTIONS) {
            List<TestimonyFields.Field> fields = TestimonyFields.of(testimony, section);
            if (fields.isEmpty()) {
                continue;
            }
            JLabel title = Words.text(new JLabel(), title(section));
            title.setName("reader.section." + section);
            title.putClientProperty("FlatLaf.styleClass", "h3");
            page.add(title, line(at[0]++, 4, 10));
            fields(page, at, fields, testimony);
        }
        GridBagConstraints left = cell(0, row, 1, 0);
        left.fill = GridBagConstraints.BOTH;
        left.anchor = GridBagConstraints.FIRST_LINE_START;
        add(page, left);
        GridBagConstraints right = cell(1, row++, 0, 0);
        right.anchor = GridBagConstraints.FIRST_LINE_START;
        right.insets = new Insets(0, 20, 0, 0);
        add(side(record), right);
        GridBagConstraints rest = cell(0, row, 1, 0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        // After the page turned: each of the testimony's own texts keeps the direction of its first letter.
        for (java.awt.Component c : page.getComponents()) {
            if (c instanceof JTextArea && "value".equals(((JComponent) c).getClientProperty("gawah.reader"))) {
                c.setComponentOrientation(direction(((JTextArea) c).getText()));
            }
        }
        revalidate();
        repaint();
        SwingUtilities.invokeLater(() -> scrollRectToVisible(seen));
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
            case "events": return Messages.of("reader.section.events");
            default: return Messages.of("reader.section.attachments");
        }
    }

    /** Each field under its words; after each attachment's fields, what can be done with it. */
    private void fields(JPanel into, int[] at, List<TestimonyFields.Field> fields, JsonNode testimony) {
        int attachment = -1;
        for (TestimonyFields.Field field : fields) {
            if (field.kind() == TestimonyFields.Kind.HEADING) {
                if (attachment >= 0) {
                    actions(into, at, attachment, testimony);
                }
                attachment = field.path().matches("attachments\\.[0-9]+") ? Integer.parseInt(field.path().substring(12)) : -1;
                JLabel heading = Words.text(new JLabel(), field.label());
                heading.setName("reader.heading." + field.path());
                heading.putClientProperty("FlatLaf.styleClass", "h4");
                into.add(heading, line(at[0]++, 2, 6));
                continue;
            }
            JLabel name = Words.text(new JLabel(), field.label());
            name.putClientProperty("FlatLaf.styleClass", "small");
            name.putClientProperty("FlatLaf.style", "foreground: $Label.disabledForeground");
            name.setName("reader.name." + field.path());
            into.add(name, line(at[0]++, 0, 0));
            JTextArea value = Paragraph.of("reader.value." + field.path());
            value.setDocument(new WipingDocument()); // lock overwrites what the page holds of the testimony
            if (field.kind() == TestimonyFields.Kind.WORDS) {
                Words.text(value, field.words());
            } else {
                value.setText(Screen.line(field.text()));
                value.putClientProperty("gawah.reader", "value");
            }
            value.setFocusable(true);
            // Filling a text moves its caret, which scrolls the page to it: the page opens at its top.
            ((javax.swing.text.DefaultCaret) value.getCaret()).setUpdatePolicy(javax.swing.text.DefaultCaret.NEVER_UPDATE);
            into.add(value, line(at[0]++, 6, 0));
        }
        if (attachment >= 0) {
            actions(into, at, attachment, testimony);
        }
    }

    /** Show (an image) and Save for attachment {@code index}, what became of it, and its image once shown. */
    private void actions(JPanel into, int[] at, int index, JsonNode testimony) {
        String prefix = "reader.attachment." + index;
        boolean image = testimony.path("attachments").path(index).path("media_type").asText().startsWith("image/");
        ReaderModel.Done done = model.attachment(index);
        boolean working = done != null && done.working();
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        buttons.setOpaque(false);
        if (image && !images.containsKey(index)) {
            JButton show = button(prefix + ".show", Messages.of("reader.show"), () -> showImage(index));
            show.setEnabled(!working);
            buttons.add(show);
            buttons.add(javax.swing.Box.createHorizontalStrut(10));
        }
        JButton save = button(prefix + ".save", Messages.of("reader.save"), () -> save(index));
        save.setEnabled(!working);
        buttons.add(save);
        into.add(buttons, line(at[0]++, 4, 4));
        Message said = said(done);
        if (said != null) {
            JTextArea status = Words.text(Paragraph.of(prefix + ".status"), said);
            if (done.problem() != null) {
                status.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
            }
            into.add(status, line(at[0]++, 4, 0));
            if (done.problem() != null && done.problem().hintMessage() != null) {
                into.add(Words.text(Paragraph.of(prefix + ".hint"), done.problem().hintMessage()), line(at[0]++, 4, 0));
            }
        }
        ShownImage shown = images.get(index);
        if (shown != null) {
            JLabel picture = new JLabel(new ImageIcon(shown.image()));
            picture.setName(prefix + ".image");
            picture.setHorizontalAlignment(JLabel.LEADING);
            into.add(picture, line(at[0]++, 2, 4));
            into.add(Words.text(Paragraph.of(prefix + ".shown"), Messages.of("reader.shown-image", shown.width(), shown.height())),
                    line(at[0]++, 8, 0));
        }
    }

    private static Message said(ReaderModel.Done done) {
        if (done == null) {
            return null;
        }
        if (done.working()) {
            return Messages.of("reader.working");
        }
        if (done.problem() != null) {
            return done.problem().message();
        }
        if (done.saved() != null) {
            Path file = done.saved().file();
            return done.saved().renamed() ? Messages.of("reader.saved-renamed", Ltr.of(file), done.saved().named())
                    : Messages.of("reader.saved", Ltr.of(file));
        }
        return null;
    }

    /** Reads the image off the event thread (logged opened first), decodes it in memory, and shows it. */
    private void showImage(int index) {
        OffTheEventThread.run(window, "showing an image", () -> {
            byte[] bytes = model.read(index);
            if (bytes == null) {
                return;
            }
            try {
                ShownImage shown = ShownImage.decode(bytes, IMAGE_WIDTH);
                if (window.lockedBy() != null) {
                    shown.wipe();
                    return;
                }
                images.put(index, shown);
                SwingUtilities.invokeLater(this::render);
            } catch (ShownImage.NotShown e) {
                model.notShown(index, e.why());
            }
        });
    }

    private void save(int index) {
        Path folder = FileChoice.folder(this, Messages.of("reader.choose-folder"), Messages.of("reader.choose"));
        if (folder != null) {
            OffTheEventThread.run(window, "saving an attachment", () -> model.save(index, folder));
        }
    }

    /** The signature and the custody entries about the record. */
    private JComponent side(OpenedRecord record) {
        JPanel side = new JPanel(new GridBagLayout());
        side.setName("reader.side");
        side.setOpaque(false);
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
            warning.setColumns(SIDE_COLUMNS);
            side.add(warning, line(at++, 12, 0));
        }
        JLabel custody = Words.text(new JLabel(), Messages.of("reader.custody"));
        custody.putClientProperty("FlatLaf.styleClass", "h3");
        side.add(custody, line(at++, 4, 0));
        List<Entry> entries = model.custody();
        if (entries == null) {
            GawahException problem = model.custodyProblem();
            JTextArea said = Words.text(Paragraph.of("reader.custody.status"),
                    problem == null ? Messages.of("reader.custody.reading") : problem.message());
            said.setColumns(SIDE_COLUMNS);
            side.add(said, line(at++, 2, 0));
            return side;
        }
        int i = 0;
        for (Entry entry : entries) {
            // The time leads the line, so no mark of its own: a left-to-right mark there would turn the whole
            // line left to right in Dari and Pashto; the display path already keeps its digits in order.
            // Two lines, the subject on the second: the side column stays narrow and an id is never cut at its hyphens.
            JTextArea line = Words.text(Paragraph.of("reader.entry." + i++), Messages.of("reader.entry", entry.seq(), entry.time(),
                    entry.action().words(), Ltr.of(Fingerprints.grouped(entry.actor()).substring(0, 9)),
                    Ltr.of(entry.subject())));
            line.setColumns(SIDE_COLUMNS);
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
