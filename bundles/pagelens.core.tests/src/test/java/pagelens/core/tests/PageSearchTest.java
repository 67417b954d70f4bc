package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.PageId;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.core.store.PageSearch;
import pagelens.core.store.PageStore;
import pagelens.core.exam.PageStores;

/** Find in pages: the same hits in a data file and in its backup; next continues; wraps; absent text is null. */
class PageSearchTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheDatabaseNameInTheBootPageOfFileAndBackup() throws Exception {
        DataFileSpecimen.Spec spec = DataFileSpecimen.Spec.defaults(128).withName("Needle_In_Pages");
        Path mdf = tmp.resolve("s.mdf");
        Path bak = tmp.resolve("s.bak");
        DataFileSpecimen.write(mdf, spec, ProgressMonitor.NULL);
        BackupSpecimen.write(bak, spec, ProgressMonitor.NULL);
        byte[] name = "Needle_In_Pages".getBytes(StandardCharsets.UTF_16LE);
        for (Path p : new Path[] { mdf, bak }) {
            try (PageStore s = PageStores.open(p)) {
                PageSearch.Hit first = PageSearch.find(s, name, new PageId(1, 0), 0, ProgressMonitor.NULL);
                assertEquals(new PageId(1, 0), first.page(), p + ": the logical file name in the file header page comes first");
                // find next continues after the hit: the boot page's dbi_dbname at P+0x94
                PageSearch.Hit h = PageSearch.find(s, name, first.page(), first.offset() + 1, ProgressMonitor.NULL);
                assertEquals(new PageId(1, 9), h.page(), p + ": then the database name in the boot page");
                assertEquals(0x94, h.offset(), "dbi_dbname at P+0x94");
                // from the last page the search wraps around to the first hit
                PageSearch.Hit wrapped = PageSearch.find(s, name, new PageId(1, 120), 0, ProgressMonitor.NULL);
                assertEquals(first, wrapped);
                assertNull(PageSearch.find(s, "not anywhere at all".getBytes(StandardCharsets.UTF_16LE), new PageId(1, 0), 0, ProgressMonitor.NULL));
            }
        }
    }
}
