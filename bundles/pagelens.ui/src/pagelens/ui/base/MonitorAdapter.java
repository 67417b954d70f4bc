package pagelens.ui.base;

import org.eclipse.core.runtime.IProgressMonitor;

import pagelens.core.io.ProgressMonitor;

/** Adapts the engine's {@link ProgressMonitor} to an Eclipse {@link IProgressMonitor} (work scaled to 1000 ticks). */
public final class MonitorAdapter implements ProgressMonitor {
    private static final int TICKS = 1000;
    private final IProgressMonitor monitor;
    private final java.util.function.DoubleConsumer fraction;
    private long total = -1;
    private long done;
    private int reported;

    public MonitorAdapter(IProgressMonitor monitor, java.util.function.DoubleConsumer fraction) {
        this.monitor = monitor;
        this.fraction = fraction;
    }

    @Override
    public void begin(String taskName, long totalWork) {
        total = totalWork;
        done = 0;
        reported = 0;
        monitor.beginTask(taskName, totalWork > 0 ? TICKS : IProgressMonitor.UNKNOWN);
    }

    @Override
    public void worked(long units) {
        done += units;
        if (total > 0) {
            int ticks = (int) Math.min(TICKS, done * TICKS / total);
            if (ticks > reported) {
                monitor.worked(ticks - reported);
                reported = ticks;
                fraction.accept(ticks / (double) TICKS);
            }
        }
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }

    @Override
    public void done() {
        monitor.done();
    }
}
