package pagelens.core;

/** The PageLens version, as shown by {@code pagelens --version} and in reports. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
