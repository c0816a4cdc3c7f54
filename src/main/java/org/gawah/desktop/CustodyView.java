package org.gawah.desktop;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.time.Instant;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;

import org.gawah.Fingerprints;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.Sizes;
import org.gawah.app.CustodyTimeline;
import org.gawah.app.VaultCheck;
import org.gawah.custody.Entry;
import org.gawah.vault.VaultAudit;

/**
 * The custody page, rendered from {@link CustodyModel}: on top, what {@code gawah verify --vault}
 * finds (or where the vault fails it); under it, the vault's custody log as a timeline, one entry
 * a row in the order it was written: its number, time, kind, the signer (the name this home knows
 * the key by, and its fingerprint), and what it is about (a record, a bag, a key). Every value
 * from outside goes through the display path.
 */
final class CustodyView extends PagePanel {
    private static final long serialVersionUID = 1L;
    static final Message[] COLUMNS = {Messages.of("custody.column.seq"), Messages.of("custody.column.time"),
            Messages.of("custody.column.kind"), Messages.of("custody.column.signer"), Messages.of("custody.column.subject")};
    private static final int[] WIDTHS = {50, 170, 150, 220, 320};

    private final transient CustodyModel model;
    private final transient WindowModel window;
    private final transient Runnable home;
    private final Entries entries = new Entries();
    private final JTable table = new JTable(entries) {
        private static final long serialVersionUID = 1L;

        /** A cell cut short shows itself whole under the pointer; the signer's, the whole fingerprint. */
        @Override
        public String getToolTipText(MouseEvent e) {
            int r = rowAtPoint(e.getPoint());
            int c = columnAtPoint(e.getPoint());
            if (r < 0 || c < 0) {
                return null;
            }
            return convertColumnIndexToModel(c) == 3 ? entries.signer(r) : String.valueOf(getValueAt(r, c));
        }
    };
    private int row;

    CustodyView(CustodyModel model, WindowModel window, Runnable home) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.home = home;
        setName("page.custody");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        table.setName("custody.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.getTableHeader().putClientProperty("html.disable", Boolean.TRUE);
        model.onChange(() -> onEventThread(this::render));
        window.onLanguage(locale -> onEventThread(this::render));
    }

    CustodyModel model() {
        return model;
    }

    /** Reads the log and checks the vault again, off the event thread. */
    void begin() {
        render();
        OffTheEventThread.run(window, "reading the custody log", model::load);
    }

    private void render() {
        if (window.lockedBy() != null) {
            return;
        }
        removeAll();
        row = 0;
        JLabel heading = Words.text(new JLabel(), Messages.of("custody.heading"));
        heading.setName("custody.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h1");
        add(heading, row(12));
        if (model.page() == CustodyModel.Page.LOADING) {
            add(Words.text(new JLabel(), Messages.of("custody.reading")), row(0));
            filler();
        } else {
            add(check(), row(12));
            timeline();
        }
        for (Message note : model.notes()) {
            add(Words.text(Paragraph.of("custody.note"), note), row(6));
        }
        add(PageParts.buttons(PagePanel.button("custody.again", Messages.of("custody.again"), this::begin),
                PagePanel.button("custody.home", Messages.of("custody.home"), home)), row(0));
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        PageParts.turnCells(table);
        revalidate();
        repaint();
    }

