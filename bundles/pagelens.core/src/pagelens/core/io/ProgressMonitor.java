package pagelens.core.io;

/**
 * The engine's own progress interface (the UI adapts it to {@code IProgressMonitor}, the CLI prints or
 * ignores it). Implementations must be cheap: {@link #worked(long)} is called often.
 */
public interface ProgressMonitor {

    /** A monitor that reports nothing and is never canceled. */
    ProgressMonitor NULL = new ProgressMonitor() {
    };

    /** Starts a task of {@code totalWork} units (-1 when unknown). */
    default void begin(String taskName, long totalWork) {
    }

    /** Reports {@code units} more units done. */
    default void worked(long units) {
    }

    /** Whether the user asked to stop; long work checks it and throws {@link CanceledException}. */
    default boolean isCanceled() {
        return false;
    }

    /** The task is finished (normally, canceled or failed). */
    default void done() {
    }

    /** Throws {@link CanceledException} when the monitor is canceled. */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new CanceledException();
        }
    }
}
