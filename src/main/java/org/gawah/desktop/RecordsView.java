package org.gawah.desktop;

import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.app.OpenedRecord;
import org.gawah.cases.LegalTags;
import org.gawah.testimony.DateCalendar;

/**
 * The legal team's records, rendered from {@link RecordsModel}: the unlock page, the opening
 * (every record decrypted in memory, with progress), then one table of every record with the
 * search and the filters above it. Every value in the table comes from outside and is shown
 * through the one display path ({@link Screen#value}). A record is read by a double click or the
 * Read button ({@code reader}).
 */
final class RecordsView extends PagePanel {
    private static final long serialVersionUID = 1L;
    /** Each column's width at the window's default size; the table shares out what is more or less. */
    private static final int[] WIDTHS = {218, 175, 95, 50, 105, 65, 90, 55, 40};
    static final Message[] COLUMNS = {Messages.of("records.column.record"), Messages.of("records.column.date"),
            Messages.of("records.column.place"), Messages.of("records.column.languages"),
            Messages.of("records.column.documenter"), Messages.of("records.column.pseudonym"),
            Messages.of("records.column.tags"), Messages.of("records.column.cases"), Messages.of("records.column.attachments")};
    /** Who a witness may consent to: the consent filter's choices, in the format's order. */
    static final List<String> RECIPIENTS = List.of("legal_team", "icc", "un_mechanism", "national_court", "publication");
    /** The most of a Rome Statute tag's label its filter shows. */
    private static final int TAG_LABEL = 44;

    private final transient RecordsModel model;
    private final transient WindowModel window;
    private final transient Consumer<OpenedRecord> reader;
    private final transient Runnable home;
    /** Where the records chosen go to be added to a case (the cases page), or null. */
    private transient Consumer<List<String>> toCase;
    private final WordedRows<OpenedRecord> rows = rows();
    private final JTable table = PageParts.table(rows);
    private final JTextField search = new JTextField(new WipingDocument(), "", 18);
    private final JTextField from = new JTextField(new WipingDocument(), "", 9);
    private final JTextField to = new JTextField(new WipingDocument(), "", 9);
    private final JComboBox<Choice> documenters = new JComboBox<>();
    private final JComboBox<Choice> cases = new JComboBox<>();
    private final JTextField place = new JTextField(new WipingDocument(), "", 10);
    private final JComboBox<Choice> tags = new JComboBox<>();
    private final JComboBox<Choice> consent = new JComboBox<>();
    private final JLabel count = new JLabel();
    private final JLabel dateProblem = new JLabel();
    private int row;
    private boolean filling;

    /** One choice of a filter: what it shows and the value it filters by (null: every record). */
    record Choice(String shown, String value) {
        @Override
        public String toString() {
            return shown;
        }
    }

