package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.identify.EvidenceKind;
import pagelens.core.identify.Identifier;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.log.LogFile;
import pagelens.core.log.LogOperations;
import pagelens.core.log.Logs;
import pagelens.core.log.Lsn;
import pagelens.core.page.PageId;
import pagelens.report.FactsJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens log}: a log file's VLFs, its checks, and its records (filtered), without a server. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Read a transaction log file (.ldf), or the log part of a full backup, without a server: page 0's copy of the boot record (version, checkpoint), the VLFs "
                + "(offset, size, sequence number, parity, use count, blocks, records, why reading stopped), every block checked (sector "
                + "status bytes, the log block checksum, its LSN and chain, the slot array), and with --records the records like fn_dblog's "
                + "columns (LSN, operation, context, transaction, previous LSN, page, slot, allocation unit), streamed.",
        footer = { "", "Exit codes: 0 the log checks out, 1 a check failed, 2 usage or I/O error." })
final class LogCommand implements Callable<Integer> {

    @Option(names = "--json", description = "JSON lines: with --records (or a filter) one line per record as it is read, then a last line with "
            + "the summary, the VLFs and the problems.")
    boolean json;

    @Option(names = "--vlfs", description = "List every VLF (text output).")
    boolean vlfs;

    @Option(names = "--records", description = "List the records.")
    boolean records;

    @Option(names = "--page", paramLabel = "FILE:PAGE", description = "Only records of this page (implies --records): its history in the log.")
    String page;

    @Option(names = "--xact", paramLabel = "ID", description = "Only records of this transaction, as printed (hhhh:llllllll, hex; implies --records).")
    String xact;

    @Option(names = "--from", paramLabel = "LSN", description = "Only records from this LSN on (vlf:block:slot, decimal).")
    String from;

    @Option(names = "--to", paramLabel = "LSN", description = "Only records up to this LSN.")
    String to;

    @Option(names = "--limit", paramLabel = "N", description = "At most N records.")
    Long limit;

    @Option(names = "--data", paramLabel = "DATAFILE", description = "The database's primary data file (.mdf) or a full backup: the "
            + "allocation units of the records are named from its system catalog (table and index), as the workbench names them.")
    Path data;

    @Parameters(paramLabel = "FILE", description = "A log file (.ldf), or a full backup (.bak, compressed too): the log part it carries.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // no flush per line (the command line's writer flushes on every println and printf): buffered, flushed at the end
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
        try {
            return run(out);
        } finally {
            out.flush();
        }
    }

