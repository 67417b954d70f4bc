package pagelens.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import pagelens.ui.editors.EvidenceOpener;

final class PageLensWindowAdvisor extends WorkbenchWindowAdvisor {

    PageLensWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new PageLensActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        // before the window's views and editors: they use NatTable, whose collections need their factories ready
        PageLensApplication.awaitHelper();
        IWorkbenchWindowConfigurer c = getWindowConfigurer();
        c.setInitialSize(new Point(1280, 900));
        c.setShowCoolBar(true);
        c.setShowStatusLine(true);
        c.setShowProgressIndicator(true);
        c.setShowPerspectiveBar(false);
        c.setTitle("PageLens");
        // files and folders dropped on the editor area open as evidence (read-only, like Open Evidence)
        c.addEditorAreaTransfer(org.eclipse.swt.dnd.FileTransfer.getInstance());
        c.configureEditorAreaDropListener(new org.eclipse.swt.dnd.DropTargetAdapter() {
            @Override
            public void drop(org.eclipse.swt.dnd.DropTargetEvent e) {
                if (e.data instanceof String[] names) {
                    EvidenceOpener.openDropped(getWindowConfigurer().getWindow(), names);
                }
            }
        });
    }

    private static boolean isTestHarness() {
        for (String a : Platform.getApplicationArgs()) {
            if (a.startsWith("-test")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void postWindowOpen() {
        List<Path> paths = new ArrayList<>();
        String previous = "";
        for (String a : Platform.getApplicationArgs()) {
            boolean optionValue = previous.startsWith("-");
            previous = a;
            if (a.startsWith("-") || optionValue) {
                continue; // an option, or the value of one (for example a test harness's -testproperties FILE)
            }
            Path p = Paths.get(a).toAbsolutePath().normalize();
            if (Files.exists(p)) {
                paths.add(p);
            } else {
                System.err.println("pagelens: " + a + ": no such file or folder");
            }
        }
        if (paths.isEmpty() && !Boolean.getBoolean("pagelens.nodemo") && !isTestHarness()) {
            // a newcomer with no file sees every view with something in it: the SYNTHETIC demo set
            try {
                paths.addAll(pagelens.core.specimen.DemoSet.write(
                        Paths.get(System.getProperty("user.home"), ".pagelens", "demo"), pagelens.core.io.ProgressMonitor.NULL));
            } catch (java.io.IOException e) {
                System.err.println("pagelens: could not write the demo evidence: " + e.getMessage());
            }
        }
        if (!paths.isEmpty()) {
            EvidenceOpener.open(getWindowConfigurer().getWindow(), paths);
            // the demo starts on its damaged data file: the first thing a newcomer should see
            paths.stream().filter(p -> p.getFileName().toString().equals("demo-damaged.mdf")).findFirst()
                    .ifPresent(p -> EvidenceOpener.openEditor(getWindowConfigurer().getWindow().getActivePage(), p));
        }
        String mark = System.getenv("PAGELENS_STARTUP_MARK");
        if (mark != null && !mark.isBlank()) {
            markWhenShown(Paths.get(mark), paths.isEmpty() ? null : paths.get(0).getFileName().toString());
        }
    }

    /**
     * For the start-up benchmark ({@code releng/bench-workbench.sh}): once the window shows an editor on the first opened
     * evidence, painted, the wall-clock time in milliseconds is written to the file named by PAGELENS_STARTUP_MARK.
     */
    private void markWhenShown(Path mark, String name) {
        org.eclipse.swt.widgets.Display display = getWindowConfigurer().getWindow().getShell().getDisplay();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            org.eclipse.ui.IWorkbenchPage page = getWindowConfigurer().getWindow().getActivePage();
            org.eclipse.ui.IEditorPart editor = page == null ? null : page.getActiveEditor();
            if (name != null && (editor == null || !editor.getTitle().contains(name))) {
                display.timerExec(10, poll[0]);
                return;
            }
            getWindowConfigurer().getWindow().getShell().update(); // painted, not only created
            try {
                Files.writeString(mark, Long.toString(System.currentTimeMillis()));
            } catch (java.io.IOException e) {
                System.err.println("pagelens: could not write the start-up mark " + mark + ": " + e.getMessage());
            }
        };
        display.asyncExec(poll[0]);
    }
}
