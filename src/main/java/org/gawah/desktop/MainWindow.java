package org.gawah.desktop;

import java.awt.AWTEvent;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.Timer;
import javax.swing.WindowConstants;

import org.gawah.Language;

/**
 * The window: a header with the program's name, the language switch and the lock button; the page
 * area; a footer saying when it locks itself. It renders {@link WindowModel} and forwards to it:
 * a language chosen, a lock asked for (button, Ctrl+L), activity for the idle clock. When the model
 * locks, from whatever thread, the window wipes every field typed into and closes.
 */
final class MainWindow {
    /** Each language's own name, written in that language: not translated, so not in a bundle. */
    static final Map<Locale, String> AUTONYMS = Map.of(
            Language.ENGLISH, "English",
            Language.DARI, "دری",
            Language.PASHTO, "پښتو");
    private static final int IDLE_CHECK_MILLIS = 1000;

    private final WindowModel model;
    private final JFrame frame = new JFrame();
    private final JLabel title = Words.text(new JLabel(), Messages.of("window.title"));
    private final Path home;
    private final WelcomeView welcome;
    private final JScrollPane pages;
    private InterviewView interview;
    private SetupView setup;
    private RecordsView records;
    private ReaderView reader;
    // The legal team's import, verify and custody pages (issue 18), made when first shown.
    private ImportView importPage;
    private VerifyView verifyPage;
    private CustodyView custodyPage;
    private AttachView attach;
    private CasesView cases;
    private ExportView export;
    private MyRecordsView myRecords;
    private final Timer idleTimer;
    private final AWTEventListener activity;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** The header's pages and the homes that can use each ({@link HomeRole}): none is offered before the home is read. */
    private final Map<JComponent, java.util.Set<HomeRole>> offered = new java.util.LinkedHashMap<>();