    private Integer run(PrintWriter out) throws IOException {
        if (!Logs.readable(Identifier.identify(file).kind())) {
            throw new IOException(file + ": is " + Identifier.identify(file).kind().id() + ", not a log file (.ldf) or a backup (.bak)");
        }
        PageId onlyPage;
        Lsn lo;
        Lsn hi;
        Long onlyXact;
        try {
            onlyPage = page == null ? null : PageId.parse(page);
            lo = from == null ? null : Lsn.parse(from);
            hi = to == null ? null : Lsn.parse(to);
            onlyXact = xact == null ? null : parseXact(xact);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean list = records || onlyPage != null || onlyXact != null || lo != null || hi != null;
        long max = limit == null ? Long.MAX_VALUE : limit;
        long[] shown = { 0 };
        JsonGenerator g = json ? FactsJson.MAPPER.getFactory().createGenerator(out) : null;
        if (list && !json) {
            out.printf("%-16s %-26s %-6s %-14s %-16s %-10s %5s %-18s %s%n", "LSN", "operation", "ctx", "transaction", "previous LSN", "page", "slot",
                    "allocation unit", "time, transaction name");
        }
        java.util.function.LongFunction<String> names = unitNames();
        LogFile.Result r;
        {
            java.util.function.Consumer<LogFile.Record> each = rec -> {
                if (!list || shown[0] >= max || onlyPage != null && !onlyPage.equals(rec.page()) || onlyXact != null && rec.transactionId() != onlyXact
                        || lo != null && rec.lsn().compareTo(lo) < 0 || hi != null && rec.lsn().compareTo(hi) > 0) {
                    return;
                }
                shown[0]++;
                String unit = rec.allocationUnit() == 0 ? null : names.apply(rec.allocationUnit());
                if (g != null) {
                    try {
                        recordJson(g, rec, unit); // JSON lines as they are read; the summary comes last
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return;
                }
                out.printf(Locale.ROOT, "%-16s %-26s 0x%02X   %-14s %-16s %-10s %5s %-18s %s%n", rec.lsn(), LogOperations.name(rec.operation()),
                        rec.context() & 0xFF, xactText(rec.transactionId()), rec.previous(), rec.page() == null ? "" : rec.page().toString(),
                        rec.page() == null ? "" : rec.pageSlot(), rec.allocationUnit() == 0 ? "" : unit == null
                                ? Long.toString(rec.allocationUnit()) : unit + " (" + rec.allocationUnit() + ")",
                        (rec.stale() ? "[stale] " : "") + (rec.time() == null ? "" : rec.time().toString().replace('T', ' '))
                                + (rec.transactionName() == null ? "" : " " + rec.transactionName()));
            };
            // a listing formats on this thread while the log is read on another; the summary alone counts records, builds none
            r = list ? Logs.readPipelined(file, each, ProgressMonitor.NULL) : Logs.read(file, null, ProgressMonitor.NULL);
        }
        if (g != null) {
            ObjectNode o = FactsJson.MAPPER.createObjectNode();
            o.put("path", file.toString());
            o.setAll(FactsJson.log(r)); // the one writer of a log's summary
            o.put("recordsListed", shown[0]);
            g.writeTree(o);
            g.flush();
            out.println();
            out.flush();
            return r.problems().isEmpty() ? PageLensCli.EXIT_OK : PageLensCli.EXIT_FINDINGS;
        }
        out.printf(Locale.ROOT, "%s: %s of a database of version %d (block format %d); %d VLF(s), %d used; %,d blocks (%,d empty), %,d records%n", file,
                r.backup() == null ? "log" : "the log part of a full backup", r.dbiVersion(), r.formatByte(), r.vlfs().size(), r.usedVlfs(), r.blocks(),
                r.emptyBlocks(), r.records());
        if (r.backup() != null) {
            out.printf(Locale.ROOT, "  the backup declares (SCIN): first LSN %s, last LSN %s, checkpoint %s, previous full backup %s%n", r.backup().firstLsn(),
                    r.backup().lastLsn(), r.backup().checkpointLsn(), r.backup().databaseBackupLsn());
        }
        out.printf(Locale.ROOT, "  %s; checkpoint (%s) %s%s%n", r.first() == null ? "no log records" : "LSN range " + r.first() + " - " + r.last()
                + ", end of log " + r.endOfLog(), r.backup() == null ? "page 0" : "SCIN", r.checkpoint(), r.checkpointIsBeginCheckpoint()
                        ? " (a LOP_BEGIN_CKPT record)" : r.records() == 0 ? " (no records to find it in)" : " (NOT found as a LOP_BEGIN_CKPT record)");
        out.printf(Locale.ROOT, "  log block checksums: %,d of %,d blocks carry one%s%n", r.checksummedBlocks(), r.blocks(),
                r.problems().stream().noneMatch(p -> p.kind() == LogFile.Kind.CHECKSUM) ? ", every one holds" : "");
        out.printf(Locale.ROOT, "  transaction chains: %,d records followed to their transaction's earlier record%s; previous full backup's checkpoint %s%s%n",
                r.chainsFollowed(), r.problems().stream().noneMatch(p -> p.kind() == LogFile.Kind.TRANSACTION_CHAIN) ? ", none broken" : "",
                r.previousBackup() == null ? "not read" : r.previousBackup().isZero() ? "none (0:0:0)" : r.previousBackup().toString(),
                r.previousBackup() == null || r.previousBackup().isZero() ? "" : r.previousBackupInLog() ? " (inside this log)" : " (not in this log)");
        if (r.staleBlocks() > 0) {
            out.printf(Locale.ROOT, "  stale: %,d block(s) of earlier VLF uses after the end of log, %,d record(s) (listed with --records, marked stale)%n",
                    r.staleBlocks(), r.staleRecords());
        }
        if (vlfs) {
            out.printf("  %-4s %-12s %-10s %-8s %-6s %-5s %-14s %7s %8s  %s%n", "VLF", "offset", "size", "seqNo", "parity", "uses", "created", "blocks", "records", "end");
            for (LogFile.Vlf v : r.vlfs()) {
                out.printf(Locale.ROOT, "  %-4d 0x%-10X %-10d %-8d 0x%02X   %-5s %-14s %7d %8d  %s%s%n", v.index(), v.offset(), v.size(), v.seqNo(), v.parity(),
                        v.useCount() < 0 ? "-" : Long.toString(v.useCount()), v.createLsn(), v.blocks(), v.records(), v.end(),
                        v.staleBlocks() > 0 ? String.format(Locale.ROOT, "; %d stale block(s), %d record(s)", v.staleBlocks(), v.staleRecords()) : "");
            }
        }
        for (LogFile.Problem p : r.problems()) {
            out.println("  " + p.kind() + ": " + p.what());
        }
        if (list) {
            out.printf(Locale.ROOT, "%,d record(s) listed%n", shown[0]);
        }
        return r.problems().isEmpty() ? PageLensCli.EXIT_OK : PageLensCli.EXIT_FINDINGS;
    }

    /**
     * The object name of an allocation unit from the catalog of --data (OwnerText.brief, the workbench's text), or null for
     * every unit when no data file is given or the catalog does not list the unit.
     */
    private java.util.function.LongFunction<String> unitNames() throws IOException {
        if (data == null) {
            return au -> null;
        }
        try (pagelens.core.exam.OpenedEvidence ev = pagelens.core.exam.OpenedEvidence.open(data)) {
            if (!ev.identification().readable() || !(ev.isBackup() || ev.kind() == EvidenceKind.DATA_FILE)) {
                throw new IOException(data + ": is " + ev.kind().id() + ", not a data file or a backup (--data)");
            }
            // a data file: the catalog alone (no page verified); a backup: its pages are read in one pass anyway
            pagelens.core.exam.Examination e = pagelens.core.exam.Examination.run(ev, pagelens.core.exam.Examination.Options.defaults(Layouts.user())
                    .withHash(false).withHeadersOnly(!ev.isBackup()), ProgressMonitor.NULL);
            pagelens.core.catalog.Catalog c = e.catalog();
            if (c == null || c.allocationUnits().isEmpty()) {
                throw new IOException(data + ": its system catalog cannot be read (--data): " + String.join("; ", e.problems()));
            }
            return au -> pagelens.report.OwnerText.unit(c, au);
        }
    }

    /** One record as a JSON line: the one writer of a record (FactsJson). */
    private static void recordJson(JsonGenerator g, LogFile.Record rec, String object) throws IOException {
        FactsJson.logRecord(g, rec, object);
        g.writeRaw('\n');
    }

    /** fn_dblog's form: the u16 high part and the u32 low part in hex, "0000:000002e4". */
    static String xactText(long id) {
        return LogFile.transactionText(id);
    }

    static long parseXact(String s) {
        String[] p = s.trim().split(":");
        if (p.length != 2) {
            throw new IllegalArgumentException("not a transaction id (expected hhhh:llllllll in hex, as listed): " + s);
        }
        try {
            return Long.parseLong(p[0], 16) << 32 | Long.parseLong(p[1], 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a transaction id (expected hhhh:llllllll in hex, as listed): " + s);
        }
    }
}
