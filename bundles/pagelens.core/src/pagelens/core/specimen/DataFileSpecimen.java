package pagelens.core.specimen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import pagelens.core.alloc.ExtentBitmap;
import pagelens.core.alloc.Pfs;
import pagelens.core.catalog.BaseTables;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.page.PageHeaderLayout;
import pagelens.core.page.PageId;
import pagelens.core.page.PageType;

/**
 * Writes a synthetic primary data file that PageLens reads as valid and whose structure follows the real
 * samples: page 0 file header, 1 PFS (then every 8,088 pages), 2 GAM and 3 SGAM (then every 511,232),
 * 4-5 zero, 6 DIFF, 7 ML, 8 IAM, 9 boot page, then data pages (every 16th an index page) in allocated
 * extents, and zero-filled free extents at the end. Map pages use the real two-record layout (record 0 at
 * 0x60 with 90 bytes, record 1 at 0xBE with the 7,988-byte bitmap at 0xC2). Written page by page: memory
 * stays small whatever the size.
 */
public final class DataFileSpecimen {

    /** What to write. */
    public record Spec(long pages, Protection protection, boolean mixedProtection, String databaseName, int dbiVersion,
            int createVersion, double usedFraction, long seed, boolean staleHekaton) {

        public static Spec defaults(long pages) {
            return new Spec(pages, Protection.CHECKSUM, false, "PageLensSpecimen", 957, 957, 0.8, 1, false);
        }

        public Spec withProtection(Protection p) {
            return new Spec(pages, p, false, databaseName, dbiVersion, createVersion, usedFraction, seed, staleHekaton);
        }

        public Spec withMixedProtection() {
            return new Spec(pages, protection, true, databaseName, dbiVersion, createVersion, usedFraction, seed, staleHekaton);
        }

        public Spec withName(String name) {
            return new Spec(pages, protection, mixedProtection, name, dbiVersion, createVersion, usedFraction, seed, staleHekaton);
        }

        public Spec withVersion(int version, int create) {
            return new Spec(pages, protection, mixedProtection, databaseName, version, create, usedFraction, seed, staleHekaton);
        }

        public Spec withUsedFraction(double f) {
            return new Spec(pages, protection, mixedProtection, databaseName, dbiVersion, createVersion, f, seed, staleHekaton);
        }

        /** A "moved database": non-zero In-Memory OLTP state in the boot page (SYNTHETIC values, see BootRecords). */
        public Spec withStaleHekaton(boolean stale) {
            return new Spec(pages, protection, mixedProtection, databaseName, dbiVersion, createVersion, usedFraction, seed, stale);
        }
    }

    public static final int FILE_ID = 1;
    /** The file id of the secondary data file {@link #writeWithSecondary} writes (file 2 is the log, as SQL Server numbers them). */
    public static final int SECONDARY_FILE_ID = 3;
    /** Allocation unit of the specimen table: m_indexId 256, m_objId 1000. */
    static final int TABLE_INDEX_ID = 256;
    static final long TABLE_OBJ_ID = 1000;
    static final int IAM_PAGE = 8;
    /** The specimen's system catalog (SYNTHETIC rows, real layouts): base-table data pages 16..23, their IAM pages 24..31. */
    static final int CATALOG_FIRST = 16;
    static final int CATALOG_IAM = 24;
    /** Base tables written, in page order from {@link #CATALOG_FIRST}; page 20 is sysallocunits (the boot page names 1:20). */
    static final String[] CATALOG_TABLES = { "sysrowsets", "sysschobjs", "sysclsobjs", "sysidxstats", "sysallocunits", "syscolpars", "sysrscols",
        "sysprufiles" };
    /** The specimen table's names and ids (SYNTHETIC). */
    public static final String TABLE_SCHEMA = "dbo";
    public static final String TABLE_NAME = "Customers";
    public static final String INDEX_NAME = "PK_Customers";
    public static final int TABLE_OBJECT_ID = 1977058079;
    static final long TABLE_AUID = ((long) TABLE_INDEX_ID << 48) | (TABLE_OBJ_ID << 16);
    static final long TABLE_ROWSET = TABLE_AUID - 65536;
    private static final int BATCH_PAGES = 128;

