package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import pagelens.core.decode.PageStructure;
import pagelens.core.page.Node;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;

/** The page header is described once (page-header.tsv): the table is whole, and the decoders follow it. */
class PageHeaderLayoutTest {

    @Test
    void tableCoversTheHeaderExactlyOnce() {
        int next = 0;
        for (pagelens.core.DeclaredLayout.Field f : PageHeaderLayout.fields()) {
            assertEquals(next, f.offset(), "gap or overlap before " + f.name());
            next = f.offset() + f.size();
            assertTrue(!f.source().isBlank(), f.name() + " has no source");
        }
        assertEquals(Page.HEADER_SIZE, next);
    }

    /** A declared table covers [0, size) without a gap or overlap, and every field names its source. */
    private static void whole(pagelens.core.DeclaredLayout l, int size) {
        int next = 0;
        for (pagelens.core.DeclaredLayout.Field f : l.fields()) {
            assertEquals(next, f.offset(), l.name() + ": gap or overlap before " + f.name());
            next = f.offset() + f.size();
            assertTrue(!f.source().isBlank(), f.name() + " has no source");
        }
        assertEquals(size, next, l.name());
    }

    @Test
    void mtfAndXtpHeadersAreDescribedWhole() {
        whole(pagelens.core.backup.MtfLayout.DBLK, 52);
        whole(pagelens.core.backup.MtfLayout.STREAM, 22);
        whole(pagelens.core.xtp.XtpBlockLayout.HEADER, 40);
        assertEquals(8, pagelens.core.backup.MtfLayout.DBLK_FIRST_EVENT);
        assertEquals(80, pagelens.core.backup.MtfLayout.TAPE_SOFTWARE_NAME);
        assertEquals(32, pagelens.core.xtp.XtpBlockLayout.USED_LENGTH);
    }

    @Test
    void structureTreeShowsEveryDeclaredFieldAtItsOffset() throws Exception {
        Path mdf = Samples.get("aspnetdb-tractis/aspnetdb.mdf");
        byte[] page = new byte[Page.SIZE];
        System.arraycopy(Files.readAllBytes(mdf), 9 * Page.SIZE, page, 0, Page.SIZE);
        Node header = PageStructure.describe(page, new PageId(1, 9)).children().get(0);
        assertEquals(Node.Role.HEADER, header.role());
        for (pagelens.core.DeclaredLayout.Field f : PageHeaderLayout.fields()) {
            Node leaf = header.children().stream().filter(n -> n.name().startsWith(f.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no tree node for " + f.name()));
            assertEquals(f.offset(), leaf.offset(), f.name());
            assertEquals(f.size(), leaf.length(), f.name());
        }
        // the decoder reads what the table says: the boot page of a real file is 1:9, type 13, checksum-protected
        PageHeader h = PageHeader.parse(page);
        assertEquals(new PageId(1, 9), h.pageId());
        assertEquals(13, h.type());
        assertTrue(h.hasChecksum());
        assertEquals(PageHeaderLayout.PAGE_ID + 4, PageHeaderLayout.FILE_ID);
    }
}
