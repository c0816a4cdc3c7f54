package org.gawah.desktop;

import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.app.Cases;
import org.gawah.cases.Analysis;
import org.gawah.cases.LegalTags;

/**
 * The legal team's cases, rendered from {@link CasesModel}: every case with its title, a new case
 * from a title typed here (never a witness's name: it is sealed to the team, but it goes into
 * packages searched only for the witnesses of the case), and one case opened with each record's
 * latest analysis. Records chosen in the records' table are added to the case opened, with the
 * Rome Statute tags picked from the shipped list (each with its label in the window's language),
 * a reliability and a note. Titles, notes and ids come from outside: each is shown through the
 * one display path ({@link Screen#value}).
 */
final class CasesView extends PagePanel {
    private static final long serialVersionUID = 1L;
    static final Message[] CASE_COLUMNS = {Messages.of("cases.column.case"), Messages.of("cases.column.created"),
            Messages.of("cases.column.records"), Messages.of("cases.column.title")};
    static final Message[] MEMBER_COLUMNS = {Messages.of("cases.column.record"), Messages.of("cases.column.tags"),
            Messages.of("cases.column.reliability"), Messages.of("cases.column.analysed"), Messages.of("cases.column.note")};
    /**
     * A time in a cell, in UTC, to the minute: without the letters T and Z of the format's own
     * writing, which would turn a Dari or Pashto cell that begins with it left to right.
     */
    static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
    private static final int[] CASE_WIDTHS = {230, 190, 80, 360};
    private static final int[] MEMBER_WIDTHS = {225, 160, 90, 245, 180};

    private final transient CasesModel model;
    private final transient WindowModel window;
    private final transient Runnable records;
    private final transient Consumer<String> export;
    private final WordedRows<Cases.Listed> caseRows = caseRows();
    private final WordedRows<Map.Entry<String, Analysis>> memberRows = memberRows();
    private final JTable casesTable = PageParts.table(caseRows);
    private final JTable membersTable = PageParts.table(memberRows, this::memberTip);
    private final JTextField title = new JTextField(new WipingDocument(), "", 30);
    private final JTextArea note = new JTextArea(new WipingDocument(), "", 4, 40);
    private final JTextField tagFilter = new JTextField(new WipingDocument(), "", 20);
    private final JComboBox<Choice> reliability = new JComboBox<>();
    private final JLabel chosenTags = new JLabel();
    /** Each tag's row in the picker, to show or hide as the filter is typed. */
    private final Map<String, List<JComponent>> tagRows = new LinkedHashMap<>();
    private int row;