    private final Spec spec;
    private final long usedExtents;
    private final Random random;

    /** This generator's file: 1 (the primary, with the boot page and the catalog) or {@link #SECONDARY_FILE_ID}. */
    private final int fileId;
    private final boolean secondary;
    /** Of a primary: the pages of its secondary file (0: none). */
    private long secondaryPages;

    private DataFileSpecimen(Spec spec) {
        this(spec, FILE_ID);
    }

    private DataFileSpecimen(Spec spec, int fileId) {
        this.fileId = fileId;
        this.secondary = fileId != FILE_ID;
        if (spec.pages() < 16) {
            throw new IllegalArgumentException("a specimen data file needs at least 16 pages (2 extents)");
        }
        this.spec = spec;
        long extents = (spec.pages() + 7) / 8;
        this.usedExtents = Math.max(2, Math.min(extents, (long) Math.ceil(extents * spec.usedFraction())));
        this.random = new Random(spec.seed());
        this.catalog = usedExtents >= 5 && !secondary;
        this.typed = usedExtents >= 6 && !secondary;
        this.firstTablePage = typed ? TypedTable.LAST_PAGE + 1 : catalog ? 32 : 16;
    }

    /** Whether the specimen has room for its catalog (five used extents). */
    private final boolean catalog;
    /** Whether it has room for the table of every type, {@code dbo.TypeSamples} in pages 32..39 (six used extents). */
    private final boolean typed;
    /** The first page of the Customers table's uniform extents. */
    private final long firstTablePage;
    private final TypedTable.Header typedHeader = new TypedTable.Header() {
        @Override
        public PageBuilder page(int type, long p, int indexId, long objId) {
            return header(type, p, indexId, objId);
        }

        @Override
        public byte[] finish(PageBuilder pb, long p, int pminlen, long prev, long next) {
            return pb.finish(pminlen, prev, next, fileId, protectionOf(p), sig(p));
        }
    };

    /** A generator of the specimen's pages, for writers of other containers (backups). */
    static DataFileSpecimen of(Spec spec) {
        return new DataFileSpecimen(spec);
    }

    /** Writes the specimen to {@code out} (created or replaced). */
    public static void write(Path out, Spec spec, ProgressMonitor monitor) throws IOException {
        new DataFileSpecimen(spec).writeTo(out, monitor);
    }

    /**
     * Writes a database of two data files: the primary as {@link #write} does (boot page, catalog, the table's first pages)
     * and a secondary file (file id {@value #SECONDARY_FILE_ID}, {@code secondaryPages} pages, same filegroup) holding more
     * of the same table: its IAM chain goes on from the primary's last IAM page to the secondary's page 8, and the primary's
     * catalog lists the file (SYNTHETIC, as every specimen).
     */
    public static void writeWithSecondary(Path primary, Path secondary, Spec spec, long secondaryPages, ProgressMonitor monitor) throws IOException {
        DataFileSpecimen p = new DataFileSpecimen(spec);
        p.secondaryPages = secondaryPages;
        p.writeTo(primary, monitor);
        Spec s = new Spec(secondaryPages, spec.protection(), spec.mixedProtection(), spec.databaseName(), spec.dbiVersion(), spec.createVersion(),
                spec.usedFraction(), spec.seed() + 1, spec.staleHekaton());
        new DataFileSpecimen(s, SECONDARY_FILE_ID).writeTo(secondary, monitor);
    }

    /** Boot record length by dbi_version (docs/formats.md section 10, [VERIFIED] on real boot pages). */
    public static int bootRecordLength(int dbiVersion) {
        if (dbiVersion <= 611) {
            return 732;
        }
        if (dbiVersion <= 661) {
            return 1444;
        }
        if (dbiVersion <= 706) {
            return 1504;
        }
        if (dbiVersion <= 782) {
            return 1554;
        }
        if (dbiVersion <= 852) {
            return 1620;
        }
        if (dbiVersion <= 869) {
            return 1644;
        }
        if (dbiVersion <= 904) {
            return 1768;
        }
        if (dbiVersion <= 957) {
            return 1786;
        }
        return 1832;
    }

