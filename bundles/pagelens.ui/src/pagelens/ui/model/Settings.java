package pagelens.ui.model;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/** The workbench's preferences (Window > Preferences > PageLens), in the instance scope. */
public final class Settings {
    private Settings() {
    }

    /** The preference node; the report wizard keeps its last values (the report defaults) in it too. */
    public static final String NODE = "pagelens.ui.report";
    public static final String LAYOUTS_FOLDER = "layoutsFolder";
    public static final String HIGH_CONTRAST = "highContrast";
    public static final String ANALYST = "analyst";
    public static final String ORGANISATION = "organisation";
    public static final String TITLE = "title";

    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    /** The default calibration folder: where {@code pagelens calibrate} writes. */
    public static String defaultLayoutsFolder() {
        return Paths.get(System.getProperty("user.home"), ".pagelens", "layouts").toString();
    }

    /** The calibration folder whose boot page layouts win for their version. */
    public static Path layoutsFolder() {
        String s = node().get(LAYOUTS_FOLDER, "");
        return Paths.get(s.isBlank() ? defaultLayoutsFolder() : s);
    }

    /** Whether the page editor uses stronger region colours. */
    public static boolean highContrast() {
        return node().getBoolean(HIGH_CONTRAST, false);
    }
}
