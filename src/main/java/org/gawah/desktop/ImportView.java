package org.gawah.desktop;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

import org.gawah.Fingerprints;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.Sizes;
import org.gawah.app.SubmissionReport;
import org.gawah.bag.Submission;
import org.gawah.tsp.LogTimestamps;

/**
 * The import page, rendered from {@link ImportModel}: a submission bag dropped on the page or
 * chosen; the checks as they pass; the whole report (signature, manifests, custody log, every
 * record and what import does with it) before anything is stored; the passphrase and the Import
 * button, or why the bag is refused; then the import with progress and what it stored. Every
 * value from the bag goes through the display path.
 */
final class ImportView extends PagePanel {
    private static final long serialVersionUID = 1L;
    static final Message[] COLUMNS = {Messages.of("import.column.record"), Messages.of("import.column.sealed"),
            Messages.of("import.column.identity"), Messages.of("import.column.attachments"),
            Messages.of("import.column.fate")};

    private final transient ImportModel model;
    private final transient WindowModel window;
    private final transient Runnable custody;
    private final transient Runnable home;
    private JTable recordsTable;
    private int row;

    /** {@code custody}: shows the custody log (after an import); {@code home}: back to the start. */
    ImportView(ImportModel model, WindowModel window, Runnable custody, Runnable home) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.custody = custody;
        this.home = home;
        setName("page.import");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        setTransferHandler(new FileDrop(this::check));
        model.onChange(() -> PageParts.onEventThread(this::render));
        window.onLanguage(locale -> PageParts.onEventThread(this::render));
    }

    ImportModel model() {
        return model;
    }

    /** Shows the page as it stands. */
    void begin() {
        render();
    }

    /** Checks this bag (dropped on the page or the window, or chosen), off the event thread. */
    void check(Path file) {
        if (model.page() == ImportModel.Page.CHECKING || model.page() == ImportModel.Page.IMPORTING) {
            return;
        }
        slow(() -> model.check(file));
    }

    private void render() {
        if (window.lockedBy() != null) {
            return;
        }
        removeAll();
        row = 0;
        recordsTable = null;
        JLabel heading = Words.text(new JLabel(), Messages.of("import.heading"));
        heading.setName("import.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h1");
        add(heading, row(12));
        switch (model.page()) {
            case CHOOSE: choose(); break;
            case CHECKING: checking(); break;
            case INVALID: invalid(); break;
            case REPORT: report(); break;
            case IMPORTING: importing(); break;
            default: imported(); break;
        }
        for (Message note : model.notes()) {
            add(Words.text(Paragraph.of("import.note"), note), row(6));
        }
        GridBagConstraints rest = row(0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        if (recordsTable != null) {
            PageParts.turnCells(recordsTable);
        }
        revalidate();
        repaint();
    }

    private void choose() {
        PageParts.fileToCheck(this, this::row, "import", Messages.of("import.intro", Ltr.of("gawah submit")), Messages.of("import.drop"),
                Messages.of("import.choose"), Messages.of("import.home"), home, this::check);
    }

    private void checking() {
        add(Words.text(Paragraph.of("import.checking"), Messages.of("import.checking", Ltr.of(model.file()))), row(8));
        add(bar("import.progress"), row(12));
        add(StepList.of("import.steps", model.steps()), row(0));
    }

    private void invalid() {
        JTextArea refused = Words.text(Paragraph.of("import.refused"), Messages.of("import.refused", Ltr.of(model.file())));
        refused.putClientProperty("FlatLaf.styleClass", "h3");
        add(refused, row(8));
        add(Details.problem("import.problem", model.problem()), row(14));
        add(StepList.of("import.steps", model.steps()), row(14));
        add(buttons(PagePanel.button("import.again", Messages.of("import.another"), model::again),
                PagePanel.button("import.home", Messages.of("import.home"), home)), row(0));
    }

    private void report() {
        SubmissionReport report = model.report();
        Submission.Verified bag = report.bag();
        JLabel title = Words.text(new JLabel(), Messages.of("import.bag", Ltr.of(bag.id())));
        title.setName("import.bag");
        title.putClientProperty("FlatLaf.styleClass", "h2");
        add(title, row(6));
        JTextArea verdict = Words.text(Paragraph.of("import.verdict"), verdict(report));
        verdict.putClientProperty("FlatLaf.styleClass", "h3");
        add(verdict, row(12));
        add(StepList.of("import.steps", model.steps()), row(12));
        add(details(report), row(12));
        add(records(report), row(12));
        for (SubmissionReport.Planned planned : report.records()) {
            if (planned.why() != null) {
                add(Words.text(Paragraph.of("import.why"), planned.why()), row(6));
            }
        }
        if (report.importable()) {
            if (model.problem() != null) {
                add(Details.problem("import.problem", model.problem()), row(10));
            }
            passphrase();
        } else if (report.refusal() != null) {
            add(Details.problem("import.problem", report.refusal()), row(14));
        }
        add(buttons(PagePanel.button("import.again", Messages.of("import.another"), model::again),
                PagePanel.button("import.home", Messages.of("import.home"), home)), row(0));
    }

    private static Message verdict(SubmissionReport report) {
        if (report.signer() == SubmissionReport.Signer.NOT_PINNED) {
            return Messages.of("import.verdict.untrusted");
        }
        if (report.refusal() != null) {
            return Messages.of("import.verdict.refused");
        }
        if (report.importedBefore().isPresent()) {
            return Messages.of("import.verdict.already", Ltr.of(report.importedBefore().get().time()));
        }
        return Messages.of("import.verdict.ready");
    }

    private JComponent details(SubmissionReport report) {
        Submission.Verified bag = report.bag();
        Details details = new Details("import.report");
        details.line("documenter", Messages.of("import.label.documenter"), Messages.of("import.documenter",
                bag.documenter().userId(), Ltr.of(Fingerprints.grouped(bag.documenter().fingerprint()))));
        details.more("trust", report.signer() == SubmissionReport.Signer.NOT_PINNED
                ? Messages.of("import.not-pinned") : Messages.of("import.pinned"));
        bag.documenter().standing(Instant.now()).ifPresent(standing -> details.more("standing",
                Messages.of("import.standing", standing)));
        details.line("made", Messages.of("import.label.made"), Messages.of("import.made",
                Ltr.of(String.valueOf(bag.info().get("Bagging-Date"))), String.valueOf(bag.info().get("Source-Organization"))));
        details.line("custody", Messages.of("import.label.custody-log"), Messages.of("import.custody-log",
                bag.log().size(), Ltr.of(bag.head().time())));
        details.line("payload", Messages.of("import.label.payload"), Messages.of("import.payload",
                bag.payloadSha256().size(), Ltr.of(Sizes.of(bag.payloadBytes()))));
        details.line("records", Messages.of("import.label.records"), Messages.of("import.records",
                bag.records().size(), report.identities(), bag.attachmentCount()));
        List<LogTimestamps.Proof> proofs = report.timestamps();
        if (proofs.isEmpty()) {
            details.line("timestamps", Messages.of("import.label.timestamps"), Messages.of("import.timestamps.none"));
        } else {
            details.line("timestamps", Messages.of("import.label.timestamps"), timestamp(proofs.get(0)));
            for (LogTimestamps.Proof proof : proofs.subList(1, proofs.size())) {
                details.more("timestamps", timestamp(proof));
            }
        }
        return details;
    }

    private static Message timestamp(LogTimestamps.Proof proof) {
        return Messages.of("import.timestamp", proof.covered(), Ltr.of(proof.time()), proof.tsa());
    }

    /** Every record of the bag, one a row, with what import does with it. */
    private JComponent records(SubmissionReport report) {
        JTable table = new JTable(planned(report.records()));
        recordsTable = table;
        table.setName("import.records");
        table.setFocusable(false);
        table.setRowSelectionAllowed(false);
        table.getTableHeader().putClientProperty("html.disable", Boolean.TRUE);
        table.getTableHeader().setReorderingAllowed(false);
        int[] widths = {230, 190, 90, 90, 220};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        JPanel panel = new JPanel(new BorderLayout());
        panel.setName("import.records.panel");
        panel.setBorder(BorderFactory.createLineBorder(javax.swing.UIManager.getColor("Component.borderColor")));
        panel.add(table.getTableHeader(), BorderLayout.PAGE_START);
        panel.add(table, BorderLayout.CENTER);
        return panel;
    }

    /** The records of the report, every cell through the display path. */
    private static WordedRows<SubmissionReport.Planned> planned(List<SubmissionReport.Planned> records) {
        WordedRows<SubmissionReport.Planned> rows = new WordedRows<>(COLUMNS,
                planned -> Screen.value(planned.meta().id()),
                planned -> Ltr.of(planned.meta().sealedAt()).render(),
                planned -> (planned.meta().identityFile() == null ? Messages.of("import.identity.no")
                        : Messages.of("import.identity.yes")).render(),
                planned -> String.valueOf(planned.meta().attachments().size()),
                planned -> fate(planned.fate()).render());
        rows.show(records);
        return rows;
    }

    static Message fate(SubmissionReport.Fate fate) {
        switch (fate) {
            case NEW: return Messages.of("import.fate.new");
            case CLAIM: return Messages.of("import.fate.claim");
            case HERE: return Messages.of("import.fate.here");
            case SKIPPED: return Messages.of("import.fate.skipped");
            case CONFLICT: return Messages.of("import.fate.conflict");
            default: return Messages.of("import.fate.not-judged");
        }
    }

    private void passphrase() {
        add(Words.text(Paragraph.of("import.ready"), Messages.of("import.ready", model.report().newRecords())), row(8));
        add(Words.text(new JLabel(), Messages.of("import.passphrase")), row(6));
        JPasswordField passphrase = new JPasswordField(new WipingDocument(), "", 24);
        passphrase.setName("import.passphrase");
        JPanel line = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        line.setOpaque(false);
        line.add(passphrase);
        line.add(Box.createHorizontalStrut(10));
        JButton go = PagePanel.button("import.import", Messages.of("import.import"), null);
        line.add(go);
        add(line, row(14));
        Runnable start = () -> {
            char[] typed = passphrase.getPassword();
            WipingDocument.wipeAll(passphrase);
            go.setEnabled(false);
            slow(() -> model.importBag(typed));
        };
        go.addActionListener(e -> start.run());
        passphrase.addActionListener(e -> start.run());
        SwingUtilities.invokeLater(passphrase::requestFocusInWindow);
    }

    private void importing() {
        add(Words.text(Paragraph.of("import.importing"), Messages.of("import.importing",
                Ltr.of(model.report().bag().id()))), row(8));
        add(bar("import.progress"), row(0));
    }

    private void imported() {
        SubmissionReport report = model.report();
        JTextArea done = Words.text(Paragraph.of("import.imported"), Messages.of("import.imported",
                Ltr.of(report.bag().id()), model.outcome().added(), model.outcome().here()));
        done.putClientProperty("FlatLaf.styleClass", "h3");
        add(done, row(8));
        add(Words.text(Paragraph.of("import.imported.logged"), Messages.of("import.imported.logged")), row(8));
        for (Message skipped : model.outcome().skipped()) {
            add(Words.text(Paragraph.of("import.skipped"), skipped), row(6));
        }
        if (model.unchecked() > 0) {
            add(Words.text(Paragraph.of("import.unchecked"), Messages.of("import.unchecked", model.unchecked())), row(6));
        }
        add(buttons(PagePanel.button("import.custody", Messages.of("import.show-custody"), custody),
                PagePanel.button("import.again", Messages.of("import.another"), model::again),
                PagePanel.button("import.home", Messages.of("import.home"), home)), row(0));
    }

    private JProgressBar bar(String name) {
        return PageParts.bar(name, model.done(), model.of());
    }

    private static JPanel buttons(JButton... buttons) {
        return PageParts.buttons(buttons);
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "importing a bag", work);
    }

}
