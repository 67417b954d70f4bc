package pagelens.core.io;

/** Thrown when long work stops because its {@link ProgressMonitor} was canceled. */
public final class CanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CanceledException() {
        super("canceled");
    }
}
