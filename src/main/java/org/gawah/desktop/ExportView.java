package org.gawah.desktop;

import java.awt.Color;
import java.awt.ComponentOrientation;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultHighlighter;

import org.gawah.Fingerprints;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.Screen;
import org.gawah.app.Cases;
import org.gawah.app.EvidenceExport;
import org.gawah.export.Item;
import org.gawah.export.Profile;
import org.gawah.export.Report;

/**
 * An evidence package built in the window, rendered from {@link ExportModel}: the case, the
 * receiving body and the receiver's certificate chosen; the preview (what goes, what stays out
 * and why, where each witness's name was found, highlighted in the words around it); then the
 * folder and the build, with progress, and where everything was written. Testimony in the
 * preview is shown through the one display path and held in fields that lock overwrites.
 */
final class ExportView extends PagePanel {
    private static final long serialVersionUID = 1L;

    private final transient ExportModel model;
    private final transient WindowModel window;
    private final transient Runnable back;
    private final JComboBox<Choice> cases = new JComboBox<>();
    private final JComboBox<Choice> profiles = new JComboBox<>();
    private final JTextField certificate = new JTextField(new WipingDocument(), "", 30);
    private final JCheckBox identities = new JCheckBox();
    private final JTextField folder = new JTextField(new WipingDocument(), "", 30);
    private boolean filling;
    private int row;

