package org.gawah.desktop;

import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;

import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.Sizes;
import org.gawah.app.Sealed;
import org.gawah.app.Submit;

/**
 * The documenter's own records, rendered from {@link MyRecordsModel}: one table of what each
 * record's clear metadata says (never what it says inside: the key is write-only), then
 * submitting them: a folder chosen (a USB stick), the key unlocked if it is not yet, the bag
 * written with a progress bar and a Cancel button, and a plain confirmation of what went and
 * who can read it. Other pages act on one record through {@link #addRecordAction}: a button
 * under the table, enabled while one record is chosen.
 */
final class MyRecordsView extends PagePanel {
    private static final long serialVersionUID = 1L;
    private static final int BAR = 1000;
    /** What lock waits at most for a cancelled bag to be removed: well within gawah lock's two seconds. */
    private static final java.time.Duration LOCK_WAITS = java.time.Duration.ofMillis(800);
    /** Each column's width at the window's default size; the table shares out what is more or less. */
    private static final int[] WIDTHS = {232, 222, 65, 115, 95, 45, 85};
    static final Message[] COLUMNS = {Messages.of("my-records.column.record"), Messages.of("my-records.column.sealed"),
            Messages.of("my-records.column.size"), Messages.of("my-records.column.identity"),
            Messages.of("my-records.column.attachments"), Messages.of("my-records.column.keys"),
            Messages.of("my-records.column.submitted")};

    /** An action on one record that another page connects: its button's name and words, and what it does with the record's id. */
    private record RecordAction(String name, Message words, Consumer<String> action) {
    }

    private final transient MyRecordsModel model;
    private final transient WindowModel window;
    private final transient Runnable home;
    private final transient List<RecordAction> recordActions = new ArrayList<>();
    private final WordedRows<MyRecordsModel.Row> rows = rows();
    private final JTable table = new JTable(rows);
    private final List<JButton> actionButtons = new ArrayList<>();
    private int row;
    /** The submitting page as drawn: its progress is updated in place (its Cancel stays the one pressed). */
    private JLabel doing;
    private JProgressBar bar;
    private JButton cancel;
    private MyRecordsModel.Page drawn;

    MyRecordsView(MyRecordsModel model, WindowModel window, Runnable home) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.home = home;
        setName("page.my-records");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        table.setName("my-records.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.getTableHeader().putClientProperty("html.disable", Boolean.TRUE);
        table.getSelectionModel().addListSelectionListener(e -> enableActions());
        model.onChange(() -> PageParts.onEventThread(this::render));
        window.onLanguage(locale -> PageParts.onEventThread(this::render));
        // Lock cancels a bag being written, and gives it a moment to leave nothing behind.
        window.beforeLock(reason -> model.stopForLock(LOCK_WAITS));
    }

    MyRecordsModel model() {
        return model;
    }

    /**
     * Connects an action on one record (the attachments page: add files to the record chosen): a
     * button named {@code name} under the table, in {@code words}, enabled while one record is
     * chosen, that hands {@code action} that record's id. On the event thread.
     */
    void addRecordAction(String name, Message words, Consumer<String> action) {
        recordActions.add(new RecordAction(name, words, action));
        if (model.page() == MyRecordsModel.Page.LIST) {
            render();
        }
    }

    /** Shows the page, the home read off the event thread. */
    void begin() {
        drawn = null;
        removeAll();
        row = 0;
        add(Words.text(new JLabel(), Messages.of("my-records.checking")), row(0));
        revalidate();
        repaint();
        slow(model::begin);
    }

    private void render() {
        if (window.lockedBy() != null || model.page() == null) {
            return;
        }
        if (model.page() == MyRecordsModel.Page.SUBMITTING && drawn == MyRecordsModel.Page.SUBMITTING) {
            progress();
            return;
        }
        drawn = model.page();
        WipingDocument.wipeAll(this);
        removeAll();
        actionButtons.clear();
        row = 0;
        JLabel heading = Words.text(new JLabel(), Messages.of("my-records.heading"));
        heading.setName("my-records.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h1");
        add(heading, row(12));
        List<Message> notices = model.notices();
        for (int i = 0; i < notices.size(); i++) {
            add(Words.text(Paragraph.of("my-records.notice." + i), notices.get(i)), row(8));
        }
        switch (model.page()) {
            case CANNOT_BEGIN: cannotBegin(); break;
            case LIST: records(); break;
            case UNLOCK: unlock(); break;
            case SUBMITTING: submitting(); break;
            default: submitted(); break;
        }
        if (model.page() != MyRecordsModel.Page.LIST) {
            GridBagConstraints rest = row(0);
            rest.weighty = 1;
            JPanel filler = new JPanel();
            filler.setOpaque(false);
            add(filler, rest);
        }
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        PageParts.turnCells(table);
        revalidate();
        repaint();
    }