    CasesView(CasesModel model, WindowModel window, Runnable records, Consumer<String> export) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.records = records;
        this.export = export;
        setName("page.cases");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        casesTable.setName("cases.table");
        casesTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        casesTable.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected();
                }
            }
        });
        membersTable.setName("cases.members");
        title.setName("cases.new-title");
        note.setName("cases.note");
        note.setLineWrap(true);
        note.setWrapStyleWord(true);
        tagFilter.setName("cases.tag-filter");
        typedDirection(title);
        typedDirection(note);
        reliability.setName("cases.reliability");
        chosenTags.setName("cases.tags.chosen");
        chosenTags.putClientProperty("html.disable", Boolean.TRUE);
        tagFilter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                filterTags();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                filterTags();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                filterTags();
            }
        });
        model.onChange(() -> PageParts.onEventThread(this::render));
        window.onLanguage(locale -> PageParts.onEventThread(this::render));
    }

    CasesModel model() {
        return model;
    }

    /** Shows the cases, with {@code adding} (chosen in the records' table) to add to the case opened next. */
    void begin(List<String> adding) {
        removeAll();
        add(Words.text(new JLabel(), Messages.of("cases.working")), row(0));
        revalidate();
        slow(() -> model.begin(adding));
    }

    private void render() {
        if (window.lockedBy() != null || model.page() == null) {
            return;
        }
        removeAll();
        row = 0;
        JLabel heading = Words.text(new JLabel(), Messages.of("cases.heading"));
        heading.setName("cases.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h1");
        add(heading, row(12));
        switch (model.page()) {
            case NEEDS_RECORDS: needsRecords(); break;
            case WORKING: add(Words.text(new JLabel(), Messages.of("cases.working")), row(0)); break;
            case LIST: allCases(); break;
            default: opened(); break;
        }
        GridBagConstraints rest = row(0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        followTyped(title);
        followTyped(note);
        revalidate();
        repaint();
    }

    private void needsRecords() {
        add(Words.text(Paragraph.of("cases.needs-records"), Messages.of("cases.needs-records")), row(12));
        add(buttons(button("cases.open-records", Messages.of("cases.open-records"), records)), row(0));
    }

    private void allCases() {
        add(Words.text(Paragraph.of("cases.intro"), Messages.of("cases.intro")), row(12));
        chosenRecords(Messages.of("cases.choose-case", model.adding().size(), Ltr.of(String.join(", ", model.adding()))));
        said();
        if (model.cases().isEmpty()) {
            add(Words.text(new JLabel(), Messages.of("cases.none")), row(12));
        } else {
            caseRows.show(model.cases());
            add(scrolled(casesTable, CASE_WIDTHS, 8 + Math.min(8, model.cases().size()) * 26), row(8));
            add(buttons(button("cases.open", Messages.of("cases.open"), this::openSelected)), row(16));
        }
        JLabel newCase = Words.text(new JLabel(), Messages.of("cases.new.heading"));
        newCase.putClientProperty("FlatLaf.styleClass", "h3");
        add(newCase, row(4));
        add(Words.text(Paragraph.of("cases.new.intro"), Messages.of("cases.new.intro")), row(6));
        JLabel titleLabel = Words.text(new JLabel(), Messages.of("cases.new.title"));
        titleLabel.setLabelFor(title);
        add(titleLabel, row(4));
        JPanel line = new JPanel(new GridBagLayout());
        line.setOpaque(false);
        GridBagConstraints field = new GridBagConstraints();
        field.weightx = 1;
        field.fill = GridBagConstraints.HORIZONTAL;
        line.add(title, field);
        GridBagConstraints after = new GridBagConstraints();
        after.insets = new Insets(0, 10, 0, 0);
        Runnable create = () -> {
            String typed = title.getText();
            WipingDocument.wipeAll(title);
            slow(() -> model.create(typed));
        };
        line.add(button("cases.create", Messages.of("cases.create"), create), after);
        title.addActionListener(e -> create.run());
        add(line, row(16));
        add(buttons(button("cases.records", Messages.of("cases.records"), records)), row(0));
    }

    /** One case: its title, its records with their latest analyses, the form that adds the records chosen. */
    private void opened() {
        Cases.Opened opened = model.opened();
        if (opened == null) {
            return;
        }
        String caseId = opened.file().caseId();
        JLabel heading = Words.text(new JLabel(), Messages.of("cases.case.heading", Ltr.of(caseId)));
        heading.setName("cases.case.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h2");
        add(heading, row(4));
        JLabel titleLine = Words.text(new JLabel(), Messages.of("cases.case.title", opened.file().title()));
        titleLine.setName("cases.case.title");
        add(titleLine, row(2));
        add(Words.text(new JLabel(), Messages.of("cases.case.created", opened.file().createdAt())), row(12));
        said();
        if (opened.analyses().isEmpty()) {
            add(Words.text(new JLabel(), Messages.of("cases.case.empty")), row(12));
        } else {
            memberRows.show(new ArrayList<>(opened.analyses().entrySet()));
            add(scrolled(membersTable, MEMBER_WIDTHS, 8 + Math.min(8, opened.analyses().size()) * 26), row(16));
        }
        addForm();
        add(buttons(button("cases.export", Messages.of("cases.export"), () -> export.accept(caseId)),
                button("cases.all", Messages.of("cases.all"), () -> slow(model::list)),
                button("cases.records", Messages.of("cases.records"), records)), row(0));
    }

    private void addForm() {
        JLabel heading = Words.text(new JLabel(), Messages.of("cases.add.heading"));
        heading.putClientProperty("FlatLaf.styleClass", "h3");
        add(heading, row(6));
        if (model.adding().isEmpty()) {
            add(Words.text(Paragraph.of("cases.add.how"), Messages.of("cases.add.how")), row(16));
            return;
        }
        chosenRecords(Messages.of("cases.add.records", model.adding().size(), Ltr.of(String.join(", ", model.adding()))));
        add(Words.text(Paragraph.of("cases.add.again"), Messages.of("cases.add.again")), row(10));

        JLabel tagsLabel = Words.text(new JLabel(), Messages.of("cases.tags.label"));
        add(tagsLabel, row(4));
        JPanel find = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        find.setOpaque(false);
        JLabel findLabel = Words.text(new JLabel(), Messages.of("cases.tags.find"));
        findLabel.setLabelFor(tagFilter);
        find.add(findLabel);
        find.add(Box.createHorizontalStrut(6));
        find.add(tagFilter);
        add(find, row(4));
        add(tagPicker(), row(4));
        showChosenTags();
        add(chosenTags, row(10));

        JLabel reliabilityLabel = Words.text(new JLabel(), Messages.of("cases.reliability.label"));
        reliabilityLabel.setLabelFor(reliability);
        JPanel reliabilityLine = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        reliabilityLine.setOpaque(false);
        reliabilityLine.add(reliabilityLabel);
        reliabilityLine.add(Box.createHorizontalStrut(6));
        fillReliability();
        reliabilityLine.add(reliability);
        add(reliabilityLine, row(10));

        JLabel noteLabel = Words.text(new JLabel(), Messages.of("cases.note.label"));
        noteLabel.setLabelFor(note);
        add(noteLabel, row(4));
        JScrollPane noteScroll = new JScrollPane(note);
        noteScroll.setMinimumSize(new Dimension(200, 90));
        noteScroll.setPreferredSize(new Dimension(400, 90));
        add(noteScroll, row(10));
        add(buttons(button("cases.add", Messages.of("cases.add"), this::addChosen)), row(20));
    }

    private void addChosen() {
        Choice chosen = (Choice) reliability.getSelectedItem();
        String level = chosen == null ? null : chosen.value();
        String typed = note.getText();
        slow(() -> model.add(level, typed));
    }

    /** Every shipped tag with its label in the window's language, a box to tick each; the filter hides the rest. */
    private JComponent tagPicker() {
        PagePanel list = new PagePanel(new GridBagLayout());
        list.setName("cases.tags");
        list.setOpaque(false);
        tagRows.clear();
        LegalTags tags = LegalTags.shipped();
        int y = 0;
        for (String tag : tags.tags()) {
            JCheckBox box = new JCheckBox(tag, model.chosen(tag));
            box.putClientProperty("html.disable", Boolean.TRUE);
            box.setName("cases.tag." + tag);
            box.setOpaque(false);
            box.addActionListener(e -> {
                model.tag(tag, box.isSelected());
                showChosenTags();
            });
            JTextArea label = Paragraph.of("cases.tag-label." + tag);
            label.setText(Screen.line(tags.label(tag, window.language())));
            GridBagConstraints at = new GridBagConstraints();
            at.gridx = 0;
            at.gridy = y;
            at.anchor = GridBagConstraints.FIRST_LINE_START;
            at.insets = new Insets(2, 0, 2, 10);
            list.add(box, at);
            GridBagConstraints words = new GridBagConstraints();
            words.gridx = 1;
            words.gridy = y++;
            words.weightx = 1;
            words.fill = GridBagConstraints.HORIZONTAL;
            words.anchor = GridBagConstraints.FIRST_LINE_START;
            words.insets = new Insets(5, 0, 2, 0);
            list.add(label, words);
            tagRows.put(tag, List.of(box, label));
        }
        GridBagConstraints rest = new GridBagConstraints();
        rest.gridy = y;
        rest.weighty = 1;
        list.add(Box.createVerticalGlue(), rest);
        filterTags();
        JScrollPane scroll = new JScrollPane(list);
        scroll.setName("cases.tags.scroll");
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        scroll.setPreferredSize(new Dimension(400, 230));
        scroll.setMinimumSize(new Dimension(200, 230));
        return scroll;
    }

    private void filterTags() {
        model.tagFilter(tagFilter.getText());
        tagRows.forEach((tag, parts) -> parts.forEach(part -> part.setVisible(model.shown(tag))));
        if (!tagRows.isEmpty()) {
            JComponent first = tagRows.values().iterator().next().get(0);
            first.getParent().revalidate();
            first.getParent().repaint();
        }
    }

    private void showChosenTags() {
        List<String> picked = model.chosenTags();
        chosenTags.setText((picked.isEmpty() ? Messages.of("cases.tags.none")
                : Messages.of("cases.tags.chosen", picked.size(), Ltr.of(String.join(", ", picked)))).render());
    }

    private void fillReliability() {
        Choice was = (Choice) reliability.getSelectedItem();
        reliability.removeAllItems();
        reliability.addItem(new Choice(Messages.of("cases.reliability.none").render(), null));
        for (String level : List.of("high", "medium", "low", "unknown")) {
            reliability.addItem(new Choice(reliabilityWords(level).render(), level));
        }
        for (int i = 0; was != null && i < reliability.getItemCount(); i++) {
            if (java.util.Objects.equals(reliability.getItemAt(i).value(), was.value())) {
                reliability.setSelectedIndex(i);
            }
        }
    }

    /** A reliability as the format writes it ({@link Analysis#RELIABILITY}), in the window's words. */
    static Message reliabilityWords(String level) {
        if (level == null) {
            return Messages.of("cases.reliability.none");
        }
        switch (level) {
            case "high": return Messages.of("cases.reliability.high");
            case "medium": return Messages.of("cases.reliability.medium");
            case "low": return Messages.of("cases.reliability.low");
            default: return Messages.of("cases.reliability.unknown");
        }
    }

    private void chosenRecords(Message words) {
        if (model.adding().isEmpty()) {
            return;
        }
        JTextArea chosen = Words.text(Paragraph.of("cases.adding"), words);
        chosen.putClientProperty("FlatLaf.style", "font: bold");
        add(chosen, row(10));
    }

    /** What was just done, or the problem met. */
    private void said() {
        if (model.done() != null) {
            JLabel done = Words.text(new JLabel(), model.done());
            done.setName("cases.done");
            add(done, row(10));
        }
        GawahException problem = model.problem();
        if (problem != null) {
            JTextArea said = Words.text(Paragraph.of("cases.problem"), problem.message());
            said.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
            add(said, row(problem.hintMessage() == null ? 10 : 2));
            if (problem.hintMessage() != null) {
                add(Words.text(Paragraph.of("cases.problem.hint"), problem.hintMessage()), row(10));
            }
        }
    }

    private void openSelected() {
        int selected = casesTable.getSelectedRow();
        if (selected < 0 && caseRows.shown().size() == 1) {
            selected = 0;
        }
        if (selected >= 0) {
            String id = caseRows.shown().get(selected).id();
            slow(() -> model.open(id));
        }
    }

    private static JScrollPane scrolled(JTable table, int[] widths, int height) {
        table.setFillsViewportHeight(true);
        table.getTableHeader().putClientProperty("html.disable", Boolean.TRUE);
        ((javax.swing.table.AbstractTableModel) table.getModel()).fireTableStructureChanged();
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(600, height + table.getTableHeader().getPreferredSize().height));
        scroll.setMinimumSize(new Dimension(200, 60));
        return scroll;
    }

    /** The cases, one a row; every cell through the display path. */
    private static WordedRows<Cases.Listed> caseRows() {
        return new WordedRows<>(CASE_COLUMNS,
                listed -> Screen.value(listed.id()),
                listed -> MINUTE.format(listed.createdAt()),
                listed -> String.valueOf(listed.records()),
                listed -> title(listed));
    }

    private static String title(Cases.Listed listed) {
        switch (listed.state()) {
            case OPENED: return Screen.value(listed.title());
            case OTHER_KEYS: return Messages.of("cases.title.other-keys").render();
            default: return Messages.of("cases.title.sealed").render();
        }
    }

    /** A case's records, one a row, with the latest analysis of each (null where none). */
    private static WordedRows<Map.Entry<String, Analysis>> memberRows() {
        return new WordedRows<>(MEMBER_COLUMNS,
                member -> Screen.value(member.getKey()),
                member -> member.getValue() == null ? "" : Screen.value(String.join(", ", member.getValue().legalQualification())),
                member -> member.getValue() == null ? "" : reliabilityWords(member.getValue().reliability()).render(),
                member -> member.getValue() == null ? "" : Messages.of("cases.analysed", MINUTE.format(member.getValue().madeAt()),
                        Ltr.of(Fingerprints.grouped(member.getValue().analyst()).substring(0, 9))).render(),
                member -> member.getValue() == null || member.getValue().note() == null ? ""
                        : Screen.value(member.getValue().note().lines().findFirst().orElse("")));
    }

    /** The tags with their labels in the window's language; the whole note: what a cell cannot hold. */
    private String memberTip(int r, int column) {
        Analysis analysis = memberRows.shown().get(r).getValue();
        if (analysis == null) {
            return null;
        }
        if (column == 1 && !analysis.legalQualification().isEmpty()) {
            LegalTags tags = LegalTags.shipped();
            return analysis.legalQualification().stream()
                    .map(tag -> Messages.of("cases.tag.choice", Ltr.of(tag), tags.label(tag)).render())
                    .collect(Collectors.joining("; "));
        }
        if (column == 4 && analysis.note() != null) {
            return Screen.value(analysis.note());
        }
        return null;
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "the cases", work);
    }

}
