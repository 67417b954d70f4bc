package pagelens.core.decode;

import pagelens.core.page.*;
import java.util.Locale;

import pagelens.core.alloc.ExtentBitmap;
import pagelens.core.alloc.Pfs;

/**
 * The decoded structure of one page as a {@link Node} tree: every header field at its offset, the
 * verification results, the slot array, each record (status bits, fixed part, column count, null bitmap,
 * variable-column offsets, versioning tag), and for allocation pages their decoded maps.
 */
public final class PageStructure {
    private PageStructure() {
    }

    public static Node describe(byte[] raw, PageId expected) {
        PageVerification v = PageVerification.verify(raw, 0, expected);
        PageHeader h = v.header();
        byte[] b = v.torn() != null ? TornBits.restore(raw, 0) : raw;
        Node.Group root = new Node.Group("Page " + (expected != null ? expected : h.pageId()), h.typeName(), 0, Page.SIZE);
        root.add(header(h));
        root.add(verification(v));
        if (v.headerZero()) {
            root.leaf("never used", "the 96-byte header is all zero", 0, Page.HEADER_SIZE);
            return root.build();
        }
        int slotCount = Math.min(h.slotCount(), SlotArray.MAX_SLOTS);
        int[] slots = SlotArray.read(b, 0, slotCount);
        Node.Group sa = new Node.Group("slot array", slotCount + " slots", Page.SIZE - 2 * slotCount, 2 * slotCount).role(Node.Role.SLOT_ARRAY);
        for (int k = 0; k < slots.length && k < 4096; k++) {
            sa.leaf("slot " + k, String.valueOf(slots[k]), SlotArray.offsetOfSlot(k), 2);
        }
        int limit = h.freeData() >= Page.HEADER_SIZE && h.freeData() <= Page.SIZE ? h.freeData() : Page.SIZE - 2 * slotCount;
        Node.Group recs = new Node.Group("records", slots.length + " records", Page.HEADER_SIZE, Math.max(0, limit - Page.HEADER_SIZE))
                .role(Node.Role.RECORDS);
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] == 0) {
                recs.leaf("slot " + k, "empty (offset 0)", SlotArray.offsetOfSlot(k), 2);
                continue;
            }
            recs.add(record(b, k, slots[k], limit, slots));
        }
        root.add(recs.build());
        root.add(sa.build());
        switch (h.type()) {
            case PageType.GAM, PageType.SGAM, PageType.IAM, PageType.DIFF_MAP, PageType.ML_MAP -> root.add(extentMap(b, h));
            case PageType.PFS -> root.add(pfs(b, h));
            default -> {
                // other types: records only
            }
        }
        if (h.freeData() >= Page.HEADER_SIZE && h.freeData() < Page.SIZE - 2 * slotCount) {
            root.add(new Node.Group("free space", (Page.SIZE - 2 * slotCount - h.freeData()) + " bytes", h.freeData(),
                    Page.SIZE - 2 * slotCount - h.freeData()).role(Node.Role.FREE_SPACE).build());
        }
        return root.build();
    }

    /** The header's fields, in the order, at the offsets and with the evidence of the declared layout (page-header.tsv). */
    private static Node header(PageHeader h) {
        Node.Group g = new Node.Group("header", "96 bytes", 0, Page.HEADER_SIZE).role(Node.Role.HEADER);
        for (pagelens.core.DeclaredLayout.Field f : PageHeaderLayout.fields()) {
            g.leaf(label(f), value(f.name(), h), f.offset(), f.size());
            if (f.name().equals("m_objId")) {
                g.leaf("AllocUnitId (derived)", h.allocationUnitId() + " = (" + h.indexId() + " << 48) | (" + h.objId() + " << 16)",
                        PageHeaderLayout.INDEX_ID, 0);
            }
        }
        return g.build();
    }

    private static String label(pagelens.core.DeclaredLayout.Field f) {
        return switch (f.name()) {
            case "m_indexId" -> "m_indexId (AllocUnitId.idInd)";
            case "m_objId" -> "m_objId (AllocUnitId.idObj)";
            default -> f.name();
        };
    }

    /** A header field's value as DBCC PAGE shows it. */
    private static String value(String field, PageHeader h) {
        return switch (field) {
            case "m_headerVersion" -> String.valueOf(h.headerVersion());
            case "m_type" -> h.type() + " (" + h.typeName() + ")";
            case "m_typeFlagBits" -> hex(h.typeFlagBits(), 2);
            case "m_level" -> String.valueOf(h.level());
            case "m_flagBits" -> hex(h.flagBits(), 4) + flagWords(h);
            case "m_indexId" -> String.valueOf(h.indexId());
            case "m_prevPage" -> "(" + h.prevPage() + ")";
            case "pminlen" -> String.valueOf(h.pminlen());
            case "m_nextPage" -> "(" + h.nextPage() + ")";
            case "m_slotCnt" -> String.valueOf(h.slotCount());
            case "m_objId" -> String.valueOf(h.objId());
            case "m_freeCnt" -> String.valueOf(h.freeCount());
            case "m_freeData" -> String.valueOf(h.freeData());
            case "m_pageId" -> "(" + h.pageId() + ")";
            case "m_reservedCnt" -> String.valueOf(h.reservedCount());
            case "m_lsn" -> "(" + h.lsn() + ")";
            case "m_xactReserved" -> String.valueOf(h.xactReserved());
            case "m_xdesId" -> "(" + h.xdesIdPart1() + ":" + h.xdesIdPart2() + ")";
            case "m_ghostRecCnt" -> String.valueOf(h.ghostRecCount());
            case "m_tornBits" -> h.tornBitsSigned() + " (" + hex(h.tornBits(), 8) + ")";
            case "reserved" -> h.reservedZero() ? "zero" : "NOT ZERO";
            default -> throw new IllegalStateException("page-header.tsv names a field the decoder does not know: " + field);
        };
    }

    private static String flagWords(PageHeader h) {
        StringBuilder sb = new StringBuilder();
        if (h.hasChecksum()) {
            sb.append(" checksum");
        }
        if (h.hasTornBits()) {
            sb.append(" torn-page");
        }
        return sb.length() == 0 ? "" : " (" + sb.toString().trim() + ")";
    }

    private static Node verification(PageVerification v) {
        Node.Group g = new Node.Group("verification", v.protection().name().toLowerCase(Locale.ROOT), 0x3C, 4);
        switch (v.protection()) {
            case CHECKSUM -> {
                g.leaf("stored checksum", hex(v.checksumStored(), 8), 0x3C, 4);
                g.leaf("computed checksum", hex(v.checksumComputed(), 8), 0, 0);
                g.leaf("computed, reserved bytes skipped", hex(v.checksumReserved(), 8), 0, 0);
                g.leaf("result", v.checksumOk() ? "OK (" + v.checksumVariant() + ")" : "MISMATCH", 0, 0);
            }
            case TORN -> {
                g.leaf("signature", String.valueOf(v.torn().signature()), 0x3C, 1);
                g.leaf("result", v.torn().ok() ? "OK: all 15 sectors carry the signature" : "TORN sectors " + v.torn().tornSectors(), 0, 0);
            }
            case NONE -> g.leaf("result", "no checksum, no torn-page bits: nothing to verify", 0, 0);
        }
        Node.Group sx = new Node.Group("sector XORs", "16 x 512 bytes", 0, 0);
        for (int s = 0; s < Page.SECTORS; s++) {
            sx.leaf("sector " + s, hex(v.sectorXors()[s] & 0xFFFF_FFFFL, 8) + (v.zeroSectors().contains(s) ? " (all zero)" : ""),
                    s * Page.SECTOR_SIZE, Page.SECTOR_SIZE);
        }
        g.add(sx.build());
        g.leaf("page id", v.pageIdMatches() ? "matches the position" : "DIFFERS from the position: header says (" + v.header().pageId() + ")", 0x20, 6);
        for (String p : v.headerProblems()) {
            g.leaf("header problem", p, 0, Page.HEADER_SIZE);
        }
        for (String p : v.slotProblems()) {
            g.leaf("slot problem", p, 0, 0);
        }
        return g.build();
    }

    private static Node record(byte[] b, int slot, int at, int limit, int[] slots) {
        RecordInfo r = RecordInfo.decode(b, 0, at, limit);
        int len = r.length() > 0 ? r.length() : guessLength(at, limit, slots);
        Node.Group g = new Node.Group("slot " + slot + " record", r.typeName() + ", " + len + " bytes", at, len).role(Node.Role.RECORD);
        g.leaf("status A", hex(r.statusA(), 2) + statusWords(r), at, 1);
        g.leaf("status B", hex(r.statusB(), 2), at + 1, 1);
        if (r.fixedEnd() >= 0) {
            g.leaf("fixed-length end", String.valueOf(r.fixedEnd()), at + 2, 2);
            if (r.fixedEnd() > 4) {
                g.leaf("fixed-length data", (r.fixedEnd() - 4) + " bytes", at + 4, r.fixedEnd() - 4);
            }
        }
        if (r.columnCount() >= 0) {
            g.leaf("column count", String.valueOf(r.columnCount()), at + r.fixedEnd(), 2);
            g.leaf("null bitmap", bits(b, r.nullBitmapAt(), r.nullBitmapLen(), r.columnCount()), r.nullBitmapAt(), r.nullBitmapLen());
        }
        if (r.varCount() >= 0) {
            int arrayAt = r.nullBitmapAt() >= 0 ? r.nullBitmapAt() + r.nullBitmapLen() : at + Math.max(4, r.fixedEnd());
            g.leaf("variable column count", String.valueOf(r.varCount()), arrayAt, 2);
            int prev = arrayAt + 2 + 2 * r.varCount() - at;
            for (int i = 0; i < r.varCount(); i++) {
                int end = r.varOffsets()[i];
                g.leaf("variable column " + i, "ends at " + end + (r.varComplex()[i] ? " (complex: row-overflow or LOB pointer)" : "")
                        + ", " + Math.max(0, end - prev) + " bytes", at + prev, Math.max(0, end - prev));
                prev = Math.max(prev, end);
            }
        }
        if (r.hasVersioningTag()) {
            g.leaf("versioning tag", "14 bytes", at + len - RecordInfo.VERSION_TAG_SIZE, RecordInfo.VERSION_TAG_SIZE);
        }
        for (String p : r.problems()) {
            g.leaf("note", p, at, 0);
        }
        return g.build();
    }

    private static int guessLength(int at, int limit, int[] slots) {
        int next = limit;
        for (int s : slots) {
            if (s > at && s < next) {
                next = s;
            }
        }
        return Math.max(1, next - at);
    }

    private static String statusWords(RecordInfo r) {
        StringBuilder sb = new StringBuilder(" (").append(r.typeName());
        if (r.hasNullBitmap()) {
            sb.append(", null bitmap");
        }
        if (r.hasVariableColumns()) {
            sb.append(", variable columns");
        }
        if (r.hasVersioningTag()) {
            sb.append(", versioning tag");
        }
        return sb.append(')').toString();
    }

    private static String bits(byte[] b, int at, int len, int columns) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns && c < len * 8 && c < 64; c++) {
            sb.append((b[at + c / 8] >> (c % 8) & 1) == 1 ? '1' : '0');
        }
        return sb + (columns > 64 ? "..." : "") + " (column 1 first; 1 = NULL)";
    }

    private static Node extentMap(byte[] raw, PageHeader h) {
        byte[] b = pagelens.core.page.TornBits.asRead(raw); // values as SQL Server reads them; offsets stay the page's
        ExtentBitmap bm = ExtentBitmap.read(b, 0);
        long start = 0;
        String meaning = switch (h.type()) {
            case PageType.GAM -> "1 = extent free, 0 = allocated";
            case PageType.SGAM -> "1 = mixed extent with a free page";
            case PageType.IAM -> "1 = extent allocated to this allocation unit";
            case PageType.DIFF_MAP -> "1 = changed since the last full backup";
            default -> "1 = changed by a minimally logged operation";
        };
        Node.Group g = new Node.Group("extent bitmap", bm.cardinality() + " bits set; " + meaning, ExtentBitmap.OFFSET, ExtentBitmap.BYTES);
        if (h.type() == PageType.IAM) {
            ExtentBitmap.IamHeader ih = ExtentBitmap.IamHeader.read(b, 0);
            Node.Group ig = new Node.Group("IAM header", "", 0x64, 90);
            ig.leaf("sequence number", String.valueOf(ih.sequence()), 0x64, 4);
            ig.leaf("status", String.valueOf(ih.status()), 0x64 + 14, 2);
            ig.leaf("object id", String.valueOf(ih.objectId()), 0x64 + 28, 4);
            ig.leaf("index id", String.valueOf(ih.indexId()), 0x64 + 32, 2);
            ig.leaf("page count", String.valueOf(ih.pageCount()), 0x64 + 34, 1);
            ig.leaf("start page", "(" + ih.startPage() + ")", 0x64 + 36, 6);
            for (int k = 0; k < ih.singlePages().size(); k++) {
                ig.leaf("single page slot " + k, "(" + ih.singlePages().get(k) + ")", 0x64 + 42 + 6 * k, 6);
            }
            g.add(ig.build());
            start = ih.startPage().pageId();
        } else {
            start = Pfs.gamPageFor(h.pageId().pageId()) == 2 ? 0 : Pfs.gamPageFor(h.pageId().pageId());
        }
        int shown = 0;
        for (ExtentBitmap.Run run : bm.runs(h.pageId().fileId(), start, ExtentBitmap.EXTENTS)) {
            if (shown++ >= 200) {
                g.leaf("...", "more runs not shown", 0, 0);
                break;
            }
            g.leaf("(" + run.first() + ") - (" + run.last() + ")", run.set() ? "1" : "0", ExtentBitmap.OFFSET, 0);
        }
        return g.build();
    }

    private static Node pfs(byte[] raw, PageHeader h) {
        byte[] b = pagelens.core.page.TornBits.asRead(raw); // values as SQL Server reads them; offsets stay the page's
        long first = h.pageId().pageId() == 1 ? 0 : h.pageId().pageId();
        Node.Group g = new Node.Group("PFS bytes", "one byte per page, " + Pfs.PAGES + " pages from (" + h.pageId().fileId() + ":" + first + ")",
                Pfs.OFFSET, Pfs.PAGES);
        int runStart = 0;
        int runs = 0;
        for (int i = 1; i <= Pfs.PAGES; i++) {
            if (i == Pfs.PAGES || b[Pfs.OFFSET + i] != b[Pfs.OFFSET + runStart]) {
                int v = b[Pfs.OFFSET + runStart] & 0xFF;
                if (v != 0 || i - runStart < Pfs.PAGES) {
                    g.leaf("(" + h.pageId().fileId() + ":" + (first + runStart) + ") - (" + h.pageId().fileId() + ":" + (first + i - 1) + ")",
                            hex(v, 2) + " " + Pfs.describe(v), Pfs.OFFSET + runStart, i - runStart);
                }
                runStart = i;
                runs++;
            }
            if (runs > 300) {
                g.leaf("...", "more runs not shown", 0, 0);
                break;
            }
        }
        return g.build();
    }

    static String hex(long v, int digits) {
        return String.format("0x%0" + digits + "X", v);
    }
}
