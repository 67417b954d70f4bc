package pagelens.core.io;

/**
 * One monitor split by weight among the phases of one job (as Eclipse MAT's SimpleMonitor does): the parent is begun
 * once, and each phase gets a child monitor whose own {@code begin(total)} and {@code worked(units)} are scaled into its
 * share of the parent. A phase that never reports still moves the parent on to its share when the next one starts.
 */
public final class ProgressSplit {
    private static final long SCALE = 10_000;

    private final ProgressMonitor parent;
    private final int[] weights;
    private final long total;
    private long reported;
    private long phaseEnd;
    private int next;

    /** Begins {@code parent} with {@code taskName} and the phases' weights (in order). */
    public ProgressSplit(ProgressMonitor parent, String taskName, int... weights) {
        this.parent = parent;
        this.weights = weights.clone();
        long sum = 0;
        for (int w : weights) {
            sum += Math.max(0, w);
        }
        this.total = Math.max(1, sum) * SCALE;
        parent.begin(taskName, total);
    }

    /** The monitor of the next phase (finishing the previous one's share). */
    public synchronized ProgressMonitor next() {
        if (next >= weights.length) {
            throw new IllegalStateException("more phases than weights");
        }
        advanceTo(phaseEnd);
        long start = phaseEnd;
        long share = Math.max(0, weights[next++]) * SCALE;
        phaseEnd = start + share;
        return new Child(start, share);
    }

    /** Finishes the last phase and the parent. */
    public synchronized void done() {
        advanceTo(total);
        parent.done();
    }

    private synchronized void advanceTo(long to) {
        if (to > reported) {
            parent.worked(to - reported);
            reported = to;
        }
    }

    private final class Child implements ProgressMonitor {
        private final long start;
        private final long share;
        private long childTotal = -1;
        private long childDone;

        Child(long start, long share) {
            this.start = start;
            this.share = share;
        }

        @Override
        public void begin(String taskName, long totalWork) {
            synchronized (ProgressSplit.this) {
                childTotal = totalWork;
                childDone = 0;
            }
        }

        @Override
        public void worked(long units) {
            synchronized (ProgressSplit.this) {
                if (childTotal <= 0) {
                    return;
                }
                childDone = Math.min(childTotal, childDone + units);
                advanceTo(start + (long) (share * (childDone / (double) childTotal)));
            }
        }

        @Override
        public boolean isCanceled() {
            return parent.isCanceled();
        }

        @Override
        public void done() {
            // the share is completed when the next phase starts or the split is done
        }
    }
}
