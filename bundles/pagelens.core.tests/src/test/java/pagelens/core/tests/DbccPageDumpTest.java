package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.dbcc.DbccPageDump;
import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identifier;
import pagelens.core.io.EvidenceSource;
import pagelens.core.page.PageChecksum;
import pagelens.core.page.PageId;

/**
 * DBCC PAGE(db, f, p, 2) text turned back into page bytes. REGRESSION CHECKS: the text here is written by PageLens'
 * own {@link DbccPageDump#format} from real page bytes, so these tests pin the parser against the format as PageLens
 * understands it (formats.md 2.3: groups of 8 hex digits are 4 bytes in memory order), not against text SQL Server
 * wrote. The only public DBCC dumps we know are the GPLv3 test data of internals-viewer, which the project may not
 * ship; a user's real DBCC output is read by the same code (identify, page, boot and the workbench accept it).
 */
class DbccPageDumpTest {

    @TempDir
    Path tmp;

    private static byte[] realBootPage() throws IOException {
        try (EvidenceSource s = EvidenceSource.open(Samples.get("goldhunter2012-ngrj93-mit/Database1.mdf"))) {
            return s.readFully(9 * 8192L, 8192);
        }
    }

    @Test
    void roundTripOfARealPage() throws IOException {
        byte[] page = realBootPage();
        String text = "DBCC execution completed. If DBCC printed error messages, contact your system administrator.\n"
                + DbccPageDump.format(new PageId(1, 9), page, 0x0000005128DF6000L);
        Path f = Files.writeString(tmp.resolve("boot.txt"), text);
        assertEquals(EvidenceKind.DBCC_PAGE_DUMP, Identifier.identify(f).kind());
        DbccPageDump d = DbccPageDump.parse(f);
        assertEquals(1, d.allCopies().size());
        byte[] back = d.readPage(1, 9);
        assertArrayEquals(page, back);
        assertTrue(PageChecksum.verifies(back, 0));
        // the same text saved by SSMS as UTF-16 with a BOM
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertArrayEquals(page, DbccPageDump.parse(Files.write(tmp.resolve("boot16.txt"), utf16)).readPage(1, 9));
    }

    @Test
    void severalPagesAndStrayBytes() throws IOException {
        byte[] page = realBootPage();
        String one = DbccPageDump.format(new PageId(1, 9), page, 0x1000);
        String two = DbccPageDump.format(new PageId(1, 9), page, 0x9000).replace("\n\nOFFSET TABLE:",
                "0000000000009000:   deadbeef 01020304                             ........\n\nOFFSET TABLE:");
        DbccPageDump d = DbccPageDump.parse(tmp.resolve("x.txt"), one + two);
        assertEquals(2, d.copies(new PageId(1, 9)).size());
        assertEquals(1, d.copies(new PageId(1, 9)).get(1).provenance().copy());
        assertArrayEquals(page, d.readPage(1, 9));
    }

    @Test
    void truncatedListingIsRefusedClearly() throws IOException {
        String text = DbccPageDump.format(new PageId(1, 9), realBootPage(), 0x1000);
        String cut = text.substring(0, text.length() / 2);
        IOException e = assertThrows(IOException.class, () -> DbccPageDump.parse(tmp.resolve("cut.txt"), cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        IOException none = assertThrows(IOException.class, () -> DbccPageDump.parse(tmp.resolve("none.txt"), "PAGE: (1:9)\n\nno dump here\n"));
        assertTrue(none.getMessage().contains("DBCC PAGE(db, file, page, 2)"), none.getMessage());
    }
}
