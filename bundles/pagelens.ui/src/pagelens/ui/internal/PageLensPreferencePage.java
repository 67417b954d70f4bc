package pagelens.ui.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import pagelens.ui.model.Settings;

/** Window > Preferences > PageLens: calibration folder, colours, report defaults. */
public final class PageLensPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "pagelens.ui.preferences";

    public PageLensPreferencePage() {
        super(GRID);
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, Settings.NODE);
        store.setDefault(Settings.LAYOUTS_FOLDER, Settings.defaultLayoutsFolder());
        store.setDefault(Settings.TITLE, "PageLens findings");
        store.setDefault(Settings.ANALYST, System.getProperty("user.name", ""));
        setPreferenceStore(store);
        setDescription("Calibrated boot page layouts (pagelens calibrate) in the calibration folder win for their dbi_version. "
                + "The report defaults pre-fill File > Export > PageLens Findings Report.");
    }

    @Override
    public void init(IWorkbench workbench) {
        // nothing
    }

    @Override
    protected void createFieldEditors() {
        addField(new DirectoryFieldEditor(Settings.LAYOUTS_FOLDER, "&Calibration folder:", getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                // the folder need not exist yet (pagelens calibrate creates it), but it must not be a file
                String v = getStringValue().trim();
                if (!v.isEmpty() && java.nio.file.Files.exists(java.nio.file.Paths.get(v)) && !java.nio.file.Files.isDirectory(java.nio.file.Paths.get(v))) {
                    setErrorMessage("The calibration folder is a file: " + v);
                    return false;
                }
                return true;
            }
        });
        addField(new BooleanFieldEditor(Settings.HIGH_CONTRAST, "&High-contrast region colours in the page editor (new editors)",
                getFieldEditorParent()));
        addField(new StringFieldEditor(Settings.TITLE, "Report &title:", getFieldEditorParent()));
        addField(new StringFieldEditor(Settings.ANALYST, "Report &analyst:", getFieldEditorParent()));
        addField(new StringFieldEditor(Settings.ORGANISATION, "Report &organisation:", getFieldEditorParent()));
    }
}
