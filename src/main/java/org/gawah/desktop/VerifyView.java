package org.gawah.desktop;

import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.nio.file.Path;
import java.time.Instant;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

import org.gawah.Fingerprints;
import org.gawah.Message;
import org.gawah.Sizes;
import org.gawah.app.PackageVerification;
import org.gawah.export.PackageCheck;
import org.gawah.openpgp.Certificate;

/**
 * The verify page, rendered from {@link VerifyModel}: an evidence package dropped or chosen, the
 * passphrase when it is encrypted to this home's key, then every check as it passes and the result
 * as {@code gawah verify} says it: the case, the custodian and whether it is trusted here, the
 * documenters, the items and their signatures, the files, the custody entries. Every value from
 * the package goes through the display path.
 */
final class VerifyView extends PagePanel {
    private static final long serialVersionUID = 1L;

    private final transient VerifyModel model;
    private final transient WindowModel window;
    private final transient Runnable home;
    private int row;

    VerifyView(VerifyModel model, WindowModel window, Runnable home) {
        super(new GridBagLayout());
        this.model = model;
        this.window = window;
        this.home = home;
        setName("page.verify");
        setBorder(BorderFactory.createEmptyBorder(20, 24, 20, 24));
        setTransferHandler(new FileDrop(this::check));
        model.onChange(() -> PageParts.onEventThread(this::render));
        window.onLanguage(locale -> PageParts.onEventThread(this::render));
    }

    VerifyModel model() {
        return model;
    }

    void begin() {
        render();
    }

