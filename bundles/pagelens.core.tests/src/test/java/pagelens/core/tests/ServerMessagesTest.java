package pagelens.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import pagelens.core.findings.ServerMessages;
import pagelens.core.findings.ServerMessages.Message;
import pagelens.core.page.PageId;

/** Pages named in what a SQL Server printed: CHECKDB (text and TABLERESULTS), the error log, suspect_pages. */
class ServerMessagesTest {

    @Test
    void checkdbTextNamesPagesWithTheirErrorNumbers() {
        List<Message> m = ServerMessages.parse("""
                Msg 8928, Level 16, State 1, Line 1
                Object ID 194099732, index ID 1, partition ID 72057594046906368, alloc unit ID 72057594050969600 (type LOB data): Page (1:78859) could not be processed.  See other errors for details.
                Msg 8965, Level 16, State 1, Line 1
                Table error: Object ID 194099732, index ID 1, partition ID 72057594046906368, alloc unit ID 72057594050969600 (type LOB data). The off-row data node at page (1:78859), slot 0, text ID 16903438336 is referenced by page (1:78854), slot 9, but was not seen in the scan.
                CHECKDB found 0 allocation errors and 2 consistency errors in table 'Docs' (object ID 194099732).
                """);
        assertEquals(3, m.size(), m.toString());
        assertEquals(new PageId(1, 78859), m.get(0).page());
        assertEquals(8928, m.get(0).error());
        assertEquals("CHECKDB", m.get(0).source());
        assertEquals(8965, m.get(1).error());
        assertEquals(new PageId(1, 78854), m.get(2).page());
        assertEquals(4, m.get(2).line());
        assertTrue(m.stream().allMatch(Message::claimsDamage));
    }

    @Test
    void errorLogLinesOf823To825And605() {
        List<Message> m = ServerMessages.parse("""
                2026-11-20 10:00:00.12 spid51      Error: 824, Severity: 24, State: 2.
                2026-11-20 10:00:00.12 spid51      SQL Server detected a logical consistency-based I/O error: incorrect checksum (expected: 0x3b94160c; actual: 0x3b94360c). It occurred during a read of page (1:414) in database ID 5 at offset 0x0000000033c000 in file 'D:\\Data\\Shop.mdf'.
                2026-11-20 10:05:00.00 spid52      Starting up database 'Shop'.
                2026-11-20 10:06:00.00 spid53      Error: 605, Severity: 21, State: 3.
                2026-11-20 10:06:00.00 spid53      Attempt to fetch logical page (3:1207) in database 5 failed. It belongs to allocation unit 72057594043564032 not to 72057594043629568.
                """);
        assertEquals(2, m.size(), m.toString());
        assertEquals(new PageId(1, 414), m.get(0).page());
        assertEquals(824, m.get(0).error());
        assertEquals("error log", m.get(0).source());
        assertEquals(new PageId(3, 1207), m.get(1).page());
        assertEquals(605, m.get(1).error());
    }

    @Test
    void tableResultsAndSuspectPages(@TempDir Path dir) throws IOException {
        String tr = "Error\tLevel\tState\tMessageText\tRepairLevel\tStatus\tDbId\tDbFragId\tObjectId\tIndexId\tPartitionId\tAllocUnitId\tRidDbId\tRidPruId\tFile\tPage\tSlot\n"
                + "8928\t16\t1\tObject ID 5, index ID 1: Page (1:60) could not be processed.\trepair_allow_data_loss\t16\t5\t1\t5\t1\t1\t1\t5\t1\t1\t60\t0\n"
                + "8990\t10\t1\tCHECKDB found 0 allocation errors and 1 consistency errors.\tNULL\t0\t5\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
        List<Message> t = ServerMessages.parse(tr);
        assertEquals(1, t.size(), t.toString());
        assertEquals(new PageId(1, 60), t.get(0).page());
        assertEquals(8928, t.get(0).error());
        assertEquals("CHECKDB TABLERESULTS", t.get(0).source());
        // suspect_pages as SSMS saves it: UTF-16 with a byte order mark
        Path csv = dir.resolve("suspect.csv");
        String rows = "database_id,file_id,page_id,event_type,error_count,last_update_date\r\n5,1,414,2,1,2026-11-20 10:00:00.000\r\n5,1,415,4,1,2026-11-21\r\n";
        byte[] body = rows.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(csv, all);
        List<Message> s = ServerMessages.read(csv);
        assertEquals(2, s.size(), s.toString());
        assertEquals(new PageId(1, 414), s.get(0).page());
        assertTrue(s.get(0).message().contains("bad checksum"));
        assertTrue(s.get(0).claimsDamage());
        assertFalse(s.get(1).claimsDamage(), "event type 4: the page was restored");
    }

    @Test
    void textWithoutPagesNamesNone() {
        assertEquals(List.of(), ServerMessages.parse("CHECKDB found 0 allocation errors and 0 consistency errors in database 'Shop'.\n"));
    }
}
