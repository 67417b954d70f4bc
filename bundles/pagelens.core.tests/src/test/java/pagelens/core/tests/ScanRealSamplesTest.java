package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Severity;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageType;
import pagelens.core.scan.FileScanner;
import pagelens.core.scan.PageCounts;
import pagelens.core.scan.ScanResult;
import pagelens.core.specimen.Corruptor;

/** Scans of the real samples: counts equal samples/MANIFEST.md, and injected damage is found exactly. */
class ScanRealSamplesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file | total | checksum | ok | unprotected | empty
        "aspnetdb-tractis/aspnetdb.mdf                | 280 | 178 | 178 | 3 | 99",
        "prasang2016-hetp1711/Database.mdf            | 408 | 345 | 345 | 2 | 61",
        "passwordmgr2008r2-hugomackpaye/Database.mdf  | 160 | 153 | 153 | 5 | 2",
        "futurescan2014-noureldin/Database1.mdf       | 280 | 249 | 249 | 3 | 28",
        "goldhunter2012-ngrj93-mit/Database1.mdf      | 392 | 264 | 264 | 3 | 125",
        "aspnetdb-tractis/aspnetdb_log.ldf            | 1   | 1   | 1   | 0 | 0",
        "mastlog2019-solisatos/mastlog.ldf            | 1   | 1   | 1   | 0 | 0",
        "goldhunter2012-ngrj93-mit/Database1_log.ldf  | 1   | 1   | 1   | 0 | 0",
    })
    void countsEqualManifestAndNoErrors(String file, long total, long checksum, long ok, long unprotected, long empty)
            throws IOException {
        ScanResult r = new FileScanner().scan(Samples.get(file), ProgressMonitor.NULL);
        PageCounts c = r.counts();
        assertEquals(new PageCounts(total, checksum, ok, 0, 0, 0, 0, unprotected, empty), c, file);
        List<Finding> errors = r.findings().stream().filter(f -> f.severity().atLeast(Severity.ERROR)).toList();
        assertEquals(List.of(), errors, "no error on a healthy real file");
        assertEquals(0, r.sink().total(), () -> "no finding at all on " + file + ": " + r.findings());
    }

    /** Pages of the real file that are checksum-protected data or index pages. */
    private static List<Long> protectedDataPages(Path p) throws IOException {
        List<Long> out = new java.util.ArrayList<>();
        try (EvidenceSource s = EvidenceSource.open(p)) {
            for (long n = 16; n < s.size() / Page.SIZE; n++) {
                PageHeader h = PageHeader.parse(s.readFully(n * Page.SIZE, Page.HEADER_SIZE));
                if (h.hasChecksum() && (h.type() == PageType.DATA || h.type() == PageType.INDEX) && h.slotCount() > 2) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static int nonZeroSector(Path p, long page) throws IOException {
        try (EvidenceSource s = EvidenceSource.open(p)) {
            byte[] b = s.readFully(page * Page.SIZE, Page.SIZE);
            for (int k = 1; k < 15; k++) {
                for (int i = k * 512; i < k * 512 + 512; i++) {
                    if (b[i] != 0) {
                        return k;
                    }
                }
            }
        }
        throw new IllegalStateException("page " + page + " has no non-zero middle sector");
    }

    @Test
    void injectedCorruptionOnRealFileIsFoundExactly() throws IOException {
        Path src = Samples.get("aspnetdb-tractis/aspnetdb.mdf");
        Path copy = Files.copy(src, tmp.resolve("aspnetdb-corrupt.mdf"));
        List<Long> pages = protectedDataPages(copy);
        assertTrue(pages.size() >= 6, "enough protected data pages: " + pages.size());
        long flip = pages.get(0), zeroSector = pages.get(1), torn = pages.get(2), misdirected = pages.get(3),
                lost = pages.get(4), donor = pages.get(5);
        int sector = nonZeroSector(copy, zeroSector);
        Corruptor.flipBit(copy, flip, 3000, 4);
        Corruptor.zeroSector(copy, zeroSector, sector);
        Corruptor.tearSecondHalf(copy, torn, donor);
        Corruptor.misdirect(copy, misdirected, donor);
        Corruptor.zeroPage(copy, lost);
        long size = Files.size(copy);
        Corruptor.truncate(copy, size - 1000);

        ScanResult r = new FileScanner().scan(copy, ProgressMonitor.NULL);
        Set<String> errors = r.findings().stream().filter(f -> f.severity().atLeast(Severity.ERROR))
                .map(f -> f.location().pageId() + " " + f.ruleId()).collect(Collectors.toCollection(HashSet::new));
        long lastPage = size / Page.SIZE - 1;
        Set<String> expected = Set.of(flip + " page.checksum-mismatch", zeroSector + " page.checksum-mismatch",
                zeroSector + " page.zero-sector", torn + " page.checksum-mismatch", misdirected + " page.id-mismatch",
                lost + " page.zero-filled", lastPage + " file.truncated-page");
        assertTrue(errors.containsAll(expected), () -> "missing: " + diff(expected, errors) + " in " + r.findings());
        Set<Long> injected = Set.of(flip, zeroSector, torn, misdirected, lost, lastPage);
        for (String e : errors) {
            assertTrue(injected.contains(Long.parseLong(e.split(" ")[0])), () -> "error on a page that was not damaged: " + e);
        }
        // the zeroed sector is named
        Finding zs = r.findings().stream().filter(f -> f.location().pageId() == zeroSector && f.ruleId().equals("page.zero-sector"))
                .findFirst().orElseThrow();
        assertTrue(zs.title().contains(String.valueOf(sector)), zs.title());
        assertEquals(sector * 512, zs.location().byteStart());
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }
}
