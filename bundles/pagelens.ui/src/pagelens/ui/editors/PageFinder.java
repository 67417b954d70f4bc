package pagelens.ui.editors;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Label;

import pagelens.core.io.ByteSearch;
import pagelens.core.io.CanceledException;
import pagelens.core.page.PageId;
import pagelens.core.store.PageSearch;
import pagelens.core.store.PageStore;
import pagelens.ui.base.MonitorAdapter;

/**
 * "Find in pages" of the page editor: hex bytes or text searched page by page (core {@link PageSearch}) in a background
 * job; the page with the match is shown with it selected, and Find next continues after it, wrapping.
 */
final class PageFinder {
    /** What the finder asks of the editor. */
    interface Target {
        PageId current();

        void showMatch(PageId page, int offset, int length);
    }

    private final PageStore store;
    private final Label status;
    private final Target target;
    private final String name;
    private String lastFind;
    private PageId findPage;
    private int findOffset;

    PageFinder(PageStore store, Label status, String name, Target target) {
        this.store = store;
        this.status = status;
        this.name = name;
        this.target = target;
    }

    /** Finds the pattern after the last hit (or from the current page). */
    void findNext(String typed, ByteSearch.Mode mode) {
        byte[] pattern;
        try {
            pattern = ByteSearch.pattern(typed, mode);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        if (!typed.equals(lastFind) || findPage == null) {
            lastFind = typed;
            findPage = target.current() != null ? target.current() : new PageId(1, 0);
            findOffset = 0;
        }
        PageId from = findPage;
        int fromOffset = findOffset;
        status.setText("searching from page " + from + " ...");
        Job job = new Job("Find in " + name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    PageSearch.Hit hit = PageSearch.find(store, pattern, from, fromOffset, new MonitorAdapter(monitor, f -> {
                    }));
                    status.getDisplay().asyncExec(() -> {
                        if (status.isDisposed()) {
                            return;
                        }
                        if (hit == null) {
                            status.setText("not found in any page (" + pattern.length + " bytes)");
                        } else {
                            status.setText(String.format(java.util.Locale.ROOT, "found in page %s at 0x%04X (%d bytes); Find next continues",
                                    hit.page(), hit.offset(), pattern.length));
                            findPage = hit.page();
                            findOffset = hit.offset() + 1;
                            target.showMatch(hit.page(), hit.offset(), pattern.length);
                        }
                    });
                } catch (CanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (IOException | IllegalArgumentException e) {
                    status.getDisplay().asyncExec(() -> {
                        if (!status.isDisposed()) {
                            status.setText("cannot search: " + e.getMessage());
                        }
                    });
                }
                return Status.OK_STATUS;
            }
        };
        job.schedule();
    }

    /** The find bar's message. */
    String status() {
        return status.getText();
    }
}