    /** Checks this package (dropped on the page or the window, or chosen), off the event thread. */
    void check(Path file) {
        if (model.page() == VerifyModel.Page.CHECKING) {
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
        JLabel heading = Words.text(new JLabel(), Messages.of("verify.heading"));
        heading.setName("verify.heading");
        heading.putClientProperty("FlatLaf.styleClass", "h1");
        add(heading, row(12));
        switch (model.page()) {
            case CHOOSE: choose(); break;
            case PASSPHRASE: passphrase(); break;
            case CHECKING: checking(); break;
            case INVALID: invalid(); break;
            default: result(); break;
        }
        for (Message note : model.notes()) {
            add(Words.text(Paragraph.of("verify.note"), note), row(6));
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

    private void choose() {
        PageParts.fileToCheck(this, this::row, "verify", Messages.of("verify.intro", Ltr.of("gawah verify")), Messages.of("verify.drop"),
                Messages.of("verify.choose"), Messages.of("verify.home"), home, this::check);
    }

    private void passphrase() {
        add(Words.text(Paragraph.of("verify.encrypted"), Messages.of("verify.encrypted", Ltr.of(model.file()))), row(10));
        if (model.problem() != null) {
            add(Details.problem("verify.problem", model.problem()), row(10));
        }
        add(Words.text(new JLabel(), Messages.of("verify.passphrase")), row(6));
        JPasswordField passphrase = new JPasswordField(new WipingDocument(), "", 24);
        passphrase.setName("verify.passphrase");
        JPanel line = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        line.setOpaque(false);
        line.add(passphrase);
        line.add(Box.createHorizontalStrut(10));
        JButton go = PagePanel.button("verify.unlock", Messages.of("verify.unlock"), null);
        line.add(go);
        add(line, row(14));
        Runnable start = () -> {
            char[] typed = passphrase.getPassword();
            WipingDocument.wipeAll(passphrase);
            go.setEnabled(false);
            slow(() -> model.unlock(typed));
        };
        go.addActionListener(e -> start.run());
        passphrase.addActionListener(e -> start.run());
        add(PageParts.buttons(PagePanel.button("verify.again", Messages.of("verify.another"), model::again),
                PagePanel.button("verify.home", Messages.of("verify.home"), home)), row(0));
        SwingUtilities.invokeLater(passphrase::requestFocusInWindow);
    }

    private void checking() {
        add(Words.text(Paragraph.of("verify.checking"), Messages.of("verify.checking", Ltr.of(model.file()))), row(8));
        add(PageParts.bar("verify.progress", model.done(), model.of()), row(12));
        add(StepList.of("verify.steps", model.steps()), row(0));
    }

    private void invalid() {
        JTextArea refused = Words.text(Paragraph.of("verify.invalid"), Messages.of("verify.invalid", Ltr.of(model.file())));
        refused.putClientProperty("FlatLaf.styleClass", "h3");
        add(refused, row(8));
        add(Details.problem("verify.problem", model.problem()), row(14));
        add(StepList.of("verify.steps", model.steps()), row(14));
        add(PageParts.buttons(PagePanel.button("verify.again", Messages.of("verify.another"), model::again),
                PagePanel.button("verify.home", Messages.of("verify.home"), home)), row(0));
    }

    private void result() {
        PackageVerification.Result result = model.result();
        PackageCheck.Verified verified = result.verified();
        JLabel title = Words.text(new JLabel(), Messages.of("verify.package", Ltr.of(verified.id())));
        title.setName("verify.package");
        title.putClientProperty("FlatLaf.styleClass", "h2");
        add(title, row(6));
        JTextArea verdict = Words.text(Paragraph.of("verify.verdict"), verified.trusted()
                ? Messages.of("verify.verdict.valid") : Messages.of("verify.verdict.untrusted"));
        verdict.putClientProperty("FlatLaf.styleClass", "h3");
        add(verdict, row(12));
        add(StepList.of("verify.steps", model.steps()), row(12));
        add(details(result), row(14));
        if (!verified.trusted()) {
            add(Details.problem("verify.problem", PackageVerification.untrusted(verified)), row(14));
        }
        add(PageParts.buttons(PagePanel.button("verify.again", Messages.of("verify.another"), model::again),
                PagePanel.button("verify.home", Messages.of("verify.home"), home)), row(0));
    }

    private static Details details(PackageVerification.Result result) {
        PackageCheck.Verified verified = result.verified();
        Certificate custodian = verified.custodian();
        Details details = new Details("verify.report");
        details.line("case", Messages.of("verify.label.case"), Messages.of("verify.case",
                Ltr.of(String.valueOf(verified.info().get("Case-Identifier"))),
                String.valueOf(verified.info().get("Intended-Recipient")),
                String.valueOf(verified.info().get("Profile-Identifier"))));
        details.line("custodian", Messages.of("verify.label.custodian"), Messages.of("verify.signer",
                custodian.userId(), Ltr.of(Fingerprints.grouped(custodian.fingerprint()))));
        details.more("trust", verified.trusted() ? Messages.of("verify.trusted") : Messages.of("verify.not-pinned"));
        custodian.standing(Instant.now()).ifPresent(standing -> details.more("standing",
                Messages.of("verify.standing", standing)));
        int i = 0;
        for (Certificate documenter : verified.documenters()) {
            Message who = Messages.of("verify.signer", documenter.userId(), Ltr.of(Fingerprints.grouped(documenter.fingerprint())));
            if (i++ == 0) {
                details.line("documenter", Messages.of("verify.label.documenters"), who);
            } else {
                details.more("documenter." + i, who);
            }
        }
        details.line("items", Messages.of("verify.label.items"), Messages.of("verify.items", verified.items(),
                verified.signatures()));
        details.line("payload", Messages.of("verify.label.payload"), Messages.of("verify.payload",
                Ltr.of(Sizes.of(verified.payloadBytes()))));
        details.line("custody", Messages.of("verify.label.custody"), Messages.of("verify.custody", verified.custodyEntries()));
        if (result.encryptedBy() != null) {
            details.line("encrypted", Messages.of("verify.label.encrypted"), Messages.of("verify.encrypted-by",
                    result.encryptedBy().userId(), Ltr.of(Fingerprints.grouped(result.encryptedBy().fingerprint())),
                    Ltr.of(result.encryptedBy().signedAt())));
        }
        return details;
    }

    private GridBagConstraints row(int below) {
        return PageParts.row(row++, below);
    }

    private void slow(Runnable work) {
        OffTheEventThread.run(window, "verifying a package", work);
    }

}