    private MainWindow(WindowModel model, Path home) {
        this.model = model;
        frame.setName("gawah.window");
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                model.lock(LockReason.CLOSED);
            }
        });
        this.home = home;
        WelcomeModel read = model.page(new WelcomeModel(home));
        welcome = new WelcomeView(read, model, this::showInterview, this::showSetup,
                () -> showAttach(null), this::resumeInterview, this::showMyRecords);
        read.onChange(() -> PageParts.onEventThread(() -> offer(read.role())));
        pages = new JScrollPane(welcome);
        pages.setName("pages");
        pages.setBorder(BorderFactory.createEmptyBorder());
        JPanel content = new JPanel(new BorderLayout());
        content.add(header(), BorderLayout.PAGE_START);
        content.add(pages, BorderLayout.CENTER);
        content.add(footer(), BorderLayout.PAGE_END);
        frame.setContentPane(content);
        // A bag or package dropped where no page takes files: the page that checks it opens with it.
        content.setTransferHandler(new FileDrop(this::received));
        bindLockKeys();
        activity = event -> model.idle().touch();
        Toolkit.getDefaultToolkit().addAWTEventListener(activity, AWTEvent.KEY_EVENT_MASK | AWTEvent.MOUSE_EVENT_MASK
                | AWTEvent.MOUSE_MOTION_EVENT_MASK | AWTEvent.MOUSE_WHEEL_EVENT_MASK);
        idleTimer = new Timer(IDLE_CHECK_MILLIS, e -> model.checkIdle());
        model.onLanguage(locale -> PageParts.onEventThread(this::showLanguage));
        model.onLock(reason -> PageParts.onEventThread(this::close));
    }

    /** Makes the window and shows it, on the event thread. */
    static MainWindow show(WindowModel model, Path home) {
        MainWindow window = new MainWindow(model, home);
        window.showLanguage();
        window.frame.setMinimumSize(new Dimension(720, 520));
        window.frame.setSize(960, 680);
        window.frame.setLocationRelativeTo(null);
        window.frame.setVisible(true);
        window.idleTimer.start();
        window.welcome.check();
        return window;
    }

    /** The welcome page again, the home read again. */
    private void showWelcome() {
        pages.setViewportView(welcome);
        welcome.check();
    }

    /** The interview's pages, beginning a new interview. */
    private void showInterview() {
        interviewPages().begin();
    }

    /** The interview's pages, taking up the draft an interrupted interview left. */
    private void resumeInterview(String draftId) {
        interviewPages().resume(draftId);
    }

    private InterviewView interviewPages() {
        if (interview == null) {
            interview = new InterviewView(model.page(new InterviewModel(home, model.key())), model, this::showWelcome);
        }
        pages.setViewportView(interview);
        return interview;
    }

    /** The documenter's own sealed records, and submitting them to a folder. */
    private void showMyRecords() {
        if (myRecords == null) {
            myRecords = new MyRecordsView(model.page(new MyRecordsModel(home, model.key())), model, this::showWelcome);
            myRecords.addRecordAction("my-records.attach", Messages.of("my-records.attach"), this::showAttach);
        }
        pages.setViewportView(myRecords);
        myRecords.begin();
    }

    /** The documenter's records page, once it was opened; else null. */
    MyRecordsView myRecordsView() {
        return myRecords;
    }

    /** The first run's pages: the key, then the team's certificates. */
    private void showSetup() {
        if (setup == null) {
            setup = new SetupView(model.page(new SetupModel(home, model.key())), model, this::showWelcome);
        }
        pages.setViewportView(setup);
        setup.begin();
    }

    /** The first run's model, once its pages were opened; else null. */
    SetupModel setupModel() {
        return setup == null ? null : setup.model();
    }

    /** The legal team's records: every record of the vault in one table, once the key is unlocked. */
    private void showRecords() {
        if (records == null) {
            records = new RecordsView(model.page(new RecordsModel(home)), model, this::showReader, this::showWelcome);
            records.onAddToCase(this::showCases);
        }
        pages.setViewportView(records);
        records.begin();
    }

    /** One record read, from the records' table. */
    private void showReader(org.gawah.app.OpenedRecord record) {
        if (reader == null) {
            reader = new ReaderView(model.page(new ReaderModel(records.model())), model, this::showRecords);
        }
        pages.setViewportView(reader);
        reader.show(record);
    }

    /** The import page; with {@code file} (dropped, or null), checking that bag at once. */
    private void showImport(Path file) {
        if (importPage == null) {
            importPage = new ImportView(model.page(new ImportModel(home)), model, this::showCustody, this::showWelcome);
        }
        pages.setViewportView(importPage);
        importPage.begin();
        if (file != null) {
            importPage.check(file);
        }
    }

    /** The verify page; with {@code file} (dropped, or null), checking that package at once. */
    private void showVerify(Path file) {
        if (verifyPage == null) {
            verifyPage = new VerifyView(model.page(new VerifyModel(home)), model, this::showWelcome);
        }
        pages.setViewportView(verifyPage);
        verifyPage.begin();
        if (file != null) {
            verifyPage.check(file);
        }
    }

    /** The custody log as a timeline, with what verify --vault finds. */
    private void showCustody() {
        if (custodyPage == null) {
            custodyPage = new CustodyView(model.page(new CustodyModel(home)), model, this::showWelcome);
        }
        pages.setViewportView(custodyPage);
        custodyPage.begin();
    }

    /** A file dropped on the window: an evidence package to the verify page, anything else to the import page. */
    private void received(Path file) {
        OffTheEventThread.run(model, "reading a dropped file", () -> {
            boolean evidence = ReceivedFile.isEvidencePackage(file);
            PageParts.onEventThread(() -> {
                if (evidence) {
                    showVerify(file);
                } else {
                    showImport(file);
                }
            });
        });
    }

    /** Files attached to one of this home's records ({@code recordId}, or chosen on the page when null). */
    void showAttach(String recordId) {
        if (attach == null) {
            attach = new AttachView(model.page(new AttachModel(home, model.key())), model, this::showWelcome);
        }
        pages.setViewportView(attach);
        attach.begin(recordId);
    }

    /** The attachments page's model, once it was opened; else null. */
    AttachModel attachModel() {
        return attach == null ? null : attach.model();
    }

    /** The legal team's cases, with the records chosen in the records' table (if any) to add to one. */
    private void showCases(java.util.List<String> adding) {
        if (cases == null) {
            cases = new CasesView(model.page(new CasesModel(home, this::teamKey,
                    () -> records.model().casesChanged())), model, this::showRecords, this::showExport);
        }
        pages.setViewportView(cases);
        cases.begin(adding);
    }

    /** An evidence package of a case, from the cases page. */
    private void showExport(String caseId) {
        if (export == null) {
            export = new ExportView(model.page(new ExportModel(home, this::teamKey)), model, () -> showCases(java.util.List.of()));
        }
        pages.setViewportView(export);
        export.begin(caseId);
    }

    /** The key the records page unlocked, for the cases and export pages; null before. */
    private TeamKey teamKey() {
        return records == null ? null : records.model().key();
    }

    /** The cases' and the export's models, once shown; else null. */
    CasesModel casesModel() {
        return cases == null ? null : cases.model();
    }

    ExportModel exportModel() {
        return export == null ? null : export.model();
    }

    /** The records' model, once the records were shown; else null. */
    RecordsModel recordsModel() {
        return records == null ? null : records.model();
    }

    /** The interview's model, once an interview was begun; else null. */
    InterviewModel interviewModel() {
        return interview == null ? null : interview.model();
    }

    JFrame frame() {
        return frame;
    }

    /** Waits until the window has closed. */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private JComponent header() {
        JPanel header = new JPanel(new BorderLayout());
        header.setName("header");
        header.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, javax.swing.UIManager.getColor("Separator.foreground")),
                BorderFactory.createEmptyBorder(8, 16, 8, 16)));
        title.setName("window.title");
        title.putClientProperty("FlatLaf.styleClass", "h2");
        header.add(title, BorderLayout.LINE_START);

        JPanel controls = new JPanel(new WrappingFlowLayout(FlowLayout.TRAILING, 6, 6));
        controls.setName("controls");
        ButtonGroup languages = new ButtonGroup();
        for (Locale locale : Language.SUPPORTED) {
            JToggleButton choice = new JToggleButton(AUTONYMS.get(locale));
            choice.putClientProperty("html.disable", Boolean.TRUE);
            choice.setName("language." + locale.toLanguageTag());
            Words.tip(choice, Messages.of("window.language.tip", AUTONYMS.get(locale)));
            choice.setSelected(locale.equals(model.language()));
            choice.addActionListener(e -> model.language(locale));
            languages.add(choice);
            controls.add(choice);
        }
        JButton recordsButton = Words.text(new JButton(), Messages.of("window.records"));
        recordsButton.setName("records");
        recordsButton.addActionListener(e -> showRecords());
        java.util.Set<HomeRole> legal = java.util.EnumSet.of(HomeRole.LEGAL_TEAM);
        offered.put(recordsButton, legal);
        offered.put(PagePanel.button("import", Messages.of("window.import"), () -> showImport(null)), legal);
        offered.put(PagePanel.button("verify", Messages.of("window.verify"), () -> showVerify(null)),
                java.util.EnumSet.of(HomeRole.LEGAL_TEAM, HomeRole.RECEIVING_BODY));
        offered.put(PagePanel.button("custody", Messages.of("window.custody"), this::showCustody),
                java.util.EnumSet.allOf(HomeRole.class));
        offered.put(PagePanel.button("cases", Messages.of("window.cases"), () -> showCases(java.util.List.of())), legal);
        offered.keySet().forEach(controls::add);
        offer(null);
        JButton lock = Words.text(new JButton(), Messages.of("window.lock"));
        lock.setName("lock");
        Words.tip(lock, Messages.of("window.lock.tip"));
        lock.addActionListener(e -> model.lock(LockReason.BUTTON));
        controls.add(lock);
        header.add(controls, BorderLayout.CENTER);
        return header;
    }

    /** Shows the header's pages that a home of {@code role} can use (none while it is not known). */
    private void offer(HomeRole role) {
        offered.forEach((page, roles) -> page.setVisible(role != null && roles.contains(role)));
        frame.getContentPane().revalidate();
    }

    private JComponent footer() {
        JLabel idle = Words.text(new JLabel(), Messages.of("window.idle", model.idle().limit().toMinutes()));
        idle.setName("window.idle");
        idle.putClientProperty("FlatLaf.styleClass", "small");
        idle.setBorder(BorderFactory.createEmptyBorder(6, 16, 6, 16));
        return idle;
    }

    /** Ctrl+L, and the menu shortcut key with L where that is another key (Command on macOS). */
    private void bindLockKeys() {
        JComponent root = frame.getRootPane();
        AbstractAction lock = new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                model.lock(LockReason.SHORTCUT);
            }
        };
        root.getActionMap().put("gawah.lock", lock);
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_L, InputEvent.CTRL_DOWN_MASK), "gawah.lock");
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(
                KeyStroke.getKeyStroke(KeyEvent.VK_L, Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()), "gawah.lock");
    }

    /** The model's language, on every control: direction and font first, then the words. */
    private void showLanguage() {
        LanguageStyle.of(model.language()).applyTo(frame);
        Words.showAll(frame);
        frame.setTitle(Messages.of("window.title").render());
    }

    /** Wipes what was typed, stops watching, and closes; once. */
    private void close() {
        if (closed.getCount() == 0) {
            return;
        }
        idleTimer.stop();
        Toolkit.getDefaultToolkit().removeAWTEventListener(activity);
        WipingDocument.wipeAll(frame);
        // The records' and the reader's pages may not be the one shown: their fields are wiped too.
        if (records != null) {
            WipingDocument.wipeAll(records);
        }
        if (reader != null) {
            WipingDocument.wipeAll(reader);
            reader.forget();
        }
        for (JComponent page : new JComponent[] {importPage, verifyPage, cases, export, myRecords}) {
            if (page != null) {
                WipingDocument.wipeAll(page);
            }
        }
        frame.dispose();
        closed.countDown();
    }

}