    private void cannotBegin() {
        problem(model.problem());
        add(buttons(button("my-records.home", Messages.of("my-records.home"), home)), row(0));
    }

    private void records() {
        add(Words.text(Paragraph.of("my-records.intro"), Messages.of("my-records.intro")), row(10));
        List<MyRecordsModel.Row> all = model.rows();
        long waiting = all.stream().filter(r -> !r.submitted()).count();
        JLabel count = Words.text(new JLabel(), Messages.of("my-records.count", all.size(), waiting));
        count.setName("my-records.count");
        add(count, row(6));
        rows.show(all);
        rows.fireTableStructureChanged();
        for (int i = 0; i < WIDTHS.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(WIDTHS[i]);
        }
        JScrollPane scroll = new JScrollPane(table);
        scroll.setName("my-records.scroll");
        GridBagConstraints fill = row(8);
        fill.weighty = 1;
        fill.fill = GridBagConstraints.BOTH;
        add(scroll, fill);
        if (!recordActions.isEmpty()) {
            List<JButton> actions = new ArrayList<>();
            for (RecordAction action : recordActions) {
                JButton button = button(action.name(), action.words(), () -> {
                    String chosen = chosenRecord();
                    if (chosen != null) {
                        action.action().accept(chosen);
                    }
                });
                actionButtons.add(button);
                actions.add(button);
            }
            add(buttons(actions.toArray(new JButton[0])), row(12));
            enableActions();
        }
        problem(model.problem());
        if (model.said() != null) {
            add(Words.text(Paragraph.of("my-records.said"), model.said()), row(8));
        }
        JCheckBox since = Words.text(new JCheckBox(), Messages.of("my-records.since"));
        since.setName("my-records.since");
        since.setSelected(model.since());
        JLabel toGo = Words.text(new JLabel(), Messages.of("my-records.to-go", model.toGo()));
        toGo.setName("my-records.to-go");
        since.addActionListener(e -> {
            model.since(since.isSelected());
            Words.text(toGo, Messages.of("my-records.to-go", model.toGo()));
        });
        add(since, row(2));
        add(toGo, row(8));
        JButton submit = button("my-records.submit", Messages.of("my-records.submit"), this::chooseFolder);
        submit.setEnabled(!all.isEmpty());
        add(buttons(submit, button("my-records.home", Messages.of("my-records.home"), home)), row(0));
    }

    private String chosenRecord() {
        int selected = table.getSelectedRow();
        return selected < 0 ? null : rows.shown().get(selected).id();
    }

    private void enableActions() {
        boolean one = table.getSelectedRow() >= 0;
        actionButtons.forEach(b -> b.setEnabled(one));
    }

    /** The folder the bag goes into (a USB stick), chosen in a folder chooser; then submitting, off the event thread. */
    private void chooseFolder() {
        JFileChooser chooser = FileChoice.chooser(this, Messages.of("my-records.chooser.title"), false);
        chooser.setName("my-records.chooser");
        chooser.setApproveButtonText(Messages.of("my-records.chooser.choose").render());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        chooser.setAcceptAllFileFilterUsed(false);
        if (chooser.showDialog(this, null) == JFileChooser.APPROVE_OPTION && chooser.getSelectedFile() != null) {
            Path folder = chooser.getSelectedFile().toPath();
            slow(() -> model.submitTo(folder));
        }
    }

    private void unlock() {
        add(Words.text(Paragraph.of("my-records.unlock.intro"), Messages.of("my-records.unlock.intro")), row(10));
        add(Words.text(new JLabel(), Messages.of("my-records.unlock.passphrase",
                Ltr.of(Fingerprints.grouped(model.keyFingerprint())))), row(6));
        JPasswordField passphrase = new JPasswordField(new WipingDocument(), "", 24);
        passphrase.setName("my-records.passphrase");
        add(passphrase, row(10));
        problem(model.problem());
        JButton go = button("my-records.unlock", Messages.of("my-records.unlock"), null);
        Runnable unlock = () -> {
            char[] typed = passphrase.getPassword();
            WipingDocument.wipeAll(passphrase);
            go.setEnabled(false);
            slow(() -> model.unlock(typed));
        };
        go.addActionListener(e -> unlock.run());
        passphrase.addActionListener(e -> unlock.run());
        add(buttons(go, button("my-records.back", Messages.of("my-records.back"), model::back)), row(0));
        SwingUtilities.invokeLater(passphrase::requestFocusInWindow);
    }

