package org.gawah.desktop;

import java.awt.Component;
import java.awt.Container;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.Sizes;
import org.gawah.app.AttachToRecord;
import org.gawah.app.Sealed;
import org.gawah.testimony.Attachment;
import org.gawah.vault.RecordSummary;

/**
 * The attachments page, rendered from {@link AttachModel}: the unlock page; the choice (the
 * record, the files dropped on the page or chosen, each with its size and what its metadata could
 * tell of the witness, whether to shred the originals, explained); the sealing, with a progress bar
 * and Cancel; and what was sealed, each file with its id and SHA-256. The page is made again on
 * every change of the model; the progress bar alone is redrawn as bytes are sealed.
 */
final class AttachView extends PagePanel {
    private static final long serialVersionUID = 1L;

    private final transient AttachModel model;
    private final transient WindowModel window;
    private final transient Runnable home;
    private final transient FileDrop drop;
    private final AtomicBoolean redrawPending = new AtomicBoolean();
    private JProgressBar bar;
    private JLabel sealingFile;
    private JLabel sealedBytes;
    private int row;

    AttachView(AttachModel model, WindowModel window, Runnable home) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.home = home;
        this.drop = FileDrop.several(this::dropped);
        // Always the page's own: a file dropped while it seals is not taken to another page (the window's drop).
        setTransferHandler(drop);
        setName("page.attach");
        setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        model.onChange(() -> PageParts.onEventThread(this::render));
        model.onProgress(() -> {
            if (!redrawPending.getAndSet(true)) {
                SwingUtilities.invokeLater(this::showProgress);
            }
        });
    }

    AttachModel model() {
        return model;
    }

    /** Reads the home's key and records (off the event thread); {@code recordId} is the record to preselect, or null. */
    void begin(String recordId) {
        removeAll();
        row = 0;
        add(Words.text(new JLabel(), Messages.of("attach.checking")), row(0));
        revalidate();
        repaint();
        slow(() -> model.begin(recordId));
    }

    private void render() {
        if (window.lockedBy() != null) {
            return;
        }
        WipingDocument.wipeAll(this);
        removeAll();
        row = 0;
        bar = null;
        sealingFile = null;
        sealedBytes = null;
        switch (model.page()) {
            case CANNOT_BEGIN: cannotBegin(); break;
            case UNLOCK: unlock(); break;
            case CHOOSE: choose(); break;
            case SEALING: sealing(); break;
            case SEALED: sealed(); break;
            default: add(Words.text(new JLabel(), Messages.of("attach.checking")), row(0)); break;
        }
        List<Message> notices = model.notices();
        for (int i = 0; i < notices.size(); i++) {
            paragraph("attach.notice." + i, notices.get(i));
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

    private void cannotBegin() {
        heading("attach.cannot-begin", Messages.of("attach.cannot-begin"));
        if (model.said() != null) {
            paragraph("attach.said", model.said());
        }
        problem(model.problem());
        buttons(button("attach.home", Messages.of("attach.home"), home));
    }

    /** The key's passphrase, as the interview asks it: the same words, the key unlocked once a window session. */
    private void unlock() {
        heading("attach.heading", Messages.of("attach.heading"));
        paragraph("interview.unlock.intro", Messages.of("interview.unlock.intro"));
        add(Words.text(new JLabel(), Messages.of("interview.unlock.passphrase",
                Ltr.of(Fingerprints.grouped(model.keyFingerprint())))), row(6));
        JPasswordField passphrase = new JPasswordField(new WipingDocument(), "", 24);
        passphrase.setName("attach.passphrase");
        add(passphrase, row(8));
        problem(model.problem());
        JButton unlock = button("attach.unlock", Messages.of("interview.unlock"), null);
        Runnable go = () -> {
            char[] secret = passphrase.getPassword();
            ((WipingDocument) passphrase.getDocument()).wipe();
            unlock.setEnabled(false);
            slow(() -> model.unlock(secret));
        };
        unlock.addActionListener(e -> go.run());
        passphrase.addActionListener(e -> go.run());
        buttons(unlock, button("attach.home", Messages.of("attach.home"), home));
        SwingUtilities.invokeLater(passphrase::requestFocusInWindow);
    }

    private void choose() {
        heading("attach.heading", Messages.of("attach.heading"));
        paragraph("attach.intro", Messages.of("attach.intro"));
        label(Messages.of("attach.record.label"));
        add(records(), row(14));

        add(PageParts.dropZone("attach.drop", Messages.of("attach.drop")), row(8));
        add(PageParts.buttons(button("attach.choose", Messages.of("attach.choose"), this::chooseFiles)), row(12));
        // What the last drop or seal came to, where the eye is: under the place files are dropped.
        if (model.said() != null) {
            paragraph("attach.said", model.said());
        }
        problem(model.problem());

        files();
        JCheckBox shred = Words.text(new JCheckBox(), Messages.of("attach.shred"));
        shred.setName("attach.shred");
        shred.setSelected(model.shred());
        shred.addActionListener(e -> model.shred(shred.isSelected()));
        add(shred, row(2));
        JTextArea explained = Words.text(Paragraph.of("attach.shred.explained"), Messages.of("attach.shred.explained"));
        explained.putClientProperty("FlatLaf.styleClass", "small");
        GridBagConstraints indented = row(14);
        indented.insets = new Insets(0, 28, 14, 28); // under the box's words, the same on both sides
        add(explained, indented);

        JButton seal = button("attach.seal", Messages.of("attach.seal"), null);
        seal.setEnabled(model.canSeal());
        seal.addActionListener(e -> {
            seal.setEnabled(false);
            slow(model::seal);
        });
        buttons(seal, button("attach.home", Messages.of("attach.home"), home));
        // Files dropped anywhere on the page count, paragraphs included (a text area would take a drop of its own).
        dropOnEveryText(this);
    }

    /** The records of this home, newest first, the one chosen selected. */
    private JComboBox<Choice> records() {
        JComboBox<Choice> box = new JComboBox<>();
        box.setName("attach.record");
        for (RecordSummary r : model.records()) {
            box.addItem(new Choice(r.id(), Messages.of("attach.record.choice", r.id(), Ltr.of(r.sealedAt()),
                    r.attachmentCount()).render()));
        }
        for (int i = 0; i < box.getItemCount(); i++) {
            if (box.getItemAt(i).id().equals(model.chosen())) {
                box.setSelectedIndex(i);
            }
        }
        if (box.getRenderer() instanceof javax.swing.JComponent) {
            ((javax.swing.JComponent) box.getRenderer()).putClientProperty("html.disable", Boolean.TRUE);
        }
        box.addActionListener(e -> {
            Choice chosen = (Choice) box.getSelectedItem();
            model.choose(chosen == null ? null : chosen.id());
        });
        return box;
    }

    /** One record in the list: its id, and how it is shown. */
    private record Choice(String id, String shown) {
        @Override
        public String toString() {
            return shown;
        }
    }

    /** The files to seal, each with its size, a Remove button and what it could tell of the witness; then their total. */
    private void files() {
        List<AttachModel.File> files = model.files();
        if (files.isEmpty()) {
            JLabel none = Words.text(new JLabel(), Messages.of("attach.files.none"));
            none.setName("attach.files.none");
            add(none, row(12));
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            AttachModel.File file = files.get(i);
            JPanel line = new JPanel(new GridBagLayout());
            line.setOpaque(false);
            JLabel name = Words.text(new JLabel(), Messages.of("attach.file", file.path().getFileName(),
                    Sizes.of(file.planned().size())));
            name.setName("attach.file." + i);
            GridBagConstraints at = new GridBagConstraints();
            at.weightx = 1;
            at.fill = GridBagConstraints.HORIZONTAL;
            at.anchor = GridBagConstraints.LINE_START;
            line.add(name, at);
            int index = i;
            at.weightx = 0;
            at.fill = GridBagConstraints.NONE;
            line.add(button("attach.file." + i + ".remove", Messages.of("attach.remove"), () -> model.remove(index)), at);
            add(line, row(2));
            for (int w = 0; w < file.warnings().size(); w++) {
                JTextArea warning = Words.text(Paragraph.of("attach.file." + i + ".warning." + w), file.warnings().get(w));
                warning.putClientProperty("FlatLaf.style", "foreground: $Component.warning.focusedBorderColor");
                add(warning, row(2));
            }
        }
        JLabel total = Words.text(new JLabel(), Messages.of("attach.total", files.size(), Sizes.of(model.size())));
        total.setName("attach.total");
        total.putClientProperty("FlatLaf.styleClass", "small");
        add(total, row(12));
    }

    /** Opens the file chooser (in the window's language and direction); the files chosen are added. */
    private void chooseFiles() {
        JFileChooser chooser = FileChoice.chooser(this, Messages.of("attach.chooser.title"), true);
        List<Path> chosen = FileChoice.choose(this, chooser);
        if (!chosen.isEmpty()) {
            dropped(chosen);
        }
    }

    private void dropped(List<Path> paths) {
        if (model.page() == AttachModel.Page.CHOOSE) {
            slow(() -> model.add(paths));
        }
    }

    private void dropOnEveryText(Container root) {
        for (Component child : root.getComponents()) {
            if (child instanceof JTextArea) {
                ((JTextArea) child).setTransferHandler(drop);
            } else if (child instanceof Container) {
                dropOnEveryText((Container) child);
            }
        }
    }

    private void sealing() {
        heading("attach.sealing.heading", Messages.of("attach.sealing.heading"));
        sealingFile = new JLabel();
        sealingFile.setName("attach.sealing.file");
        sealingFile.putClientProperty("html.disable", Boolean.TRUE);
        add(sealingFile, row(8));
        bar = PageParts.bar("attach.progress", model.done(), model.total());
        add(bar, row(4));
        // Under the bar, not painted in it: a label lays a sentence out in its own direction.
        sealedBytes = new JLabel();
        sealedBytes.setName("attach.sealing.bytes");
        sealedBytes.putClientProperty("html.disable", Boolean.TRUE);
        add(sealedBytes, row(10));
        paragraph("attach.sealing.cancel-explained", Messages.of("attach.sealing.cancel-explained"));
        JButton cancel = button("attach.cancel", Messages.of("attach.cancel"), null);
        cancel.addActionListener(e -> {
            cancel.setEnabled(false);
            model.cancel();
        });
        buttons(cancel);
        showProgress();
    }

    /** The bar and the file being sealed, as the model has them now. */
    private void showProgress() {
        redrawPending.set(false);
        if (bar == null || window.lockedBy() != null) {
            return;
        }
        long done = model.done();
        long total = Math.max(1, model.total());
        bar.setValue((int) Math.min(bar.getMaximum(), done * bar.getMaximum() / total));
        Words.text(sealedBytes, Messages.of("attach.sealing.bytes", Sizes.of(done), Sizes.of(model.total())));
        Path current = model.current();
        if (current != null) {
            Words.text(sealingFile, Messages.of("attach.sealing.file", current.getFileName(), model.currentNumber(),
                    model.files().size()));
        }
    }

    private void sealed() {
        AttachToRecord.Attached attached = model.attached();
        heading("attach.sealed.heading", Messages.of("attach.sealed.heading"));
        JTextArea id = Words.text(Paragraph.of("attach.sealed.id"), Messages.of("attach.sealed.id", attached.recordId(),
                attached.addsTo()));
        add(id, row(12));
        List<Attachment> files = attached.files();
        for (int i = 0; i < files.size(); i++) {
            Attachment file = files.get(i);
            JLabel name = Words.text(new JLabel(), Messages.of("attach.sealed.file", file.id(), file.fileName(),
                    Sizes.of(file.size())));
            name.setName("attach.sealed.file." + i);
            add(name, row(2));
            // A digest to compare with sha256sum on another computer: Latin hex, left to right, small.
            JLabel digest = Words.text(new JLabel(), Messages.of("attach.sealed.sha256", file.sha256()));
            digest.setName("attach.sealed.sha256." + i);
            digest.putClientProperty("FlatLaf.styleClass", "small");
            add(digest, row(8));
        }
        label(Messages.of("attach.sealed.readers"));
        List<Sealed.Reader> readers = attached.readers();
        for (int i = 0; i < readers.size(); i++) {
            JLabel reader = Words.text(new JLabel(), Messages.of("interview.sealed.reader", readers.get(i).userId(),
                    Ltr.of(readers.get(i).groupedFingerprint())));
            reader.setName("attach.sealed.reader." + i);
            add(reader, row(i == readers.size() - 1 ? 12 : 2));
        }
        AttachModel.Shredded shredded = model.shredded();
        if (shredded != null) {
            for (int i = 0; i < shredded.files().size(); i++) {
                JLabel gone = Words.text(new JLabel(), Messages.of("attach.shredded", Ltr.of(shredded.files().get(i))));
                gone.setName("attach.shredded." + i);
                add(gone, row(2));
            }
            if (!shredded.files().isEmpty()) {
                paragraph("attach.shred.said", Messages.of("attach.shred.said"));
            }
            problem(shredded.problem());
        }
        buttons(button("attach.more", Messages.of("attach.more"), model::again),
                button("attach.home", Messages.of("attach.home"), home));
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
        JTextArea said = Words.text(Paragraph.of("attach.problem"), problem.message());
        said.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        add(said, row(problem.hintMessage() == null ? 10 : 2));
        if (problem.hintMessage() != null) {
            add(Words.text(Paragraph.of("attach.problem.hint"), problem.hintMessage()), row(10));
        }
    }

    private void buttons(JButton... buttons) {
        add(PageParts.buttons(buttons), row(10));
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "the attachments page's work", work);
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }

}
