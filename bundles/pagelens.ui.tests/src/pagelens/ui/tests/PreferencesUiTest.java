package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.ui.editors.PageEditor;
import pagelens.ui.internal.PageLensPreferencePage;
import pagelens.ui.editors.EvidenceOpener;
import pagelens.ui.model.EvidenceRegistry;
import pagelens.ui.model.Settings;

/** Window > Preferences > PageLens: the page paints, its values reach the workbench (calibration folder, colours). */
class PreferencesUiTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() throws Exception {
        Settings.node().remove(Settings.HIGH_CONTRAST);
        Settings.node().remove(Settings.LAYOUTS_FOLDER);
        Settings.node().flush();
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        EvidenceRegistry.get().clear();
    }

    @Test
    void preferencesChangeTheCalibrationFolderAndColours() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(window.getShell(), PageLensPreferencePage.ID, null, null);
        d.setBlockOnOpen(false);
        d.open();
        Screens.spin(300);
        PageLensPreferencePage p = (PageLensPreferencePage) d.getSelectedPage();
        ImageData px = Screens.snapshot(d.getShell());
        Screens.save(px, "preferences.png");
        assertTrue(Screens.colours(px).size() > 5, "the preference page paints");
        p.getPreferenceStore().setValue(Settings.LAYOUTS_FOLDER, tmp.resolve("layouts").toString());
        p.getPreferenceStore().setValue(Settings.HIGH_CONTRAST, true);
        ((org.eclipse.ui.preferences.ScopedPreferenceStore) p.getPreferenceStore()).save();
        d.close();
        assertEquals(tmp.resolve("layouts"), Settings.layoutsFolder());
        assertTrue(Settings.highContrast());

        Path spec = tmp.resolve("hc.mdf");
        DataFileSpecimen.write(spec, DataFileSpecimen.Spec.defaults(32), ProgressMonitor.NULL);
        EvidenceOpener.open(window, List.of(spec));
        Screens.spin(300);
        EvidenceOpener.joinJobs();
        Screens.spin(300);
        PageEditor ed = (PageEditor) page.getActiveEditor();
        ed.showPage(new pagelens.core.page.PageId(1, 20));
        Screens.spin(200);
        ImageData grid = Screens.snapshot(ed.natTable());
        assertTrue(Screens.count(grid, c -> c.equals(new RGB(0x9E, 0xC5, 0xFF))) > 2000, "the header bytes in the high-contrast colour");
    }
}