    ExportView(ExportModel model, WindowModel window, Runnable back) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.back = back;
        setName("page.export");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        cases.setName("export.case");
        profiles.setName("export.profile");
        certificate.setName("export.certificate");
        identities.setName("export.identities");
        identities.putClientProperty("html.disable", Boolean.TRUE);
        identities.setOpaque(false);
        folder.setName("export.folder");
        typedDirection(certificate);
        typedDirection(folder);
        cases.addActionListener(e -> chosen());
        profiles.addActionListener(e -> chosen());
        identities.addActionListener(e -> chosen());
        certificate.addActionListener(e -> chosen());
        model.onChange(() -> PageParts.onEventThread(this::render));
        window.onLanguage(locale -> PageParts.onEventThread(this::render));
    }

    ExportModel model() {
        return model;
    }

    /** Shows the page with {@code caseId} chosen (null: as it was). */
    void begin(String caseId) {
        removeAll();
        add(Words.text(new JLabel(), Messages.of("export.working")), row(0));
        revalidate();
        slow(() -> model.begin(caseId));
    }

    /** What the page shows chosen, told to the model (which forgets a preview that no longer holds). */
    private void chosen() {
        if (filling) {
            return;
        }
        Choice chosenCase = (Choice) cases.getSelectedItem();
        Choice chosenProfile = (Choice) profiles.getSelectedItem();
        ExportModel.Page before = model.page();
        model.choose(chosenCase == null ? null : chosenCase.value(),
                chosenProfile == null ? model.profile() : chosenProfile.value(), certificate.getText(), identities.isSelected());
        if (model.page() != before) {
            render();
        }
    }

    private void render() {
        if (window.lockedBy() != null || model.page() == null) {
            return;
        }
        removeAll();
        row = 0;
        JLabel heading = Words.text(new JLabel(), Messages.of("export.heading"));
        heading.setName("export.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h1");
        add(heading, row(12));
        switch (model.page()) {
            case NEEDS_RECORDS:
                add(Words.text(Paragraph.of("export.needs-records"), Messages.of("cases.needs-records")), row(12));
                break;
            case WORKING:
                choices(false);
                working(Messages.of("export.previewing", model.recordsDone(), model.recordsOf()));
                break;
            case BUILDING:
                choices(false);
                previewShown();
                working(Messages.of("export.building", model.recordsDone(), model.recordsOf()));
                break;
            case CHOOSING:
                choices(true);
                break;
            case PREVIEW:
                choices(true);
                previewShown();
                build();
                break;
            default:
                choices(true);
                previewShown();
                built();
                break;
        }
        GridBagConstraints rest = row(0);
        rest.weighty = 1;
        JPanel filler = new JPanel();
        filler.setOpaque(false);
        add(filler, rest);
        applyComponentOrientation(LanguageStyle.of(window.language()).orientation());
        followTyped(certificate);
        followTyped(folder);
        // After the page turned: each excerpt of testimony keeps the direction of its own text.
        for (java.awt.Component c : getComponents()) {
            Object kind = c instanceof JComponent ? ((JComponent) c).getClientProperty("gawah.export") : null;
            if ("excerpt".equals(kind)) {
                c.setComponentOrientation(ReaderView.direction(((JTextArea) c).getText()));
            } else if ("path".equals(kind)) {
                c.setComponentOrientation(ComponentOrientation.LEFT_TO_RIGHT);
            }
        }
        revalidate();
        repaint();
    }

    /** The case, the receiving body, the certificate, the identities; and the preview button when {@code enabled}. */
    private void choices(boolean enabled) {
        add(Words.text(Paragraph.of("export.intro"), Messages.of("export.intro")), row(12));
        fillChoices();
        add(labelled(Messages.of("export.case.label"), cases), row(8));
        add(labelled(Messages.of("export.profile.label"), profiles), row(8));
        JLabel certificateLabel = Words.text(new JLabel(), Messages.of("export.certificate.label"));
        certificateLabel.setLabelFor(certificate);
        add(certificateLabel, row(4));
        add(fileLine(certificate, "export.certificate.choose", false), row(4));
        add(Words.text(Paragraph.of("export.certificate.about"), model.recipient() == null
                ? Messages.of("export.certificate.none")
                : Messages.of("export.certificate.shown", model.recipient().userId(),
                        Ltr.of(Fingerprints.grouped(model.recipient().fingerprint())))), row(8));
        Words.text(identities, Messages.of("export.identities"));
        add(identities, row(12));
        if (model.page() != ExportModel.Page.PREVIEW) {
            problem(); // else under the folder, where the build that met it is
        }
        JComponent preview = button("export.preview", Messages.of("export.preview"), () -> {
            chosen();
            slow(model::runPreview);
        });
        preview.setEnabled(enabled);
        add(buttons(preview, button("export.back", Messages.of("export.back"), back)), row(16));
    }

    private void fillChoices() {
        filling = true;
        try {
            cases.removeAllItems();
            for (Cases.Listed listed : model.cases()) {
                Message shown = listed.title() == null ? Messages.of("export.case.choice-sealed", Ltr.of(listed.id()))
                        : Messages.of("export.case.choice", Ltr.of(listed.id()), listed.title());
                cases.addItem(new Choice(shown.render(), listed.id()));
                if (listed.id().equals(model.caseId())) {
                    cases.setSelectedIndex(cases.getItemCount() - 1);
                }
            }
            profiles.removeAllItems();
            for (String name : Profile.NAMES) {
                profiles.addItem(new Choice(Profile.named(name).recipientName().render(), name));
                if (name.equals(model.profile())) {
                    profiles.setSelectedIndex(profiles.getItemCount() - 1);
                }
            }
            if (!certificate.getText().strip().equals(model.certificateTyped())) {
                certificate.setText(model.certificateTyped());
            }
            identities.setSelected(model.identities());
        } finally {
            filling = false;
        }
    }

    /** What the preview found: what goes, what stays out and why, each name found in context, what was searched. */
    private void previewShown() {
        EvidenceExport.Preview preview = model.preview();
        if (preview == null) {
            return;
        }
        Report report = preview.report();
        heading(Messages.of("export.goes.heading", report.items().size()), "export.goes.heading");
        int i = 0;
        for (Item item : report.items()) {
            Message words = item.withheld().isEmpty() ? Messages.of("export.goes.item", Ltr.of(item.path()), kind(item.kind()))
                    : Messages.of("export.goes.redacted", Ltr.of(item.path()), kind(item.kind()),
                            Ltr.of(String.join(", ", item.withheld())));
            add(line("export.goes." + i++, words), row(2));
        }
        heading(Messages.of("export.out.heading", report.leftOut().size()), "export.out.heading");
        if (report.leftOut().isEmpty()) {
            add(line("export.out.none", Messages.of("export.out.none")), row(2));
        }
        i = 0;
        java.util.Set<Report.Remedy> offered = new java.util.HashSet<>();
        for (Report.LeftOut left : report.leftOut()) {
            add(line("export.out." + i++, left.item() == null ? Messages.of("export.out.record", Ltr.of(left.recordId()), left.reason())
                    : Messages.of("export.out.item", Ltr.of(left.recordId()), Ltr.of(left.item()), left.reason())), row(2));
            if (left.remedy() != null && offered.add(left.remedy())) {
                add(said(left.remedy(), false), row(4));
            }
        }
        saidToGo();
        List<ExportModel.Excerpt> excerpts = model.excerpts();
        heading(Messages.of("export.names.heading", excerpts.size()), "export.names.heading");
        add(Words.text(Paragraph.of("export.names.about"), Messages.of("export.names.about")), row(6));
        i = 0;
        for (ExportModel.Excerpt excerpt : excerpts) {
            add(line("export.names.where." + i, Messages.of("export.names.where", Ltr.of(excerpt.recordId()),
                    Ltr.of(excerpt.path()))), row(2));
            add(excerpt(excerpt, "export.excerpt." + i++), row(8));
        }
        heading(Messages.of("export.searched.heading"), "export.searched.heading");
        i = 0;
        for (Report.LeftOut searched : report.searched()) {
            add(line("export.searched." + i++, Messages.of("export.out.record", Ltr.of(searched.recordId()), searched.reason())),
                    row(2));
        }
        for (Report.LeftOut unsearched : report.notSearched()) {
            add(line("export.searched." + i++, unsearched.item() == null
                    ? Messages.of("export.not-searched.record", Ltr.of(unsearched.recordId()), unsearched.reason())
                    : Messages.of("export.not-searched.item", Ltr.of(unsearched.recordId()), Ltr.of(unsearched.item()),
                            unsearched.reason())), row(2));
        }
        for (Message note : report.notes()) {
            add(line("export.note." + i++, note), row(2));
        }
        add(Box.createVerticalStrut(12), row(0));
    }

    /** What a person said may go (gawah export's --reviewed and --with-location), each ticked: untick to take it back. */
    private void saidToGo() {
        List<Report.Remedy> said = new java.util.ArrayList<>();
        model.reviewed().forEach(id -> said.add(Report.Remedy.reviewed(id)));
        model.located().forEach(id -> said.add(Report.Remedy.withLocation(id)));
        if (said.isEmpty()) {
            return;
        }
        heading(Messages.of("export.said.heading", said.size()), "export.said.heading");
        add(line("export.said.about", Messages.of("export.said.about", Ltr.of("gawah export --reviewed ID"),
                Ltr.of("gawah export --with-location GWA-ID"))), row(4));
        for (Report.Remedy remedy : said) {
            add(said(remedy, true), row(2));
        }
    }

    /**
     * A tick box that says {@code remedy} (a person read the item, or a file may go with its
     * location); ticked or unticked, the preview is read again with what it says.
     */
    private JCheckBox said(Report.Remedy remedy, boolean ticked) {
        JCheckBox box = new JCheckBox();
        box.setName((remedy.withLocation() ? "export.with-location." : "export.reviewed.") + remedy.id());
        box.putClientProperty("html.disable", Boolean.TRUE);
        box.setOpaque(false);
        // No left-to-right mark around the id: a Dari or Pashto line begins with a word of its own (a line that
        // began with the id, or a mark, would run left to right), and an id reads the same either way.
        Words.text(box, remedy.withLocation() ? Messages.of("export.with-location", remedy.id())
                : Messages.of("export.reviewed", remedy.id()));
        box.setSelected(ticked);
        box.setEnabled(model.page() == ExportModel.Page.PREVIEW || model.page() == ExportModel.Page.BUILT);
        box.addActionListener(e -> {
            boolean now = box.isSelected();
            slow(() -> {
                if (remedy.withLocation()) {
                    model.withLocation(remedy.id(), now);
                } else {
                    model.review(remedy.id(), now);
                }
            });
        });
        return box;
    }

    /**
     * One excerpt: the words before, the name as found, the words after, each piece through the
     * display path, the name highlighted; in a field lock overwrites, running in the text's own direction.
     */
    private JTextArea excerpt(ExportModel.Excerpt excerpt, String name) {
        String before = Screen.line(excerpt.before());
        String match = Screen.line(excerpt.match());
        String after = Screen.line(excerpt.after());
        JTextArea text = Paragraph.of(name);
        text.setDocument(new WipingDocument());
        text.setText(before + match + after);
        ((javax.swing.text.DefaultCaret) text.getCaret()).setUpdatePolicy(javax.swing.text.DefaultCaret.NEVER_UPDATE);
        text.putClientProperty("gawah.export", "excerpt");
        text.setBorder(BorderFactory.createEmptyBorder(4, 12, 4, 12));
        text.setOpaque(true);
        text.setBackground(blend(UIManager.getColor("Panel.background"), UIManager.getColor("Label.foreground")));
        try {
            text.getHighlighter().addHighlight(before.length(), before.length() + match.length(),
                    new DefaultHighlighter.DefaultHighlightPainter(new Color(0xFF, 0xD5, 0x4F)));
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
        text.setComponentOrientation(ReaderView.direction(text.getText()));
        return text;
    }

    /** A shade between the page's background and its text, a little darker than the page: the excerpt stands out. */
    private static Color blend(Color background, Color foreground) {
        return new Color((background.getRed() * 15 + foreground.getRed()) / 16,
                (background.getGreen() * 15 + foreground.getGreen()) / 16,
                (background.getBlue() * 15 + foreground.getBlue()) / 16);
    }

    /** The folder and the build button, under the preview. */
    private void build() {
        JLabel folderLabel = Words.text(new JLabel(), Messages.of("export.folder.label"));
        folderLabel.setLabelFor(folder);
        add(folderLabel, row(4));
        add(fileLine(folder, "export.folder.choose", true), row(8));
        add(Words.text(Paragraph.of("export.build.about"), model.recipient() == null
                ? Messages.of("export.build.plaintext") : Messages.of("export.build.encrypted")), row(8));
        problem();
        add(buttons(button("export.build", Messages.of("export.build"), () -> {
            String typed = folder.getText();
            slow(() -> model.build(typed));
        })), row(0));
    }

    /** What was written: the package and beside it its reports (and the certificate), the folder on a line of its own. */
    private void built() {
        EvidenceExport.Built built = model.built();
        if (built == null) {
            return;
        }
        EvidenceExport.Outputs outputs = built.outputs();
        Message recipient = Profile.named(model.profile()).recipientName();
        add(line("export.built", model.recipient() == null
                ? Messages.of("export.built.plaintext", Ltr.of(built.bagId()), recipient, built.report().items().size(),
                        org.gawah.Sizes.of(built.size()))
                : Messages.of("export.built.encrypted", Ltr.of(built.bagId()), recipient, built.report().items().size(),
                        org.gawah.Sizes.of(built.size()), Ltr.of(Fingerprints.grouped(model.recipient().fingerprint())))), row(6));
        add(line("export.built.where", Messages.of("export.built.where")), row(2));
        add(path("export.built.folder", outputs.packageFile().toAbsolutePath().getParent()), row(6));
        add(line("export.built.package", Messages.of("export.built.package", Ltr.of(outputs.packageFile().getFileName()))), row(2));
        add(line("export.built.report", Messages.of("export.built.report", Ltr.of(outputs.textReport().getFileName()))),
                row(2));
        if (outputs.companion() != null) {
            add(line("export.built.custodian", Messages.of("export.built.custodian",
                    Ltr.of(outputs.companion().getFileName()))), row(2));
        }
        add(line("export.built.verify", Messages.of("export.built.verify",
                Ltr.of("gawah verify " + outputs.packageFile().getFileName()))), row(0));
    }

    /** A path on a line of its own, left to right in every language, through the display path. */
    private static JTextArea path(String name, java.nio.file.Path path) {
        JTextArea text = Paragraph.of(name);
        text.setText(Screen.line(String.valueOf(path)));
        text.putClientProperty("gawah.export", "path");
        return text;
    }

    private void working(Message words) {
        add(Words.text(new JLabel(), words), row(4));
        JProgressBar bar = new JProgressBar(0, Math.max(1, model.recordsOf()));
        bar.setName("export.progress");
        bar.setValue(model.recordsDone());
        add(bar, row(4));
        if (model.attachment() != null) {
            add(Words.text(new JLabel(), Messages.of("export.attachment", Ltr.of(model.attachment()),
                    model.attachmentPercent())), row(4));
        }
    }

    private void problem() {
        GawahException problem = model.problem();
        if (problem == null) {
            return;
        }
        JTextArea said = Words.text(Paragraph.of("export.problem"), problem.message());
        said.putClientProperty("FlatLaf.style", "foreground: $Component.error.focusedBorderColor");
        add(said, row(problem.hintMessage() == null ? 10 : 2));
        if (problem.hintMessage() != null) {
            add(Words.text(Paragraph.of("export.problem.hint"), problem.hintMessage()), row(10));
        }
    }

    /** A kind of item in the window's words. */
    private static Message kind(Item.Kind kind) {
        switch (kind) {
            case TESTIMONY: return Messages.of("export.kind.testimony");
            case REDACTED_TESTIMONY: return Messages.of("export.kind.redacted");
            case READING: return Messages.of("export.kind.reading");
            case IDENTITY: return Messages.of("export.kind.identity");
            default: return Messages.of("export.kind.attachment");
        }
    }

    private void heading(Message words, String name) {
        add(Box.createVerticalStrut(6), row(0));
        JLabel heading = Words.text(new JLabel(), words);
        heading.setName(name);
        heading.putClientProperty("FlatLaf.styleClass", "h3");
        add(heading, row(4));
    }

    /** A line of the page's words that wraps at the page's width. */
    private static JTextArea line(String name, Message words) {
        return Words.text(Paragraph.of(name), words);
    }

    private static JPanel labelled(Message label, JComponent field) {
        JPanel line = new JPanel(new GridBagLayout());
        line.setOpaque(false);
        JLabel words = Words.text(new JLabel(), label);
        words.setLabelFor(field);
        GridBagConstraints at = new GridBagConstraints();
        at.insets = new Insets(0, 0, 0, 8);
        line.add(words, at);
        GridBagConstraints rest = new GridBagConstraints();
        rest.weightx = 1;
        rest.fill = GridBagConstraints.HORIZONTAL;
        line.add(field, rest);
        return line;
    }

    /** A path field with a button that fills it from a file chooser (folders only for {@code folders}). */
    private JPanel fileLine(JTextField field, String name, boolean folders) {
        JPanel line = new JPanel(new GridBagLayout());
        line.setOpaque(false);
        GridBagConstraints at = new GridBagConstraints();
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        line.add(field, at);
        GridBagConstraints after = new GridBagConstraints();
        after.insets = new Insets(0, 10, 0, 0);
        line.add(button(name, Messages.of("export.choose"), () -> {
            // One way to choose a file in the window (FileChoice): its words, direction and digits.
            JFileChooser chooser = FileChoice.chooser(this, folders ? Messages.of("export.choose.folder")
                    : Messages.of("export.choose.certificate"), false);
            if (folders) {
                chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            }
            List<java.nio.file.Path> chosen = FileChoice.choose(this, chooser);
            if (!chosen.isEmpty()) {
                field.setText(chosen.get(0).toString());
                chosen();
            }
        }), after);
        field.setMinimumSize(new Dimension(160, field.getPreferredSize().height));
        return line;
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "the export", work);
    }

}