    RecordsView(RecordsModel model, WindowModel window, Consumer<OpenedRecord> reader, Runnable home) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.reader = reader;
        this.home = home;
        setName("page.records");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        table.setName("records.table");
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setAutoCreateRowSorter(false);
        table.setFillsViewportHeight(true);
        table.getTableHeader().putClientProperty("html.disable", Boolean.TRUE);
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    readSelected();
                }
            }
        });
        // Without room to shrink into: a date field a few letters wide cannot be read.
        from.setMinimumSize(from.getPreferredSize());
        to.setMinimumSize(to.getPreferredSize());
        search.setMinimumSize(new Dimension(120, search.getPreferredSize().height));
        search.setName("records.search");
        from.setName("records.from");
        to.setName("records.to");
        documenters.setName("records.documenter");
        cases.setName("records.case");
        place.setName("records.place");
        place.setMinimumSize(place.getPreferredSize());
        tags.setName("records.tag");
        consent.setName("records.consent");
        count.setName("records.count");
        dateProblem.setName("records.date-problem");
        dateProblem.putClientProperty("html.disable", Boolean.TRUE);
        DocumentListener typed = new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                filter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                filter();
            }
        };
        search.getDocument().addDocumentListener(typed);
        from.getDocument().addDocumentListener(typed);
        to.getDocument().addDocumentListener(typed);
        place.getDocument().addDocumentListener(typed);
        documenters.addActionListener(e -> filter());
        cases.addActionListener(e -> filter());
        tags.addActionListener(e -> filter());
        consent.addActionListener(e -> filter());
        model.onChange(() -> PageParts.onEventThread(this::render));
        window.onLanguage(locale -> PageParts.onEventThread(this::render));
    }

    RecordsModel model() {
        return model;
    }

    /** Adds a button that hands the records chosen in the table (their ids) to {@code action}. */
    void onAddToCase(Consumer<List<String>> action) {
        toCase = action;
    }

    /** Shows the page, reading the home's key off the event thread the first time. */
    void begin() {
        if (model.page() == RecordsModel.Page.TABLE) {
            render();
            return;
        }
        removeAll();
        add(Words.text(new JLabel(), Messages.of("records.checking")), row(0));
        revalidate();
        slow(model::begin);
    }

    private void render() {
        if (window.lockedBy() != null || model.page() == null) {
            return;
        }
        removeAll();
        row = 0;
        JLabel heading = Words.text(new JLabel(), Messages.of("records.heading"));
        heading.setName("records.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h1");
        add(heading, row(12));
        switch (model.page()) {
            case CANNOT_BEGIN: cannotBegin(); break;
            case UNLOCK: unlock(); break;
            case OPENING: opening(); break;
            default: table(); break;
        }
        if (model.page() != RecordsModel.Page.TABLE) {
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
        add(button("records.home", Messages.of("records.home"), home), row(0));
    }

    private void unlock() {
        add(Words.text(Paragraph.of("records.unlock.intro"), Messages.of("records.unlock.intro")), row(12));
        add(Words.text(new JLabel(), Messages.of("records.unlock.passphrase",
                Ltr.of(Fingerprints.grouped(model.keyFingerprint())))), row(6));
        JPasswordField passphrase = new JPasswordField(new WipingDocument(), "", 24);
        passphrase.setName("records.passphrase");
        JPanel line = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        line.setOpaque(false);
        line.add(passphrase);
        line.add(javax.swing.Box.createHorizontalStrut(10));
        JButton open = button("records.open", Messages.of("records.open"), null);
        line.add(open);
        add(line, row(10));
        Runnable go = () -> {
            char[] typed = passphrase.getPassword();
            WipingDocument.wipeAll(passphrase);
            open.setEnabled(false);
            slow(() -> model.unlock(typed));
        };
        open.addActionListener(e -> go.run());
        passphrase.addActionListener(e -> go.run());
        problem(model.problem());
        SwingUtilities.invokeLater(passphrase::requestFocusInWindow);
    }

    private void opening() {
        add(Words.text(new JLabel(), Messages.of("records.opening", model.done(), model.of())), row(6));
        JProgressBar bar = new JProgressBar(0, Math.max(1, model.of()));
        bar.setName("records.progress");
        bar.setValue(model.done());
        add(bar, row(0));
    }

    private void table() {
        add(filters(), row(6));
        dateProblem.setText(model.dateProblem() == null ? "" : model.dateProblem().render());
        dateProblem.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        add(dateProblem, row(4));
        add(count, row(6));
        JScrollPane scroll = new JScrollPane(table);
        scroll.setName("records.scroll");
        GridBagConstraints fill = row(8);
        fill.weighty = 1;
        fill.fill = GridBagConstraints.BOTH;
        add(scroll, fill);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        buttons.setOpaque(false);
        buttons.add(button("records.read", Messages.of("records.read"), this::readSelected));
        buttons.add(javax.swing.Box.createHorizontalStrut(10));
        buttons.add(button("records.home", Messages.of("records.home"), home));
        if (toCase != null) {
            buttons.add(javax.swing.Box.createHorizontalStrut(10));
            buttons.add(button("records.add-to-case", Messages.of("records.add-to-case"), () -> toCase.accept(
                    java.util.Arrays.stream(table.getSelectedRows()).mapToObj(r -> rows.shown().get(r).id()).toList())));
        }
        add(buttons, row(0));
        fillChoices();
        rows.fireTableStructureChanged();
        for (int i = 0; i < WIDTHS.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(WIDTHS[i]);
        }
        filter();
    }

    /**
     * Three lines, each narrow enough for the window at its smallest: the search and the dates;
     * the place, the documenter and the case; the Rome Statute tag and consent.
     */
    private JComponent filters() {
        JPanel filters = new JPanel(new GridBagLayout());
        filters.setOpaque(false);
        JPanel first = line();
        int x = 0;
        x = labelled(first, x, Messages.of("records.search.label"), search, 1);
        x = labelled(first, x, Messages.of("records.from.label"), from, 0);
        labelled(first, x, Messages.of("records.to.label"), to, 0);
        JPanel second = line();
        x = 0;
        x = labelled(second, x, Messages.of("records.place.label"), place, 1);
        x = labelled(second, x, Messages.of("records.documenter.label"), documenters, 0);
        labelled(second, x, Messages.of("records.case.label"), cases, 0);
        JPanel third = line();
        x = 0;
        x = labelled(third, x, Messages.of("records.tag.label"), tags, 0);
        x = labelled(third, x, Messages.of("records.consent.label"), consent, 0);
        GridBagConstraints rest = new GridBagConstraints();
        rest.gridx = x;
        rest.weightx = 1;
        third.add(javax.swing.Box.createHorizontalGlue(), rest);
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.insets = new Insets(0, 0, 6, 0);
        filters.add(first, at);
        filters.add(second, at);
        at.insets = new Insets(0, 0, 0, 0);
        filters.add(third, at);
        return filters;
    }

    private static JPanel line() {
        JPanel line = new JPanel(new GridBagLayout());
        line.setOpaque(false);
        return line;
    }

    private static int labelled(JPanel into, int x, Message label, JComponent field, double weight) {
        JLabel words = Words.text(new JLabel(), label);
        words.setName(label.key());
        words.setLabelFor(field);
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = x;
        at.gridy = 0;
        at.anchor = GridBagConstraints.LINE_START;
        at.insets = new Insets(0, x == 0 ? 0 : 12, 0, 6);
        into.add(words, at);
        at = new GridBagConstraints();
        at.gridx = x + 1;
        at.gridy = 0;
        at.weightx = weight;
        at.fill = GridBagConstraints.HORIZONTAL;
        into.add(field, at);
        return x + 2;
    }

    /** The documenters and cases of the records opened, each list led by "all". */
    private void fillChoices() {
        filling = true;
        try {
            String chosenDocumenter = chosen(documenters);
            String chosenCase = chosen(cases);
            String chosenTag = chosen(tags);
            String chosenConsent = chosen(consent);
            documenters.removeAllItems();
            documenters.addItem(new Choice(Messages.of("records.all").render(), null));
            for (RecordsModel.Documenter d : model.documenters()) {
                documenters.addItem(new Choice(Messages.of("records.documenter.choice", d.name(),
                        Ltr.of(Fingerprints.grouped(d.fingerprint()).substring(0, 9))).render(), d.fingerprint()));
            }
            cases.removeAllItems();
            cases.addItem(new Choice(Messages.of("records.all").render(), null));
            for (String id : model.cases()) {
                cases.addItem(new Choice(Screen.value(id), id));
            }
            tags.removeAllItems();
            tags.addItem(new Choice(Messages.of("records.all").render(), null));
            for (String tag : model.tags()) {
                tags.addItem(new Choice(Messages.of("records.tag.choice", Ltr.of(tag), shortened(LegalTags.shipped().label(tag))).render(),
                        tag));
            }
            consent.removeAllItems();
            consent.addItem(new Choice(Messages.of("records.all").render(), null));
            for (String recipient : RECIPIENTS) {
                consent.addItem(new Choice(recipient(recipient).render(), recipient));
            }
            select(documenters, chosenDocumenter);
            select(cases, chosenCase);
            select(tags, chosenTag);
            select(consent, chosenConsent);
        } finally {
            filling = false;
        }
    }

    /** A tag's label is the Statute's sentence: the list shows its start, which tells the tags apart. */
    static String shortened(String label) {
        return label.length() <= TAG_LABEL ? label : label.substring(0, label.offsetByCodePoints(0, TAG_LABEL - 3)).strip() + "...";
    }

    /** Each recipient a witness may consent to, in a word short enough for a list (the reader says it in full). */
    private static Message recipient(String recipient) {
        switch (recipient) {
            case "legal_team": return Messages.of("records.consent.legal_team");
            case "icc": return Messages.of("records.consent.icc");
            case "un_mechanism": return Messages.of("records.consent.un_mechanism");
            case "national_court": return Messages.of("records.consent.national_court");
            default: return Messages.of("records.consent.publication");
        }
    }

    private static String chosen(JComboBox<Choice> box) {
        Choice choice = (Choice) box.getSelectedItem();
        return choice == null ? null : choice.value();
    }

    private static void select(JComboBox<Choice> box, String value) {
        for (int i = 0; i < box.getItemCount(); i++) {
            if (java.util.Objects.equals(box.getItemAt(i).value(), value)) {
                box.setSelectedIndex(i);
                return;
            }
        }
    }

    /** The search and filters as they stand, applied; the table shows what is left. */
    private void filter() {
        if (filling || model.page() != RecordsModel.Page.TABLE) {
            return;
        }
        model.search(search.getText());
        model.dates(from.getText(), to.getText());
        model.documenter(chosen(documenters));
        model.inCase(chosen(cases));
        model.place(place.getText());
        model.tag(chosen(tags));
        model.consent(chosen(consent));
        rows.show(model.visible());
        count.setText(Messages.of("records.count", rows.shown().size(), model.all().size()).render());
        dateProblem.setText(model.dateProblem() == null ? "" : model.dateProblem().render());
    }

    private void readSelected() {
        int selected = table.getSelectedRow();
        if (selected < 0 && rows.shown().size() == 1) {
            selected = 0;
        }
        if (selected >= 0) {
            reader.accept(rows.shown().get(selected));
        }
    }

    /** The records shown, one a row, every cell through the display path. */
    private static WordedRows<OpenedRecord> rows() {
        return new WordedRows<>(COLUMNS,
                record -> record.shown().addsTo() == null ? Screen.value(record.id())
                        : Messages.of("records.addendum", Ltr.of(record.id()), Ltr.of(record.shown().addsTo())).render(),
                record -> date(record),
                record -> record.shown().place() == null ? "" : Screen.value(record.shown().place()),
                record -> Screen.value(String.join(", ", record.shown().languages())),
                record -> Messages.of("records.documenter.choice", record.signerUserId(),
                        Ltr.of(Fingerprints.grouped(record.signerFingerprint()).substring(0, 9))).render(),
                record -> record.shown().pseudonym() == null ? "" : Screen.value(record.shown().pseudonym()),
                record -> String.join(", ", record.tags()),
                record -> record.cases().stream().map(Screen::value).collect(Collectors.joining(", ")),
                record -> String.valueOf(record.attachments()));
    }

    /** The interview's day in both calendars: the Gregorian day and the Solar Hijri one as Afghans write it. */
    static String date(OpenedRecord record) {
        if (record.shown().addsTo() != null) {
            // An addendum has no interview: the day its files were added.
            return Messages.of("records.addendum.date", date(LocalDate.ofInstant(record.sealedAt(), java.time.ZoneOffset.UTC)))
                    .render();
        }
        return date(record.interviewDay());
    }

    private static String date(LocalDate day) {
        if (day == null) {
            return "";
        }
        Message solar = DateCalendar.SOLAR_HIJRI.describe(day);
        // The day leads the cell: a left-to-right mark there would turn the cell left to right in Dari and
        // Pashto (the Solar Hijri date then reads backwards); the display path keeps the day's digits in order.
        return solar == null ? Ltr.of(day).render() : Messages.of("records.date", day, solar).render();
    }

    private void problem(GawahException problem) {
        if (problem == null) {
            return;
        }
        JTextArea said = Words.text(Paragraph.of("records.problem"), problem.message());
        said.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        add(said, row(problem.hintMessage() == null ? 10 : 2));
        if (problem.hintMessage() != null) {
            add(Words.text(Paragraph.of("records.problem.hint"), problem.hintMessage()), row(10));
        }
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "opening the records", work);
    }


    /** The page fills the window; the table scrolls inside it. */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return true;
    }
}
