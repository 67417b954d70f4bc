package pagelens.ui.editors;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeSet;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.page.PageId;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;

/**
 * Where the page editor goes next: Back/Forward history, Previous/Next page present in the store, a typed page id, the
 * next damaged page (from the examination's findings) and the next page of a type. It decides; the editor shows.
 */
final class PageNavigation {
    /** What the navigation asks of the editor. */
    interface Target {
        PageId current();

        void show(PageId id);

        void status(String text, boolean bad);
    }

    private final PageStore store;
    private final int fileId;
    private final Target target;
    private final ArrayDeque<PageId> back = new ArrayDeque<>();
    private final ArrayDeque<PageId> forward = new ArrayDeque<>();
    private boolean historyMove;

    PageNavigation(PageStore store, int fileId, Target target) {
        this.store = store;
        this.fileId = fileId;
        this.target = target;
    }

    /** Records a move from {@code from} to {@code to} (called by the editor before it shows a page). */
    void moving(PageId from, PageId to) {
        if (from != null && !historyMove && !from.equals(to)) {
            back.push(from);
            forward.clear();
        }
        historyMove = false;
    }

    void back() {
        if (!back.isEmpty()) {
            forward.push(target.current());
            historyMove = true;
            target.show(back.pop());
        }
    }

    void forward() {
        if (!forward.isEmpty()) {
            back.push(target.current());
            historyMove = true;
            target.show(forward.pop());
        }
    }

    /** The next (delta 1) or previous (-1) page the store holds. */
    void step(int delta) {
        long p = target.current().pageId() + delta;
        while (p >= 0 && p < store.pageLimit(fileId)) {
            PageId id = new PageId(fileId, p);
            if (!store.copies(id).isEmpty()) {
                target.show(id);
                return;
            }
            p += delta;
        }
    }

    /** A typed page: FILE:PAGE or a page number of this file. */
    void goTo(String typed) {
        String t = typed.trim();
        try {
            PageId id = t.contains(":") ? PageId.parse(t) : new PageId(fileId, Long.parseLong(t));
            if (store.copies(id).isEmpty()) {
                target.status("no page " + id + " here (pages " + fileId + ":0 to " + fileId + ":" + (store.pageLimit(fileId) - 1) + ")", true);
                return;
            }
            target.show(id);
        } catch (IllegalArgumentException e) {
            target.status("not a page id: " + t + " (FILE:PAGE, for example 1:9, or a page number)", true);
        }
    }

    /**
     * The next page (after the current one, wrapping) with a finding of severity warning or worse among {@code findings}
     * (the examination's); {@code state} says how far the examination got, for the message when there is none.
     */
    boolean nextDamaged(List<Finding> findings, String state) {
        TreeSet<Long> pages = new TreeSet<>();
        for (Finding f : findings) {
            if (f.severity().atLeast(Severity.WARNING) && f.location().pageId() >= 0 && f.location().fileId() == fileId) {
                pages.add(f.location().pageId());
            }
        }
        Long next = pages.higher(target.current().pageId());
        if (next == null) {
            next = pages.isEmpty() ? null : pages.first();
        }
        if (next == null) {
            target.status(state.isEmpty() ? "no damaged page known (the file was not checked yet, or has none)" : "no damaged page (" + state + ")",
                    false);
            return false;
        }
        target.show(new PageId(fileId, next));
        return true;
    }

    /** The next page (after the current one, wrapping) whose m_type is {@code type}. */
    boolean nextOfType(int type) {
        long limit = store.pageLimit(fileId);
        for (long k = 1; k <= limit; k++) {
            long p = (target.current().pageId() + k) % limit;
            PageId id = new PageId(fileId, p);
            List<PageCopy> c = store.copies(id);
            if (c.isEmpty()) {
                continue;
            }
            try {
                byte[] b = store.read(c.get(c.size() - 1));
                if (b[0] == 1 && (b[1] & 0xFF) == type) {
                    target.show(id);
                    return true;
                }
            } catch (IOException e) {
                // unreadable page: skip it
            }
        }
        target.status("no page of type " + type + " (" + pagelens.core.page.PageType.name(type) + ") in this file", true);
        return false;
    }
}