    /** What verify --vault found, as its lines say it. */
    private JComponent check() {
        JPanel panel = new JPanel(new GridBagLayout());
        panel.setName("custody.check");
        panel.setOpaque(false);
        int y = 0;
        if (model.checking()) {
            panel.add(Words.text(Paragraph.of("custody.checking"), Messages.of("custody.checking", Ltr.of("gawah verify --vault"))), line(y++, 0));
            return panel;
        }
        if (model.checkProblem() != null) {
            JLabel broken = Words.text(new JLabel(), Messages.of("custody.broken"));
            broken.setName("custody.broken");
            broken.putClientProperty("FlatLaf.styleClass", "h3");
            panel.add(broken, line(y++, 6));
            panel.add(Details.problem("custody.problem", model.checkProblem()), line(y++, 0));
            return panel;
        }
        VaultCheck.Report check = model.check();
        VaultAudit.Report audit = check.audit();
        JLabel intact = Words.text(new JLabel(), Messages.of("custody.intact", audit.entries()));
        intact.setName("custody.intact");
        intact.putClientProperty("FlatLaf.styleClass", "h3");
        panel.add(intact, line(y++, 6));
        Details details = new Details("custody.report");
        details.more("records", Messages.of("custody.records", audit.records(), audit.attachments(),
                Ltr.of(Sizes.of(audit.attachmentBytes()))));
        if (audit.documenterLogs() > 0) {
            details.more("documenter-logs", Messages.of("custody.documenter-logs", audit.documenterLogs(),
                    audit.documenterEntries()));
        }
        if (!check.timestamps().isEmpty()) {
            details.more("timestamps", Messages.of("custody.timestamps", check.timestamps().size(),
                    Ltr.of(check.firstTimestamp().get()), Ltr.of(check.lastTimestamp().get())));
        }
        if (!check.evidence().isEmpty()) {
            Instant now = Instant.now();
            details.more("evidence", check.renewBefore(now).isPresent()
                    ? Messages.of("custody.evidence", check.evidence().size(), Ltr.of(check.evidenceFrom().get()),
                            Ltr.of(check.renewBefore(now).get()))
                    : Messages.of("custody.evidence-final", check.evidence().size(), Ltr.of(check.evidenceFrom().get())));
        }
        details.more("head", Messages.of("custody.head", Ltr.of(audit.headSha256())));
        details.more("no-entry", Messages.of("custody.no-entry", Ltr.of("gawah verify --vault")));
        panel.add(details, line(y++, 0));
        return panel;
    }

    private void timeline() {
        List<CustodyTimeline.Line> lines = model.lines();
        JLabel count = Words.text(new JLabel(), Messages.of("custody.count", lines.size()));
        count.setName("custody.count");
        count.putClientProperty("FlatLaf.styleClass", "h3");
        add(count, row(6));
        if (model.logProblem() != null) {
            add(Details.problem("custody.log-problem", model.logProblem()), row(8));
        }
        entries.show(lines);
        for (int i = 0; i < WIDTHS.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(WIDTHS[i]);
        }
        JScrollPane scroll = new JScrollPane(table);
        scroll.setName("custody.scroll");
        GridBagConstraints fill = row(10);
        fill.weighty = 1;
        fill.fill = GridBagConstraints.BOTH;
        add(scroll, fill);
        // The newest entry in sight: a log is read from where it has come to.
        SwingUtilities.invokeLater(() -> table.scrollRectToVisible(new Rectangle(0, table.getHeight() - 1, 1, 1)));
    }

    private void filler() {
        GridBagConstraints rest = row(0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
    }

    /** The entries, one a row, every cell through the display path. */
    private static final class Entries extends AbstractTableModel {
        private static final long serialVersionUID = 1L;
        private transient List<CustodyTimeline.Line> shown = List.of();

        void show(List<CustodyTimeline.Line> lines) {
            shown = lines;
            fireTableStructureChanged();
        }

        @Override
        public int getRowCount() {
            return shown.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int column) {
            return COLUMNS[column].render();
        }

        @Override
        public Object getValueAt(int r, int column) {
            CustodyTimeline.Line line = shown.get(r);
            Entry entry = line.entry();
            if (column == 0) {
                return String.valueOf(line.seq());
            }
            if (entry == null) {
                return column == 2 ? Messages.of("custody.malformed").render() : "";
            }
            switch (column) {
                case 1: return Ltr.of(entry.time()).render();
                case 2: return entry.action().words().render();
                case 3: return Messages.of("custody.signer", line.signerName(),
                        Ltr.of(Fingerprints.grouped(entry.actor()).substring(0, 9))).render();
                default: return Screen.value(entry.subject());
            }
        }

        /** The signer's name and whole fingerprint. */
        String signer(int r) {
            CustodyTimeline.Line line = shown.get(r);
            return line.entry() == null ? null : Messages.of("custody.signer", line.signerName(),
                    Ltr.of(Fingerprints.grouped(line.entry().actor()))).render();
        }
    }

    private GridBagConstraints row(int below) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = row++;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new Insets(0, 0, below, 0);
        return at;
    }

    private static GridBagConstraints line(int y, int below) {
        GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = y;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.FIRST_LINE_START;
        at.insets = new Insets(0, 0, below, 0);
        return at;
    }

    private static void onEventThread(Runnable action) {
        if (SwingUtilities.isEventDispatchThread()) {
            action.run();
        } else {
            SwingUtilities.invokeLater(action);
        }
    }

    /** The page fills the window; the timeline scrolls inside it. */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return true;
    }
}
