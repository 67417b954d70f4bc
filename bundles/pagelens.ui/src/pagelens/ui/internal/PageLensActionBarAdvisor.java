package pagelens.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/** File, Window and Help menus; commands contribute to them through plugin.xml. */
public final class PageLensActionBarAdvisor extends ActionBarAdvisor {

    private IWorkbenchAction quit;
    private IWorkbenchAction close;
    private IWorkbenchAction closeAll;
    private IWorkbenchAction about;
    private IWorkbenchAction resetPerspective;
    private IWorkbenchAction preferences;
    private IWorkbenchAction export;
    private IWorkbenchAction undo;
    private IWorkbenchAction redo;

    PageLensActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        quit = register(ActionFactory.QUIT.create(window));
        close = register(ActionFactory.CLOSE.create(window));
        closeAll = register(ActionFactory.CLOSE_ALL.create(window));
        about = register(ActionFactory.ABOUT.create(window));
        resetPerspective = register(ActionFactory.RESET_PERSPECTIVE.create(window));
        preferences = register(ActionFactory.PREFERENCES.create(window));
        export = register(ActionFactory.EXPORT.create(window));
        undo = register(ActionFactory.UNDO.create(window));
        redo = register(ActionFactory.REDO.create(window));
    }

    private IWorkbenchAction register(IWorkbenchAction a) {
        super.register(a);
        return a;
    }

    /** File > Recent Evidence: filled each time it is shown; evidence that no longer exists is shown disabled. */
    public static MenuManager recentMenu() {
        MenuManager recent = new MenuManager("Recent &Evidence", "pagelens.recent");
        recent.setRemoveAllWhenShown(true);
        recent.addMenuListener(m -> fillRecent(m));
        return recent;
    }

    /** Adds one action per recent evidence path to {@code m}. */
    public static void fillRecent(IMenuManager m) {
        java.util.List<java.nio.file.Path> list = pagelens.ui.model.RecentEvidence.list();
        if (list.isEmpty()) {
            org.eclipse.jface.action.Action none = new org.eclipse.jface.action.Action("(none yet)") {
            };
            none.setEnabled(false);
            m.add(none);
            return;
        }
        int n = 1;
        for (java.nio.file.Path p : list) {
            boolean ok = pagelens.ui.model.RecentEvidence.available(p);
            org.eclipse.jface.action.Action a = new org.eclipse.jface.action.Action((n <= 9 ? "&" + n + " " : "") + p.getFileName()
                    + (ok ? "" : " (missing)")) {
                @Override
                public void run() {
                    org.eclipse.ui.IWorkbenchWindow w = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow();
                    if (w != null) {
                        pagelens.ui.editors.EvidenceOpener.open(w, java.util.List.of(p));
                    }
                }
            };
            a.setToolTipText(p.toString());
            a.setEnabled(ok);
            m.add(a);
            n++;
        }
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(recentMenu());
        file.add(new Separator());
        file.add(export);
        file.add(new Separator());
        file.add(close);
        file.add(closeAll);
        file.add(new Separator());
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));
        file.add(quit);
        menuBar.add(file);
        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(undo);
        edit.add(redo);
        edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(edit);
        MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        window.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        window.add(resetPerspective);
        window.add(preferences);
        menuBar.add(window);
        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(about);
        menuBar.add(help);
    }
}
