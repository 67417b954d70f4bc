package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.page.PageChecksum;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageId;

class PageChecksumTest {

    @Test
    void everyChecksumPageOfAspnetdbVerifies() throws IOException {
        Path p = Samples.get("aspnetdb-tractis/aspnetdb.mdf");
        int flagged = 0, ok = 0;
        try (EvidenceSource s = EvidenceSource.open(p)) {
            for (long n = 0; n < s.size() / Page.SIZE; n++) {
                byte[] page = s.readFully(n * Page.SIZE, Page.SIZE);
                PageHeader h = PageHeader.parse(page);
                if (h.hasChecksum()) {
                    flagged++;
                    if (PageChecksum.verifies(page, 0)) {
                        ok++;
                    }
                }
            }
        }
        assertEquals(178, flagged, "MANIFEST: 178 checksum-protected pages");
        assertEquals(178, ok, "MANIFEST: all verify");
    }

    @Test
    void aFlippedBitBreaksTheChecksum() throws IOException {
        try (EvidenceSource s = EvidenceSource.open(Samples.get("aspnetdb-tractis/aspnetdb.mdf"))) {
            byte[] boot = s.readFully(9L * Page.SIZE, Page.SIZE);
            PageHeader h = PageHeader.parse(boot);
            assertEquals(new PageId(1, 9), h.pageId());
            assertEquals(13, h.type());
            assertTrue(PageChecksum.verifies(boot, 0));
            long before = PageChecksum.compute(boot, 0);
            boot[4000] ^= 0x10;
            assertFalse(PageChecksum.verifies(boot, 0));
            // one byte at offset 4000 (lane 0, sector 7) changes the checksum by rotl(0x10, 8)
            assertEquals(Integer.rotateLeft(0x10, 15 - 7) & 0xFFFFFFFFL, before ^ PageChecksum.compute(boot, 0));
        }
    }

    @Test
    void variantsDifferOnlyWhenReservedBytesAreSet() {
        byte[] page = new byte[Page.SIZE];
        page[0] = 1;
        page[100] = 5;
        assertEquals(PageChecksum.compute(page, 0), PageChecksum.computeSkippingReserved(page, 0));
        page[0x41] = 9;
        assertNotEquals(PageChecksum.compute(page, 0), PageChecksum.computeSkippingReserved(page, 0));
    }

    @Test
    void sha256MatchesManifest() throws IOException {
        assertEquals("8cebaf14a70570cb68b3fdee6dd2ba593cbd8c5c66e97a7df320ef12f7ee503d",
                EvidenceSource.sha256(Samples.get("aspnetdb-tractis/aspnetdb.mdf"), ProgressMonitor.NULL));
    }

    @Test
    void pageIdParsing() {
        assertEquals(new PageId(1, 9), PageId.parse("1:9"));
        assertEquals(new PageId(3, 4294967295L), PageId.parse("(3:4294967295)"));
        assertEquals("1:9", new PageId(1, 9).toString());
    }
}
