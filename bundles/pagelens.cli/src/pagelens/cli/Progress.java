package pagelens.cli;

import java.io.PrintWriter;

import pagelens.core.io.ProgressMonitor;

/** Progress on standard error for long work, only when a person is watching (a terminal). */
final class Progress implements ProgressMonitor {
    private final PrintWriter err;
    private long total;
    private long done;
    private int lastPercent = -1;
    private long started;
    private String task = "";

    private Progress(PrintWriter err) {
        this.err = err;
    }

    static ProgressMonitor forTerminal(PrintWriter err) {
        return System.console() != null ? new Progress(err) : ProgressMonitor.NULL;
    }

    @Override
    public void begin(String taskName, long totalWork) {
        task = taskName;
        total = totalWork;
        done = 0;
        started = System.nanoTime();
    }

    @Override
    public void worked(long units) {
        done += units;
        if (total <= 0 || System.nanoTime() - started < 1_000_000_000L) {
            return; // short work: stay quiet
        }
        int pct = (int) Math.min(100, done * 100 / total);
        if (pct != lastPercent) {
            lastPercent = pct;
            err.print("\r" + task + ": " + pct + "%");
            err.flush();
        }
    }

    @Override
    public void done() {
        if (lastPercent >= 0) {
            err.print("\r" + " ".repeat(task.length() + 8) + "\r");
            err.flush();
        }
    }
}
