package pagelens.core.specimen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pagelens.core.dbcc.DbccPageDump;
import pagelens.core.io.EvidenceSource;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;

/**
 * The demo evidence set (all SYNTHETIC): a data file with several kinds of damage, a clean database and a
 * "moved" database whose boot page carries stale In-Memory OLTP state, and DBCC PAGE output of that
 * boot page. Written once into a folder; existing files are kept.
 */
public final class DemoSet {
    public static final String README = "README-SYNTHETIC.txt";

    private DemoSet() {
    }

    /** Writes the set into {@code dir} (created when missing) and returns its files. */
    public static List<Path> write(Path dir, ProgressMonitor monitor) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Path damaged = dir.resolve("demo-damaged.mdf");
        if (!Files.exists(damaged)) {
            DataFileSpecimen.write(damaged, DataFileSpecimen.Spec.defaults(1024).withName("DemoSales").withMixedProtection(), monitor);
            Corruptor.flipBit(damaged, 45, 3000, 3); // pages 32..39 hold the table of every type; 45 and 48 are checksum pages of Customers
            Corruptor.zeroSector(damaged, 48, 1);
            Corruptor.tearSecondHalf(damaged, 40, 52);
            Corruptor.misdirect(damaged, 41, 42);
            Corruptor.zeroPage(damaged, 43);
        }
        out.add(damaged);
        Path fresh = dir.resolve("demo-fresh.mdf");
        if (!Files.exists(fresh)) {
            DataFileSpecimen.write(fresh, DataFileSpecimen.Spec.defaults(256).withName("Inventory"), monitor);
        }
        out.add(fresh);
        Path log = dir.resolve("demo-fresh_log.ldf");
        if (!Files.exists(log)) {
            LogSpecimen.write(log, DataFileSpecimen.Spec.defaults(256).withName("Inventory"), 8L << 20, 1L << 20, monitor);
        }
        out.add(log);
        Path moved = dir.resolve("demo-moved-stale-hekaton.mdf");
        if (!Files.exists(moved)) {
            DataFileSpecimen.write(moved, DataFileSpecimen.Spec.defaults(256).withName("Inventory").withStaleHekaton(true), monitor);
        }
        out.add(moved);
        Path dump = dir.resolve("demo-dbcc-page-1-9.txt");
        if (!Files.exists(dump)) {
            byte[] boot;
            try (EvidenceSource s = EvidenceSource.open(moved)) {
                boot = s.readFully(Page.BOOT_PAGE_ID * Page.SIZE, Page.SIZE);
            }
            Files.writeString(dump, DbccPageDump.format(new PageId(1, 9), boot, 0x0000005128DF6000L), StandardCharsets.US_ASCII);
        }
        out.add(dump);
        Path backup = dir.resolve("demo-backup.bak");
        if (!Files.exists(backup)) {
            BackupSpecimen.write(backup, DataFileSpecimen.Spec.defaults(512).withName("Inventory").withVersion(904, 904), monitor);
        }
        out.add(0, backup);
        Path movedBackup = dir.resolve("demo-moved-backup.bak");
        if (!Files.exists(movedBackup)) {
            BackupSpecimen.write(movedBackup, DataFileSpecimen.Spec.defaults(512).withName("Inventory").withStaleHekaton(true), monitor);
        }
        out.add(1, movedBackup);
        Path container = dir.resolve("demo-xtp-container");
        if (!Files.exists(container)) {
            XtpSpecimen.Written w = XtpSpecimen.write(container, 11);
            XtpSpecimen.writeDmv(w, dir.resolve("demo-xtp-checkpoint-files.csv"));
            XtpSpecimen.damage(w, XtpSpecimen.Damage.RECORD_CHAIN);
        }
        out.add(0, container);
        Path readme = dir.resolve(README);
        // PageLens' own file: always rewritten, so an older demo folder gets the current description
        Files.writeString(readme, """
                PageLens demo evidence. Every file here is SYNTHETIC, written by PageLens' specimen generator.
                demo-damaged.mdf               a data file (checksum, torn-page and unprotected pages) with a bit flip (1:45),
                                               a zeroed sector (1:48), a torn write (1:40), a misdirected write (1:41)
                                               and a lost page (1:43)
                demo-fresh.mdf                 a clean database "Inventory"
                demo-fresh_log.ldf             a transaction log of "Inventory" (open it: VLF map, records, checkpoint)
                demo-moved-stale-hekaton.mdf   the same database after a move: stale In-Memory OLTP state in its boot page
                demo-dbcc-page-1-9.txt         DBCC PAGE(db, 1, 9, 2) style output of that boot page
                demo-backup.bak                an uncompressed full backup (MTF) of a clean "Inventory" database, version 904
                demo-moved-backup.bak          a backup of the moved database: 'pagelens preflight --target mi-gp' refuses it
                                               (stale In-Memory OLTP state, preflight.hekaton-stale)
                demo-xtp-container/            an In-Memory OLTP container ($HKv2, $FSLOG, filestream.hdr) in the observed
                                               block shape, with a record that runs past its block's used length
                demo-xtp-checkpoint-files.csv  its sys.dm_db_xtp_checkpoint_files export (pagelens xtp --dmv)
                """);
        return out;
    }
}
