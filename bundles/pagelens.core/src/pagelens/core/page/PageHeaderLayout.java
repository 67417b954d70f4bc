package pagelens.core.page;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pagelens.core.Evidence;

/**
 * The page header described once ({@code page-header.tsv}): names, offsets, sizes, types, evidence, validity rules and
 * sources. The offset constants below are read from that table, and every decoder, the structure tree, byte
 * regions, quick checks and the DBCC-style dump use them.
 */
public final class PageHeaderLayout {

    /** One header field. */
    public record Field(String name, int offset, int size, String type, Evidence evidence, String rule, String source) {
    }

    private static final List<Field> FIELDS;
    private static final Map<String, Field> BY_NAME = new LinkedHashMap<>();

    static {
        List<Field> f = new ArrayList<>();
        try (InputStream in = PageHeaderLayout.class.getResourceAsStream("page-header.tsv")) {
            if (in == null) {
                throw new IllegalStateException("page-header.tsv is missing from pagelens.core");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] c = line.split("\t", -1);
                f.add(new Field(c[0], Integer.decode(c[1]), Integer.parseInt(c[2]), c[3], Evidence.valueOf(c[4]), c[5], c[6]));
            }
        } catch (IOException e) {
            throw new IllegalStateException("page-header.tsv cannot be read: " + e.getMessage(), e);
        }
        FIELDS = List.copyOf(f);
        FIELDS.forEach(x -> BY_NAME.put(x.name(), x));
    }

    private PageHeaderLayout() {
    }

    /** Every field in offset order. */
    public static List<Field> fields() {
        return FIELDS;
    }

    /** The field called {@code name}; fails when the table has none (a typo is a bug, not a missing field). */
    public static Field field(String name) {
        Field f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("page-header.tsv has no field " + name);
        }
        return f;
    }

    public static final int HEADER_VERSION = field("m_headerVersion").offset();
    public static final int TYPE = field("m_type").offset();
    public static final int TYPE_FLAG_BITS = field("m_typeFlagBits").offset();
    public static final int LEVEL = field("m_level").offset();
    public static final int FLAG_BITS = field("m_flagBits").offset();
    public static final int INDEX_ID = field("m_indexId").offset();
    public static final int PREV_PAGE = field("m_prevPage").offset();
    public static final int PMINLEN = field("pminlen").offset();
    public static final int NEXT_PAGE = field("m_nextPage").offset();
    public static final int SLOT_COUNT = field("m_slotCnt").offset();
    public static final int OBJ_ID = field("m_objId").offset();
    public static final int FREE_COUNT = field("m_freeCnt").offset();
    public static final int FREE_DATA = field("m_freeData").offset();
    /** m_pageId: the page number (u32) here, the file id (u16) at {@link #FILE_ID}. */
    public static final int PAGE_ID = field("m_pageId").offset();
    public static final int FILE_ID = PAGE_ID + 4;
    public static final int RESERVED_COUNT = field("m_reservedCnt").offset();
    public static final int LSN = field("m_lsn").offset();
    public static final int XACT_RESERVED = field("m_xactReserved").offset();
    /** m_xdesId: part 2 (u32) here, part 1 (u16) 4 bytes on. */
    public static final int XDES_ID = field("m_xdesId").offset();
    public static final int GHOST_REC_COUNT = field("m_ghostRecCnt").offset();
    /** m_tornBits: the page checksum or the torn-page signature. */
    public static final int TORN_BITS = field("m_tornBits").offset();
    public static final int RESERVED = field("reserved").offset();
    public static final int RESERVED_SIZE = field("reserved").size();
}
