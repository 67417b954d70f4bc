package pagelens.core.store;

import pagelens.core.page.PageId;

/** One copy of a page: its address and where its bytes are. */
public record PageCopy(PageId id, Provenance provenance) {
}
