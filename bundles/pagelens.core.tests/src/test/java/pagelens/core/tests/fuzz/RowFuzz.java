package pagelens.core.tests.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.rows.LobReader;
import pagelens.core.rows.RowDecoder;
import pagelens.core.rows.TableColumn;
import pagelens.core.rows.TableSchema;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;
import pagelens.core.store.Provenance;

/**
 * The row decoder on a hostile page: every slot decoded by a schema of every type (fixed, variable, bit, LOB), with LOB
 * pointers followed through a store whose every page is the input page itself (so chains may point back into themselves).
 * Nothing may throw, hang or grow without bound.
 */
public final class RowFuzz {
    private RowFuzz() {
    }

    private static final TableSchema SCHEMA;

    static {
        int[][] cols = { { 104, 1, 0, 0 }, { 48, 1, 0, 0 }, { 52, 2, 0, 0 }, { 56, 4, 0, 0 }, { 127, 8, 0, 0 }, { 106, 9, 18, 4 }, { 60, 8, 0, 0 },
            { 62, 8, 0, 0 }, { 61, 8, 0, 0 }, { 43, 10, 0, 7 }, { 175, 10, 0, 0 }, { 36, 16, 0, 0 }, { 167, 50, 0, 0 }, { 231, 100, 0, 0 },
            { 98, 8016, 0, 0 }, { 167, 0, 0, 0 }, { 35, 16, 0, 0 }, { 34, 16, 0, 0 } };
        List<TableColumn> out = new ArrayList<>();
        int at = 4;
        int var = 0;
        for (int k = 0; k < cols.length; k++) {
            int[] c = cols[k];
            boolean variable = c[0] == 167 || c[0] == 231 || c[0] == 98 || c[0] == 35 || c[0] == 34;
            int leaf = variable ? -(++var) : at;
            if (!variable) {
                at += c[0] == 104 ? 1 : c[1];
            }
            out.add(new TableColumn("c" + k, k + 1, c[0], c[1], c[2], c[3], 0x3400D008, leaf, k + 1, 0, 0));
        }
        SCHEMA = TableSchema.of(out);
    }

    public static void fuzzerTestOneInput(byte[] data) {
        byte[] page = Fuzz.page(data);
        page[0] = 1;
        PageStore store = new PageStore() {
            @Override
            public Path evidence() {
                return null;
            }

            @Override
            public String description() {
                return "fuzz";
            }

            @Override
            public List<Integer> fileIds() {
                return List.of(1);
            }

            @Override
            public long pageLimit(int fileId) {
                return 1L << 32;
            }

            @Override
            public List<PageCopy> copies(PageId id) {
                return List.of(new PageCopy(id, new Provenance(null, 0, 0)));
            }

            @Override
            public byte[] read(PageCopy copy) {
                return page.clone();
            }

            @Override
            public void close() {
            }
        };
        RowDecoder d = new RowDecoder(SCHEMA, new LobReader(store));
        int slots = Math.min(((page[0x16] & 0xFF) | (page[0x17] & 0xFF) << 8), (Page.SIZE - Page.HEADER_SIZE) / 2);
        for (int s = 0; s < slots; s++) {
            int at = (page[Page.SIZE - 2 - 2 * s] & 0xFF) | (page[Page.SIZE - 1 - 2 * s] & 0xFF) << 8;
            if (at >= Page.HEADER_SIZE && at < Page.SIZE) {
                d.decode(page, new PageId(1, 1), s, at, Page.SIZE, null);
            }
        }
        // and the record area as if every offset could start a record
        for (int at = Page.HEADER_SIZE; at < Page.SIZE; at += 97) {
            d.decode(page, new PageId(1, 1), 0, at, Page.SIZE, null);
        }
    }
}
