package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import pagelens.core.backup.XpressHuffman;
import pagelens.core.page.Bytes;
import pagelens.core.xtp.XtpRecords;

/** The real AdventureWorks2016_EXT checkpoint chunk: 371 records, and row 9469 reads back as documented. */
class XtpRecordsTest {

    static byte[] chunk() throws Exception {
        byte[] in = Files.readAllBytes(Samples.get("xtp-aw2016ext-chunk/xpress_soh_final_unit_seq9839.bin"));
        return XpressHuffman.decompress(in, 0, in.length, 65536);
    }

    @Test
    void recordsAndBlocksOfTheRealChunk() throws Exception {
        byte[] b = chunk();
        int first = XtpRecords.firstRecord(b, 4);
        assertEquals(0x78, first, "the chunk starts with the tail of a record; the first whole record is at 0x78");
        XtpRecords.Walk w = XtpRecords.walk(b, first);
        assertEquals(371, w.rows().size());
        assertEquals(9469, w.rows().get(0).seq());
        assertEquals(9839, w.rows().get(370).seq());
        assertTrue(w.rows().get(370).cut(), "the last record is cut off by the chunk end");
        for (int i = 1; i < w.rows().size(); i++) {
            assertEquals(w.rows().get(i - 1).seq() + 1, w.rows().get(i).seq(), "dense sequence");
        }
        assertEquals(1, w.blocks().size());
        XtpRecords.BlockHeader h = w.blocks().get(0);
        assertEquals(0x5A00, h.offset());
        assertEquals(262144, h.blockSize());
        assertEquals(0x3FE50, h.used1());
        assertEquals(0x3FE48, h.used2());
        assertEquals(1, w.slack().size());
        assertEquals(0x58A7, w.slack().get(0)[0], "345 bytes of slack are kept, not skipped");
        assertEquals(0x5A00, w.slack().get(0)[1]);
        assertEquals(0x0A, w.rows().get(0).tableByte());
        assertEquals(0x6C, w.rows().get(0).timestamp());
    }

    @Test
    void row9469ReadsBackAsDocumented() throws Exception {
        byte[] b = chunk();
        XtpRecords.Row r = XtpRecords.walk(b, 0x78).rows().get(0);
        int p = r.offset() + 20;
        // seven 8-byte slots first: OrderDate, DueDate, ShipDate as datetime2 (100 ns ticks since 1900-01-01)...
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long ticks = Bytes.i64(b, p + 8 * i);
            dates.add(LocalDateTime.of(1900, 1, 1, 0, 0).plusNanos(ticks * 100).toLocalDate().toString());
        }
        assertEquals(List.of("2013-07-24", "2013-08-05", "2013-07-31"), dates);
        // ...then money as int64 x 10^4: SubTotal, TaxAmt, Freight
        assertEquals(24270400, Bytes.i64(b, p + 24));
        assertEquals(1941632, Bytes.i64(b, p + 32));
        assertEquals(606760, Bytes.i64(b, p + 40));
        // nine 4-byte ints include SalesOrderID 53127 and CustomerID 24437
        List<Long> ints = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ints.add((long) Bytes.i32(b, p + 56 + 4 * i));
        }
        assertTrue(ints.contains(53127L) && ints.contains(24437L), ints.toString());
        String payload = new String(b, p, r.size(), StandardCharsets.ISO_8859_1);
        String utf16 = new String(b, p, r.size() - (r.size() % 2), StandardCharsets.UTF_16LE);
        assertTrue(payload.contains("1040594Vi47754"), "varchar CreditCardApprovalCode");
        assertTrue(utf16.contains("10-4030-024437") || new String(b, p + 1, r.size() - 1, StandardCharsets.UTF_16LE).contains("10-4030-024437"),
                "nvarchar AccountNumber");
    }
}