    private void submitting() {
        doing = new JLabel();
        doing.setName("my-records.doing");
        add(doing, row(6));
        bar = new JProgressBar(0, BAR);
        bar.setName("my-records.progress");
        add(bar, row(10));
        cancel = button("my-records.cancel", Messages.of("my-records.cancel"), null);
        JButton pressed = cancel;
        cancel.addActionListener(e -> {
            pressed.setEnabled(false);
            model.cancel();
        });
        add(buttons(cancel), row(0));
        progress();
    }

    /** How far the bag is: its words, the bar, and Cancel, which signing the bag ends (it is finished then, not half-written). */
    private void progress() {
        Message where = Ltr.of(model.folder());
        Words.text(doing, model.signing() ? Messages.of("my-records.signing", where)
                : Messages.of("my-records.writing", where, Ltr.of(Sizes.of(model.done())),
                Ltr.of(Sizes.of(model.total()))));
        bar.setValue(model.total() <= 0 ? 0 : (int) (BAR * model.done() / model.total()));
        if (model.signing()) {
            cancel.setEnabled(false);
        }
    }

    private void submitted() {
        Submit.Submitted went = model.submitted();
        JLabel heading = Words.text(new JLabel(), Messages.of("my-records.submitted.heading"));
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        add(heading, row(10));
        JTextArea what = Words.text(Paragraph.of("my-records.submitted.what"), Messages.of("my-records.submitted.what",
                Ltr.of(went.bagId()), went.records().size(), went.attachments(), Ltr.of(Sizes.of(went.bytes()))));
        add(what, row(4));
        JTextArea file = Words.text(Paragraph.of("my-records.submitted.file"),
                Messages.of("my-records.submitted.file", Ltr.of(went.file())));
        add(file, row(10));
        add(Words.text(new JLabel(), Messages.of("my-records.submitted.readers")), row(4));
        readers("my-records.submitted.reader.", went.readers());
        if (!went.identityReaders().isEmpty()) {
            add(Words.text(new JLabel(), Messages.of("my-records.submitted.identity-readers")), row(4));
            readers("my-records.submitted.identity-reader.", went.identityReaders());
        }
        add(Words.text(Paragraph.of("my-records.submitted.next"), Messages.of("my-records.submitted.next",
                Ltr.of("gawah import " + went.file().getFileName()))), row(12));
        add(buttons(button("my-records.again", Messages.of("my-records.again"), this::begin),
                button("my-records.home", Messages.of("my-records.home"), home)), row(0));
    }

    private void readers(String name, List<Sealed.Reader> readers) {
        for (int i = 0; i < readers.size(); i++) {
            Sealed.Reader reader = readers.get(i);
            JLabel who = Words.text(new JLabel(), Messages.of("my-records.submitted.reader", reader.userId(),
                    Ltr.of(reader.groupedFingerprint())));
            who.setName(name + i);
            add(who, row(i == readers.size() - 1 ? 10 : 2));
        }
    }

    private void problem(GawahException problem) {
        if (problem == null) {
            return;
        }
        JTextArea said = Words.text(Paragraph.of("my-records.problem"), problem.message());
        said.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        add(said, row(problem.hintMessage() == null ? 10 : 2));
        if (problem.hintMessage() != null) {
            add(Words.text(Paragraph.of("my-records.problem.hint"), problem.hintMessage()), row(10));
        }
    }

    /** The documenter's records, one a row, every cell through the display path. */
    private static WordedRows<MyRecordsModel.Row> rows() {
        return new WordedRows<>(COLUMNS,
                record -> Screen.value(record.id()),
                record -> SealedTime.of(record.sealedAt()).render(),
                record -> Sizes.of(record.testimonySize()),
                record -> (record.identityApart() ? Messages.of("my-records.identity.apart") : Messages.of("my-records.none")).render(),
                record -> record.attachments() == 0 ? Messages.of("my-records.none").render()
                        : Messages.of("my-records.attachments", record.attachments(), Sizes.of(record.attachmentBytes())).render(),
                record -> String.valueOf(record.keys()),
                record -> (record.submitted() ? Messages.of("my-records.submitted.yes")
                        : Messages.of("my-records.submitted.not-yet")).render());
    }

    private JPanel buttons(JButton... buttons) {
        JPanel line = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        line.setOpaque(false);
        for (int i = 0; i < buttons.length; i++) {
            if (i > 0) {
                line.add(javax.swing.Box.createHorizontalStrut(10));
            }
            line.add(buttons[i]);
        }
        return line;
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "the records page's work", work);
    }


    /** On the list the page fills the window and the table scrolls inside it; other pages scroll as pages do. */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return model.page() == MyRecordsModel.Page.LIST || super.getScrollableTracksViewportHeight();
    }
}
