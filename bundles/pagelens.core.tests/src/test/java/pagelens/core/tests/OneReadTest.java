package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import pagelens.core.boot.BootLayouts;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.core.findings.Finding;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.scan.PageOwners;
import pagelens.core.store.PageStore;

/**
 * One road to the bytes: a backup opened as evidence is read once, whatever asks for its pages, boot copies and
 * excerpts afterwards. Reads are counted through the evidence's ByteSource.
 */
class OneReadTest {
    /** Identification reads the start of a backup (the SCIN chunk and the first boot page copy): at most this much. */
    private static final long IDENTIFY = (1 << 20) + (64 << 10);

    private static void examineAndUse(Path bak, boolean compressed) throws IOException {
        long size = Files.size(bak);
        try (OpenedEvidence ev = OpenedEvidence.open(bak)) {
            long identify = ev.bytesRead();
            assertTrue(identify <= IDENTIFY, "identification read " + identify + " bytes");
            Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()), ProgressMonitor.NULL);
            assertNotNull(e.backup());
            assertNotNull(e.boot());
            long afterExam = ev.bytesRead();
            // every page once, plus the MTF headers, the file list and the non-page streams looked at again: under 10 %
            assertTrue(afterExam - identify <= size * 1.10, "the examination read " + (afterExam - identify) + " bytes of a " + size
                    + "-byte backup");
            assertEquals(size, ev.file().hashBytesRead(), "the SHA-256 reads the file exactly once");
            // what the other surfaces ask next comes from that reading
            PageStore pages = ev.pages(ProgressMonitor.NULL);
            assertSame(e.backup().pages(), pages, "the page editor's store is the examination's");
            assertEquals(e.bootCopy(), ev.restoredBootCopy().copy(), "boot page: the copy the examination judged");
            for (Finding f : e.findingList()) {
                ev.bytesAt(f.location(), Page.SIZE); // report excerpts
            }
            long more = ev.bytesRead() - afterExam;
            // a plain backup's excerpts read a page each; a compressed backup's come from the decompressed chunk cache
            // (16 chunks) or re-read one compressed chunk
            assertTrue(more <= (long) (e.findingList().size() + 2) * 65536, "reads after the examination: " + more + " bytes");
            assertTrue(!compressed || e.evidence().kind().id().equals("compressed-backup"));
        }
    }

    @Test
    void plainBackupIsReadOnce() throws IOException {
        examineAndUse(Samples.get("pubs2012-dwipnandi/pubs.bak"), false);
    }

    @Test
    void compressedBackupIsReadOnce() throws IOException {
        examineAndUse(Samples.get("datatable-compressed-peterezz/Database.bak"), true);
    }

    @Test
    void dataFileIsReadOnce() throws IOException {
        Path mdf = Samples.get("aspnetdb-tractis/aspnetdb.mdf");
        long size = Files.size(mdf);
        try (OpenedEvidence ev = OpenedEvidence.open(mdf)) {
            Examination e = Examination.run(ev, Examination.Options.defaults(BootLayouts.builtIn()).withHash(false), ProgressMonitor.NULL);
            assertEquals(280, e.counts().total());
            // identification (page 0 and the boot page), the allocation maps, every page once, the boot page; and the pages the
            // catalog thread reads while the scan runs: the system base tables' pages, IAM pages and allocation maps
            byte[] all = Files.readAllBytes(mdf);
            int catalogPages = 0;
            for (int at = 0; at < all.length; at += Page.SIZE) {
                if (all[at] == 1 && PageOwners.worthCapturing(all[at + 1] & 0xFF, Bytes.u16(all, at + PageHeaderLayout.INDEX_ID),
                        Bytes.u32(all, at + PageHeaderLayout.OBJ_ID))) {
                    catalogPages++;
                }
            }
            assertTrue(catalogPages > 20 && catalogPages < 200, catalogPages + " catalog pages");
            assertTrue(ev.bytesRead() <= size + (16 + catalogPages) * Page.SIZE, "read " + ev.bytesRead() + " bytes of a " + size
                    + "-byte file with " + catalogPages + " catalog pages");
            assertTrue(e.catalog().objects().size() > 10, "the catalog was read");
        }
    }
}
