package pagelens.core.boot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import pagelens.core.findings.Rules;
import pagelens.core.page.Bytes;
import pagelens.core.page.Page;
import pagelens.core.page.PageChecksum;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageType;

/**
 * A decoded boot page: every field of its layout with offset, size, raw bytes, value and evidence, the
 * bytes of the record no field covers, and the Hekaton verdict.
 *
 * @param page          the 8 KB page
 * @param dbiVersion    dbi_version
 * @param createVersion dbi_createVersion
 * @param recordLength  the record length from the record header
 * @param layout        the layout used
 * @param exactLayout   whether it is this version's own layout
 * @param layoutNote    how the layout was chosen (shown on every view)
 * @param fields        decoded fields, by offset
 * @param uncovered     ranges of the record no field (and not the Hekaton region) covers
 * @param hekaton       the verdict
 * @param checksumNote  the page's own verification, in words
 */
public record BootPage(byte[] page, int dbiVersion, int createVersion, int recordLength, BootLayout layout, boolean exactLayout,
        String layoutNote, List<BootField> fields, List<Range> uncovered, HekatonVerdict hekaton, String checksumNote) {

    /** Record bytes no field explains. */
    public record Range(int start, int end, int nonZeroBytes, String hex) {
    }

    /** Decodes with the built-in layouts and the given filegroup fact. */
    public static BootPage decode(byte[] page, BootLayouts layouts, XtpFilegroup filegroup, String filegroupSource)
            throws BootPageException {
        if (page.length < Page.SIZE) {
            throw new BootPageException("not a boot page: " + page.length + " bytes, a page has 8192");
        }
        PageHeader h = PageHeader.parse(page);
        if (h.headerVersion() != 1 || h.type() != PageType.BOOT) {
            throw new BootPageException("not a boot page: m_headerVersion " + h.headerVersion() + ", m_type " + h.type() + " ("
                    + h.typeName() + "); the boot page is page 1:9 with m_type 13");
        }
        int recLen = Bytes.u16(page, 0x62);
        if (recLen < 8 || 0x60 + recLen > Page.SIZE - 2) {
            throw new BootPageException("boot record length " + recLen + " at P+0x62 does not fit in the page (at most "
                    + (Page.SIZE - 2 - 0x60) + ")");
        }
        int version = Bytes.u16(page, 0x64);
        int create = Bytes.u16(page, 0x66);
        BootLayouts.Resolution res = layouts.resolve(version, recLen);
        BootLayout l = res.layout();
        int recEnd = 0x60 + recLen;
        List<BootField> fields = new ArrayList<>();
        boolean[] covered = new boolean[Page.SIZE];
        for (FieldDef f : l.fields()) {
            if (f.end() > recEnd) {
                continue;
            }
            fields.add(new BootField(f, Arrays.copyOfRange(page, f.offset(), f.end()), BootValues.format(f.type(), page, f.offset(), f.size())));
            for (int i = f.offset(); i < f.end(); i++) {
                covered[i] = true;
            }
        }
        int rs = l.hasHekatonRegion() ? l.hekatonStart() : -1;
        int re = l.hasHekatonRegion() ? Math.min(l.hekatonEnd(), recEnd) : -1;
        List<Range> uncovered = new ArrayList<>();
        int i = 0x60;
        while (i < recEnd) {
            if (covered[i] || i >= rs && i < re) {
                i++;
                continue;
            }
            int s = i;
            int nz = 0;
            while (i < recEnd && !covered[i] && !(i >= rs && i < re)) {
                if (page[i] != 0) {
                    nz++;
                }
                i++;
            }
            uncovered.add(new Range(s, i, nz, java.util.HexFormat.of().formatHex(page, s, Math.min(i, s + 64)) + (i - s > 64 ? "..." : "")));
        }
        HekatonVerdict hk = Hekaton.judge(page, l, res.exact(), version, recEnd, fields, covered, layouts, filegroup, filegroupSource);
        String cs;
        if (h.hasChecksum()) {
            cs = PageChecksum.verifies(page, 0) ? "page checksum verifies" : "PAGE CHECKSUM DOES NOT VERIFY: the page is damaged";
        } else if (h.hasTornBits()) {
            cs = "torn-page protected";
        } else {
            cs = "no checksum on this page";
        }
        return new BootPage(page, version, create, recLen, l, res.exact(), res.note(), List.copyOf(fields), List.copyOf(uncovered), hk, cs);
    }

    public BootField field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    public String value(String name) {
        BootField f = field(name);
        return f == null ? null : f.value();
    }

    public String databaseName() {
        return value("dbi_dbname");
    }

    /** Whether any rule of this page's verdict is worse than info. */
    public boolean critical() {
        return hekaton.rule() == Rules.BOOT_HEKATON_STALE;
    }
}
