package org.gawah.desktop;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Rectangle;
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

import org.gawah.Fingerprints;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.Sizes;
import org.gawah.app.CustodyTimeline;
import org.gawah.app.VaultCheck;
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
    private final WordedRows<CustodyTimeline.Line> entries = entries();
    /** A cell cut short shows itself whole under the pointer; the signer's, the whole fingerprint. */
    private final JTable table = PageParts.table(entries, (r, c) -> c == 3 ? signer(r) : null);
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
        model.onChange(() -> PageParts.onEventThread(this::render));
        window.onLanguage(locale -> PageParts.onEventThread(this::render));
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
        entries.fireTableStructureChanged(); // the headings in the language shown
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
    private static WordedRows<CustodyTimeline.Line> entries() {
        return new WordedRows<>(COLUMNS,
                line -> String.valueOf(line.seq()),
                line -> line.entry() == null ? "" : Ltr.of(line.entry().time()).render(),
                line -> line.entry() == null ? Messages.of("custody.malformed").render() : line.entry().action().words().render(),
                line -> line.entry() == null ? "" : Messages.of("custody.signer", line.signerName(),
                        Ltr.of(Fingerprints.grouped(line.entry().actor()).substring(0, 9))).render(),
                line -> line.entry() == null ? "" : Screen.value(line.entry().subject()));
    }

    /** The signer's name and whole fingerprint. */
    private String signer(int r) {
        CustodyTimeline.Line line = entries.shown().get(r);
        return line.entry() == null ? null : Messages.of("custody.signer", line.signerName(),
                Ltr.of(Fingerprints.grouped(line.entry().actor()))).render();
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
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


    /** The page fills the window; the timeline scrolls inside it. */
    @Override
    public boolean getScrollableTracksViewportHeight() {
        return true;
    }
}