    private void writeTo(Path out, ProgressMonitor monitor) throws IOException {
        monitor.begin("Writing specimen " + out.getFileName(), spec.pages());
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer batch = ByteBuffer.allocate(BATCH_PAGES * Page.SIZE);
            for (long p = 0; p < spec.pages(); p++) {
                batch.put(page(p));
                if (!batch.hasRemaining() || p == spec.pages() - 1) {
                    batch.flip();
                    while (batch.hasRemaining()) {
                        ch.write(batch);
                    }
                    batch.clear();
                    monitor.checkCanceled();
                    monitor.worked(BATCH_PAGES);
                }
            }
        } finally {
            monitor.done();
        }
    }

    /** Whether a page is in an allocated extent. */
    boolean extentUsed(long page) {
        return page / 8 < usedExtents;
    }

    Protection protectionOf(long page) {
        if (!spec.mixedProtection()) {
            return spec.protection();
        }
        return switch ((int) (page % 3)) {
            case 0 -> Protection.CHECKSUM;
            case 1 -> Protection.TORN;
            default -> Protection.NONE;
        };
    }

    private int sig(long page) {
        return (int) (page % 2) + 1;
    }

    private boolean isPfs(long p) {
        return p == 1 || p > 1 && p % Pfs.PAGES == 0;
    }

    private long gamBase(long p) {
        return p / ExtentBitmap.PAGES_PER_INTERVAL * ExtentBitmap.PAGES_PER_INTERVAL;
    }

    byte[] page(long p) {
        if (isPfs(p)) {
            return pfsPage(p);
        }
        long g = gamBase(p);
        long rel = p - g;
        if (rel == (g == 0 ? 2 : 0)) {
            return mapPage(p, PageType.GAM);
        }
        if (rel == (g == 0 ? 3 : 1)) {
            return mapPage(p, PageType.SGAM);
        }
        if (rel == 6) {
            return mapPage(p, PageType.DIFF_MAP);
        }
        if (rel == 7) {
            return mapPage(p, PageType.ML_MAP);
        }
        if (p == 0) {
            return fileHeaderPage();
        }
        if (p == 4 || p == 5 || !extentUsed(p)) {
            return new byte[Page.SIZE];
        }
        if (secondary && p > IAM_PAGE && p < 16) {
            return dataPage(p); // a secondary file has no boot page: pages 9..15 are single-page slots of the table
        }
        if (p == IAM_PAGE) {
            return mapPage(p, PageType.IAM);
        }
        if (p == Page.BOOT_PAGE_ID) {
            return bootPage();
        }
        if (catalog && p >= CATALOG_FIRST && p < CATALOG_IAM) {
            return catalogPage(p);
        }
        if (catalog && p >= CATALOG_IAM && p < CATALOG_IAM + CATALOG_TABLES.length) {
            return catalogIam(p);
        }
        if (typed && TypedTable.owns(p)) {
            return TypedTable.page(p, fileId, typedHeader);
        }
        if (g > 0 && rel == 8 && extentUsed(p)) {
            return mapPage(p, PageType.IAM); // the table's IAM page for this GAM interval
        }
        return p % 16 == 15 ? indexPage(p) : dataPage(p);
    }

    /** PFS byte the specimen gives a page. */
    int pfsByte(long p) {
        if (p == 4 || p == 5 || !extentUsed(p) && !isPfs(p)) {
            return 0;
        }
        if (p == IAM_PAGE || catalog && p >= CATALOG_IAM && p < CATALOG_IAM + CATALOG_TABLES.length) {
            return Pfs.IAM | Pfs.MIXED | Pfs.ALLOCATED;
        }
        if (catalog && p >= CATALOG_FIRST && p < CATALOG_IAM) {
            return Pfs.MIXED | Pfs.ALLOCATED | 1;
        }
        if (typed && TypedTable.owns(p)) {
            return TypedTable.pfsByte(p);
        }
        if (gamBase(p) > 0 && p - gamBase(p) == 8) {
            return Pfs.IAM | Pfs.ALLOCATED;
        }
        if (p < 10 || isPfs(p) || gamBase(p) == p || p - gamBase(p) < 8) {
            return Pfs.ALLOCATED | 4;
        }
        return Pfs.ALLOCATED | 3;
    }

    private PageBuilder header(int type, long p, int indexId, long objId) {
        return new PageBuilder(type, fileId, p, indexId, objId, 40 + p / 100_000, 100 + p % 100_000, (int) (p % 60));
    }

    private byte[] pfsPage(long p) {
        PageBuilder pb = header(PageType.PFS, p, 0, 99);
        byte[] rec = new byte[4 + Pfs.PAGES];
        rec[2] = (byte) (4 + Pfs.PAGES);
        rec[3] = (byte) ((4 + Pfs.PAGES) >>> 8);
        long first = p == 1 ? 0 : p;
        for (int i = 0; i < Pfs.PAGES; i++) {
            long q = first + i;
            rec[4 + i] = (byte) (q < spec.pages() ? pfsByte(q) : 0);
        }
        pb.addRecord(rec);
        return pb.finish(0, -1, -1, fileId, protectionOf(p), sig(p));
    }

    private byte[] mapPage(long p, int type) {
        PageBuilder pb = type == PageType.IAM ? header(type, p, TABLE_INDEX_ID, TABLE_OBJ_ID) : header(type, p, 0, 99);
        byte[] rec0 = new byte[94];
        rec0[2] = 94;
        long g = gamBase(p);
        if (type == PageType.IAM) {
            // IAM header (F+ offsets, section 4.2): sequence, status, object id, index id, page count, start page
            putInt(rec0, 4 + 28, (int) TABLE_OBJ_ID);
            rec0[4 + 32] = 1;
            rec0[4 + 34] = 8;
            putInt(rec0, 4 + 36, (int) g);
            rec0[4 + 40] = (byte) fileId;
            int firstSingle = secondary ? 9 : 10;
            for (int k = 0; g == 0 && k < 16 - firstSingle; k++) { // single-page slots of the first IAM: pages 10..15 (9..15)
                putInt(rec0, 4 + 42 + 6 * k, firstSingle + k);
                rec0[4 + 42 + 6 * k + 4] = (byte) fileId;
            }
        }
        pb.addRecord(rec0);
        byte[] rec1 = new byte[4 + ExtentBitmap.BYTES];
        rec1[2] = (byte) (4 + ExtentBitmap.BYTES);
        rec1[3] = (byte) ((4 + ExtentBitmap.BYTES) >>> 8);
        ExtentBitmap bm = ExtentBitmap.empty();
        for (int e = 0; e < ExtentBitmap.EXTENTS; e++) {
            long firstPage = g + 8L * e;
            if (firstPage >= spec.pages()) {
                break;
            }
            boolean used = extentUsed(firstPage);
            switch (type) {
                case PageType.GAM -> bm.set(e, !used);
                case PageType.IAM -> bm.set(e, used && firstPage >= firstTablePage);
                case PageType.DIFF_MAP -> bm.set(e, used && e % 5 == 0);
                default -> {
                    // SGAM and ML: no bits
                }
            }
        }
        byte[] page = new byte[Page.SIZE];
        bm.writeTo(page, 0);
        System.arraycopy(page, ExtentBitmap.OFFSET, rec1, 4, ExtentBitmap.BYTES);
        pb.addRecord(rec1);
        Protection prot = type == PageType.ML_MAP ? Protection.NONE : protectionOf(p);
        // the table's IAM chain: one IAM page per GAM interval it uses (page 8, then 8 pages into each further interval)
        long nextIam = type == PageType.IAM ? g + ExtentBitmap.PAGES_PER_INTERVAL + 8 : -1;
        boolean last = nextIam < 0 || !extentUsed(nextIam);
        byte[] b = pb.finish(90, -1, last ? -1 : nextIam, fileId, prot, sig(p));
        if (type == PageType.IAM && last && secondaryPages > 0) {
            // the chain goes on in the secondary file, whose first IAM page is its page 8
            putInt(b, PageHeaderLayout.NEXT_PAGE, IAM_PAGE);
            putShort(b, PageHeaderLayout.NEXT_PAGE + 4, SECONDARY_FILE_ID);
            PageBuilder.protect(b, prot, sig(p));
        }
        return b;
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private byte[] fileHeaderPage() {
        PageBuilder pb = header(PageType.FILE_HEADER, 0, 0, 99);
        // one record with variable columns like the real file header (section 4.1): col 0 BindingID GUID,
        // col 1 empty, col 2 FileIdProp, col 3 the logical name
        byte[] name = (spec.databaseName() + (secondary ? "_2" : "_data")).getBytes(StandardCharsets.UTF_16LE);
        int cols = 4;
        int varStart = 4 + 4 + 2 + 1 + 2 + 2 * cols;
        byte[] rec = new byte[varStart + 16 + 2 + name.length];
        rec[0] = 0x30;
        rec[2] = 8;
        rec[8] = (byte) cols; // column count
        rec[11] = (byte) cols; // variable column count at 4+4+2+1
        int end = varStart;
        byte[] guid = new byte[16];
        random.nextBytes(guid);
        System.arraycopy(guid, 0, rec, end, 16);
        end += 16;
        putShort(rec, 13, end);
        putShort(rec, 15, end);
        rec[end] = (byte) fileId;
        end += 2;
        putShort(rec, 17, end);
        System.arraycopy(name, 0, rec, end, name.length);
        end += name.length;
        putShort(rec, 19, end);
        pb.addRecord(rec);
        return pb.finish(8, -1, -1, fileId, protectionOf(0), sig(0));
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private byte[] bootPage() {
        PageBuilder pb = header(PageType.BOOT, Page.BOOT_PAGE_ID, 0, 99);
        pb.addRecord(BootRecords.record(spec, random));
        return pb.finish(0, -1, -1, fileId, protectionOf(Page.BOOT_PAGE_ID), sig(Page.BOOT_PAGE_ID));
    }

    private byte[] dataPage(long p) {
        PageBuilder pb = header(PageType.DATA, p, TABLE_INDEX_ID, TABLE_OBJ_ID);
        pb.b[2] = 0; // m_typeFlagBits
        long id = firstRowId(p);
        int count = 0;
        while (true) {
            byte[] rec = dataRecord(id++);
            if (pb.room() < rec.length + 2 || pb.addRecord(rec) < 0) {
                break;
            }
            if (++count >= 10 && leavePartlyEmpty(p, count)) {
                break;
            }
        }
        return pb.finish(32, p > firstTablePage ? p - 1 : -1, extentUsed(p + 1) ? p + 1 : -1, fileId, protectionOf(p), sig(p));
    }

    private long firstRowId(long p) {
        return p * 100 + (secondary ? 500_000_000L : 0); // the secondary's rows go on after the primary's
    }

    /**
     * Whether a data page stops after {@code count} rows (one chance in a hundred per row after the tenth: some pages are left
     * partly empty), from a hash rather than a random stream, so that the catalog can count the rows before they are written.
     */
    private boolean leavePartlyEmpty(long p, int count) {
        long h = (p * 0x9E3779B97F4A7C15L + count * 0xC2B2AE3D27D4EB4FL + spec.seed()) * 0x165667B19E3779F9L;
        return (h >>> 40) % 100 == 0;
    }

    /** The bytes {@link #dataRecord} writes for a row id, without writing it. */
    private static int dataRecordLength(long id) {
        int digits = Long.toString(id).length();
        int name = 9 + digits;
        int note = id % 7 == 0 ? 2 * ("Ünïcødé ✓ 顧客 ".length() + digits) : 2 * (5 + digits);
        return 32 + 2 + 1 + 2 + 4 + name + note;
    }

    /** The rows {@link #dataPage} writes on page {@code p}, counted as it fills the page. */
    private int rowsOnDataPage(long p) {
        long id = firstRowId(p);
        int slots = 0;
        int free = Page.HEADER_SIZE;
        while (true) {
            int len = dataRecordLength(id++);
            if (Page.SIZE - 2 * slots - free - 2 < len + 2) {
                return slots;
            }
            slots++;
            free += len;
            if (slots >= 10 && leavePartlyEmpty(p, slots)) {
                return slots;
            }
        }
    }

    private long customerRows = -1;

    /** The Customers table's rows in this file, as the catalog's sysrowsets.rcrows gives them. */
    private long customerRows() {
        if (customerRows < 0) {
            long n = 0;
            for (long q = secondary ? 9 : 10; q < spec.pages(); q++) {
                if (extentUsed(q) && q % 16 != 15 && !isMapOrIam(q) && !(catalog && q >= CATALOG_FIRST && q < CATALOG_IAM + CATALOG_TABLES.length)
                        && !(typed && TypedTable.owns(q))) {
                    n += rowsOnDataPage(q);
                }
            }
            customerRows = n;
        }
        return customerRows;
    }

    /** A record with 4 fixed columns (32-byte fixed part), a null bitmap and 2 variable columns. */
    private byte[] dataRecord(long id) {
        byte[] name = ("Customer " + id).getBytes(StandardCharsets.US_ASCII);
        byte[] note = (id % 7 == 0 ? "Ünïcødé ✓ 顧客 " + id : "note " + id).getBytes(StandardCharsets.UTF_16LE);
        int fixedEnd = 32;
        int varStart = fixedEnd + 2 + 1 + 2 + 4;
        byte[] r = new byte[varStart + name.length + note.length];
        r[0] = 0x30;
        putShort(r, 2, fixedEnd);
        putInt(r, 4, (int) id);
        long amount = id * 37 % 100_000;
        putInt(r, 8, (int) amount);
        putInt(r, 12, (int) (amount >>> 32));
        putInt(r, 16, (int) (id % 300)); // datetime ticks
        putInt(r, 20, 45_000 + (int) (id % 365)); // datetime days
        System.arraycopy(String.format("C%07d", id % 10_000_000).getBytes(StandardCharsets.US_ASCII), 0, r, 24, 8);
        putShort(r, fixedEnd, 6); // column count
        r[fixedEnd + 2] = (byte) (id % 11 == 0 ? 0x20 : 0); // null bitmap
        putShort(r, fixedEnd + 3, 2); // variable columns
        putShort(r, fixedEnd + 5, varStart + name.length);
        putShort(r, fixedEnd + 7, varStart + name.length + note.length);
        System.arraycopy(name, 0, r, varStart, name.length);
        System.arraycopy(note, 0, r, varStart + name.length, note.length);
        return r;
    }

    private byte[] indexPage(long p) {
        PageBuilder pb = header(PageType.INDEX, p, TABLE_INDEX_ID, TABLE_OBJ_ID); // non-leaf pages of the clustered index
        pb.b[3] = 1; // m_level
        for (int k = 0; k < 15; k++) {
            byte[] r = new byte[11];
            r[0] = 0x06;
            putInt(r, 1, (int) ((p - 15 + k) * 100));
            putInt(r, 5, (int) (p - 15 + k));
            r[9] = (byte) fileId;
            pb.addRecord(r);
        }
        return pb.finish(11, -1, -1, fileId, protectionOf(p), sig(p));
    }

    // ---------------------------------------------------------------- the system catalog (SYNTHETIC rows)

    private static long baseId(String table) {
        return BaseTables.get().table(table).id();
    }

    private byte[] catalogPage(long p) {
        String table = CATALOG_TABLES[(int) (p - CATALOG_FIRST)];
        BaseTables.Table t = BaseTables.get().table(table);
        PageBuilder pb = header(PageType.DATA, p, (int) (t.id() >>> 48), t.id() >>> 16 & 0xFFFF_FFFFL);
        for (Map<String, Object> row : catalogRows(table)) {
            if (pb.addRecord(CatalogRows.encode(t, row)) < 0) {
                throw new IllegalStateException("specimen catalog: " + table + " does not fit one page");
            }
        }
        return pb.finish(t.fixedEnd(), -1, -1, fileId, protectionOf(p), sig(p));
    }

    private byte[] catalogIam(long p) {
        String table = CATALOG_TABLES[(int) (p - CATALOG_IAM)];
        long id = baseId(table);
        PageBuilder pb = header(PageType.IAM, p, (int) (id >>> 48), id >>> 16 & 0xFFFF_FFFFL);
        byte[] rec0 = new byte[94];
        rec0[2] = 94;
        rec0[4 + 34] = 1;
        rec0[4 + 40] = (byte) fileId; // start page 1:0
        putInt(rec0, 4 + 42, (int) (p - CATALOG_IAM + CATALOG_FIRST)); // single-page slot 0: the table's data page
        rec0[4 + 42 + 4] = (byte) fileId;
        pb.addRecord(rec0);
        byte[] rec1 = new byte[4 + ExtentBitmap.BYTES];
        rec1[2] = (byte) (4 + ExtentBitmap.BYTES);
        rec1[3] = (byte) ((4 + ExtentBitmap.BYTES) >>> 8);
        pb.addRecord(rec1);
        return pb.finish(90, -1, -1, fileId, protectionOf(p), sig(p));
    }

    private List<Map<String, Object>> catalogRows(String table) {
        LocalDateTime created = LocalDateTime.of(2024, 5, 17, 9, 30, 15);
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (table) {
            case "sysallocunits" -> {
                for (int i = 0; i < CATALOG_TABLES.length; i++) {
                    long id = baseId(CATALOG_TABLES[i]);
                    PageId data = new PageId(fileId, CATALOG_FIRST + i);
                    rows.add(row("auid", id, "type", 1, "ownerid", id, "status", 0, "fgid", 1, "pgfirst", data, "pgroot", data,
                            "pgfirstiam", new PageId(fileId, CATALOG_IAM + i), "pcused", 2L, "pcdata", 1L, "pcreserved", 2L));
                }
                long used = 0;
                for (long q = 0; q < spec.pages(); q++) {
                    if (extentUsed(q) && (q >= firstTablePage || q >= 10 && q <= 15) && !isMapOrIam(q)) {
                        used++;
                    }
                }
                rows.add(row("auid", TABLE_AUID, "type", 1, "ownerid", TABLE_ROWSET, "status", 0, "fgid", 1, "pgfirst", new PageId(fileId, 10),
                        "pgroot", new PageId(fileId, 15), "pgfirstiam", new PageId(fileId, IAM_PAGE), "pcused", used, "pcdata", used,
                        "pcreserved", usedExtents * 8));
                if (typed) {
                    TypedTable.sysallocunits(rows, fileId);
                }
            }
            case "sysrowsets" -> {
                for (String t : CATALOG_TABLES) {
                    BaseTables.Table bt = BaseTables.get().table(t);
                    rows.add(row("rowsetid", bt.id(), "ownertype", 1, "idmajor", bt.objectId(), "idminor", Math.max(1, bt.indexBits()), "numpart", 1,
                            "status", 0x246, "fgidfs", 0, "rcrows", t.equals("sysrowsets") ? CATALOG_TABLES.length + (typed ? 2L : 1L) : (long) catalogRows(t).size(),
                            "cmprlevel", 0));
                }
                rows.add(row("rowsetid", TABLE_ROWSET, "ownertype", 1, "idmajor", TABLE_OBJECT_ID, "idminor", 1, "numpart", 1, "status", 0x246,
                        "fgidfs", 0, "rcrows", customerRows() + secondaryRows(), "cmprlevel", 0));
                if (typed) {
                    TypedTable.sysrowsets(rows);
                }
            }
            case "sysschobjs" -> {
                for (String t : CATALOG_TABLES) {
                    rows.add(row("id", BaseTables.get().table(t).objectId(), "name", t, "nsid", 4, "nsclass", 0, "status", 1, "type", "S ", "pid", 0,
                            "pclass", 1, "intprop", BaseTables.get().table(t).columns().size(), "created", created, "modified", created));
                }
                rows.add(row("id", TABLE_OBJECT_ID, "name", TABLE_NAME, "nsid", 1, "nsclass", 0, "status", 0, "type", "U ", "pid", 0, "pclass", 1,
                        "intprop", 6, "created", created, "modified", created.plusDays(3)));
                if (typed) {
                    TypedTable.sysschobjs(rows, created);
                }
            }
            case "sysclsobjs" -> {
                rows.add(row("class", 50, "id", 1, "name", "dbo", "status", 0, "type", "  ", "intprop", 0, "created", created, "modified", created));
                rows.add(row("class", 50, "id", 4, "name", "sys", "status", 0, "type", "  ", "intprop", 0, "created", created, "modified", created));
                rows.add(row("class", 31, "id", 1, "name", "PRIMARY", "status", 1, "type", "FG", "intprop", 0, "created", created, "modified", created));
            }
            case "sysidxstats" -> {
                rows.add(row("id", TABLE_OBJECT_ID, "indid", 1, "name", INDEX_NAME, "status", 0x12, "intprop", 0, "fillfact", 0, "type", 1, "tinyprop", 0,
                        "dataspace", 1, "lobds", 0, "rowset", TABLE_ROWSET));
                if (typed) {
                    TypedTable.sysidxstats(rows);
                }
            }
            case "syscolpars" -> {
                Object[][] cols = { { "CustomerId", 56, 4 }, { "Amount", 127, 8 }, { "Created", 61, 8 }, { "Code", 175, 8 }, { "Name", 167, 100 },
                    { "Note", 231, 400 } };
                for (int i = 0; i < cols.length; i++) {
                    rows.add(row("id", TABLE_OBJECT_ID, "number", 0, "colid", i + 1, "name", cols[i][0], "xtype", cols[i][1], "utype", cols[i][1],
                            "length", cols[i][2], "prec", 0, "scale", 0, "collationid", 0x3400D008, "status", i == 0 ? 1 : 0, "maxinrow", cols[i][2],
                            "xmlns", 0, "dflt", 0, "chk", 0));
                }
                if (typed) {
                    TypedTable.syscolpars(rows);
                }
            }
            case "sysrscols" -> {
                int[] leaf = { 4, 8, 16, 24, -1, -2 };
                int[] ti = { 56, 127, 61, 175 | (8 << 8), 167 | (100 << 8), 231 | (400 << 8) };
                for (int i = 0; i < leaf.length; i++) {
                    rows.add(row("rsid", TABLE_ROWSET, "rscolid", i + 1, "hbcolid", i + 1, "rcmodified", 0L, "ti", ti[i], "cid", 0, "ordkey", i == 0 ? 1 : 0,
                            "maxinrowlen", 0, "status", 0x80, "offset", leaf[i] & 0xFFFF, "nullbit", i + 1, "bitpos", 0));
                }
                if (typed) {
                    TypedTable.sysrscols(rows);
                }
            }
            case "sysprufiles" -> {
                rows.add(row("dbfragid", 1, "fileid", fileId, "grpid", 1, "status", 2, "filetype", 0, "filestate", 0, "size", (int) spec.pages(),
                        "maxsize", -1, "growth", 8192, "lname", spec.databaseName(), "pname", "D:\\Data\\" + spec.databaseName() + ".mdf"));
                rows.add(row("dbfragid", 1, "fileid", 2, "grpid", 0, "status", 0x42, "filetype", 1, "filestate", 0, "size", 1024, "maxsize", -1,
                        "growth", 10, "lname", spec.databaseName() + "_log", "pname", "D:\\Data\\" + spec.databaseName() + "_log.ldf"));
                if (secondaryPages > 0) {
                    rows.add(row("dbfragid", 1, "fileid", SECONDARY_FILE_ID, "grpid", 1, "status", 2, "filetype", 0, "filestate", 0, "size",
                            (int) secondaryPages, "maxsize", -1, "growth", 8192, "lname", spec.databaseName() + "_2", "pname", "D:\\Data\\"
                                    + spec.databaseName() + "_2.ndf"));
                }
            }
            default -> throw new IllegalStateException(table);
        }
        return rows;
    }

    /** The rows of the secondary file (same layout from its page 9 on, no catalog), for the primary's catalog. */
    private long secondaryRows() {
        if (secondaryPages <= 0) {
            return 0;
        }
        DataFileSpecimen s = new DataFileSpecimen(new Spec(secondaryPages, spec.protection(), spec.mixedProtection(), spec.databaseName(),
                spec.dbiVersion(), spec.createVersion(), spec.usedFraction(), spec.seed() + 1, spec.staleHekaton()), SECONDARY_FILE_ID);
        return s.customerRows();
    }

    private boolean isMapOrIam(long q) {
        long rel = q - gamBase(q);
        return isPfs(q) || rel == (gamBase(q) == 0 ? 2 : 0) || rel == (gamBase(q) == 0 ? 3 : 1) || rel == 6 || rel == 7 || q == IAM_PAGE
                || gamBase(q) > 0 && rel == 8;
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
