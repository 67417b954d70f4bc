package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.backup.Backup;
import pagelens.core.backup.BackupCatalog;
import pagelens.core.backup.CompressedBackup;
import pagelens.core.backup.Mtf;
import pagelens.core.backup.RestoreTarget;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.exam.Examination;
import pagelens.core.exam.OpenedEvidence;
import pagelens.report.FactsJson;
import pagelens.core.io.ProgressMonitor;
import pagelens.core.scan.PageCounts;
import pagelens.core.store.PageCopy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens backup [--json] FILE [--target-version N]}: a backup read without a restore. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Read a .bak without restoring it (plain or compressed): the MTF blocks, the set's server and database version, every "
                + "page of the data streams verified, every copy of the boot page with the In-Memory OLTP verdict, and whether a target "
                + "server can restore it.",
        footer = { "", "Exit codes: 0 no finding of severity error or worse, 1 such findings, 2 usage or I/O error." })
final class BackupCommand implements Callable<Integer> {

    @Option(names = "--json")
    boolean json;

    @Option(names = "--target-version", paramLabel = "N",
            description = "The server to restore on: a database version (for example 904) or a release year (2019).")
    Integer target;

    @Option(names = "--headers", description = "Read only the set header, the file list and the boot page (fast, does not grow with the "
            + "backup's size); pages are not verified.")
    boolean headersOnly;

    @Option(names = "--timing", description = "Print the time each phase took (to standard error) and the raw read throughput of the file.")
    boolean timing;

    @Parameters(paramLabel = "FILE")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        try (OpenedEvidence ev = OpenedEvidence.open(file)) {
            if (!ev.identification().readable()) {
                throw new IOException(file + ": " + ev.identification().summary());
            }
            if (!ev.isBackup()) {
                throw new IOException(file + ": is " + ev.kind().id() + ", not a backup (.bak)");
            }
            BootLayouts layouts = Layouts.user();
            Examination e = Examination.run(ev, Examination.Options.defaults(layouts).withHash(false).withHeadersOnly(headersOnly),
                    timing || json ? ProgressMonitor.NULL : Progress.forTerminal(spec.commandLine().getErr()));
            long t1 = System.nanoTime();
            Backup b = e.backup();
            if (b == null) {
                throw new IOException(file + ": " + String.join("; ", e.problems()));
            }
            BootPage boot = e.boot();
            Integer dbVersion = boot != null ? Integer.valueOf(boot.dbiVersion()) : b.databaseVersion();
            String targetVerdict = null;
            if (target != null && dbVersion != null) {
                targetVerdict = RestoreTarget.verdict(dbVersion, target);
            }
            java.util.List<pagelens.core.boot.BootCompare.Difference> diffs = java.util.List.of();
            try {
                diffs = b.bootCopyDifferences(layouts);
            } catch (IOException x) {
                spec.commandLine().getErr().println("pagelens: " + x.getMessage());
            }
            if (json) {
                ObjectNode o = toJson(e, targetVerdict);
                // "before" is the first copy, "after" the last (the one a restore applies); same shape as boot --compare
                ((ObjectNode) o.get("sets").get(0)).set("bootCopyDifferences", FactsJson.differences(diffs));
                Json.print(out, o);
            } else {
                printText(out, e, targetVerdict);
                if (b.bootCopies().size() > 1) {
                    out.println(diffs.isEmpty() ? "  boot page copies: every DBINFO field is the same in the first and the last copy"
                            : "  boot page copies differ in " + diffs.size() + " field(s) (first -> last, the last is what a restore applies):");
                    BootCommand.printDifferences(out, diffs, "    ");
                }
            }
            if (timing) {
                long t2 = System.nanoTime();
                PrintWriter err = spec.commandLine().getErr();
                err.printf(Locale.ROOT, "timing: %s %.3f s, boot page and verdict %.3f s (%,d bytes)%n", headersOnly ? "headers, file list" : "full read and verification",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, Files.size(file));
                if (!headersOnly) {
                    long r0 = System.nanoTime();
                    long n = rawRead(file);
                    double raw = n / ((System.nanoTime() - r0) / 1e9) / 1048576;
                    double full = Files.size(file) / ((t1 - t0) / 1e9) / 1048576;
                    err.printf(Locale.ROOT, "timing: raw read %.0f MiB/s, full verification %.0f MiB/s (%.2f of raw)%n", raw, full, full / raw);
                    if (b.pages().source() instanceof CompressedBackup cb) {
                        err.printf(Locale.ROOT, "timing: decompressed %,d bytes from %,d (%.0f MiB/s of output over the whole read)%n", cb.size(),
                                Files.size(file), cb.size() / ((t1 - t0) / 1e9) / 1048576);
                        // the decoder alone, warmed up: every chunk decompressed again until 256 MiB of output
                        cb.decompressAll();
                        long d0 = System.nanoTime();
                        long produced = 0;
                        while (produced < (256L << 20) && cb.size() > 0) {
                            produced += cb.decompressAll();
                        }
                        err.printf(Locale.ROOT, "timing: MS-XCA decompression alone: %,d bytes out in %.2f s = %.0f MiB/s (one thread)%n", produced,
                                (System.nanoTime() - d0) / 1e9, produced / ((System.nanoTime() - d0) / 1e9) / 1048576);
                    }
                }
                err.flush();
            }
            boolean bad = e.hasErrors() || boot != null && boot.critical()
                    || target != null && dbVersion != null && !RestoreTarget.restorable(dbVersion, target);
            return bad ? PageLensCli.EXIT_FINDINGS : PageLensCli.EXIT_OK;
        }
    }

    private static ObjectNode toJson(Examination e, String targetVerdict) {
        Backup b = e.backup();
        BootPage boot = e.boot();
        ObjectNode o = Json.object();
        o.put("path", b.path().toString());
        o.put("compressed", b.compressed());
        ArrayNode notes = o.putArray("notes");
        b.notes().forEach(notes::add);
        ArrayNode sets = o.putArray("sets");
        ObjectNode s = FactsJson.backupSet(b, boot); // the same set object the JSON report writes
        sets.add(s);
        if (targetVerdict != null) {
            s.put("targetVerdict", targetVerdict);
        }
        ArrayNode blocks = o.putArray("blocks");
        for (Mtf.Dblk d : b.walk().blocks()) {
            ObjectNode x = blocks.addObject();
            x.put("type", d.type());
            x.put("offset", d.offset());
            ArrayNode st = x.putArray("streams");
            d.streams().forEach(z -> st.add(z.id() + " " + z.length()));
        }
        if (e.log() != null) {
            o.set("log", FactsJson.log(e.log())); // the backup's log part: the same object as 'pagelens log --json' and 'scan --json'
        }
        o.set("summary", FactsJson.summary(e.findings()));
        o.set("findings", FactsJson.findings(e.findings(), e::ownerOf));
        ArrayNode pr = o.putArray("problems");
        e.problems().forEach(pr::add);
        return o;
    }

    private static void printText(PrintWriter out, Examination e, String targetVerdict) {
        Backup b = e.backup();
        BootPage boot = e.boot();
        out.println(b.path() + (b.compressed() ? "  (compressed)" : ""));
        b.notes().forEach(n -> out.println("  note: " + n));
        out.printf(Locale.ROOT, "  set: %s backup by %s, server %s, database version %s (SCIN chunk) %s%n", orUnknown(b.backupKind()),
                orUnknown(b.softwareName()), orUnknown(b.softwareVersion()), orUnknown(b.databaseVersion()), pagelens.core.Evidence.INFERRED.tag());
        if (boot != null) {
            out.printf(Locale.ROOT, "  database %s, dbi_version %d (created as %d) (boot page) %s%n", boot.databaseName(), boot.dbiVersion(),
                    boot.createVersion(), pagelens.core.Evidence.VERIFIED.tag());
        }
        out.println("  files (SFIN chunks) " + pagelens.core.Evidence.INFERRED.tag() + ":");
        for (BackupCatalog.FileEntry f : b.catalog().files()) {
            String fg = b.catalog().filegroupName(f);
            out.printf(Locale.ROOT, "    %d  %s  %-20s %,14d bytes  %-10s %s%n", f.fileId(), b.typeOf(f).letter(), f.logicalName(), f.size(),
                    fg == null ? "-" : fg, f.physicalName());
        }
        if (b.catalog().files().isEmpty()) {
            out.println("    (no SFIN chunk found)");
        }
        PageCounts c = b.counts();
        if (c != null) {
            out.printf(Locale.ROOT, "  pages: %,d slots; checksum %,d (%,d ok, %,d bad); torn-page %,d (%,d ok, %,d torn); unprotected %,d; "
                    + "never used or not a page %,d%n", c.total(), c.checksumProtected(), c.checksumOk(), c.checksumBad(), c.tornProtected(), c.tornOk(),
                    c.torn(), c.unprotected(), c.empty());
        }
        out.println("  memory-optimized filegroup: " + b.xtpFilegroup().name() + " (" + b.xtpFilegroupReason() + ")");
        out.println("  In-Memory OLTP memory estimate: " + (b.xtp() == null ? "not looked for (headers only)" : b.xtp().memoryEstimate()));
        for (PageCopy copy : b.bootCopies()) {
            out.printf(Locale.ROOT, "  boot page copy %d at %s offset 0x%X%s%n", copy.provenance().copy() + 1, copy.provenance().space().id(), copy.provenance().offset(),
                    copy.equals(b.bootCopies().get(b.bootCopies().size() - 1)) ? " (the one a restore applies)" : "");
        }
        if (boot != null) {
            out.printf(Locale.ROOT, "  In-Memory OLTP: %s [%s]: %s%n", boot.hekaton().verdict().name(), boot.hekaton().rule().id(), boot.hekaton().headline());
        }
        if (targetVerdict != null) {
            out.println("  target: " + targetVerdict);
        }
        pagelens.core.log.LogFile.Result log = e.log();
        if (log != null) {
            pagelens.core.log.BackupLog bl = log.backup();
            out.printf(Locale.ROOT, "  log part (docs/log.md 11): the source log's %d VLF(s); %,d block(s), %,d record(s) carried%s; the backup declares "
                    + "first LSN %s, last LSN %s, checkpoint %s%s (details: pagelens log %s)%n", log.vlfs().size(), log.blocks(), log.records(),
                    log.first() == null ? "" : " (" + log.first() + " - " + log.last() + ")", bl.firstLsn(), bl.lastLsn(), bl.checkpointLsn(),
                    log.records() == 0 ? "" : log.checkpointIsBeginCheckpoint() ? " (a LOP_BEGIN_CKPT record)" : " (NOT a LOP_BEGIN_CKPT record)",
                    b.path().getFileName());
        }
        out.printf(Locale.ROOT, "  MTF: %d blocks (%s)%n", b.walk().blocks().size(),
                String.join(" ", b.walk().blocks().stream().map(Mtf.Dblk::type).toList()));
        e.problems().forEach(p -> out.println("  not examined: " + p));
        ScanCommand.printFindings(out, e.findings(), Integer.MAX_VALUE, e::ownerOf);
    }

    private static String orUnknown(Object o) {
        return o == null ? "unknown" : o.toString();
    }

    /** Reads the whole file sequentially in 4 MiB pieces (through the read-only evidence source), as the reference for throughput. */
    private static long rawRead(Path p) throws IOException {
        long n = 0;
        try (pagelens.core.io.EvidenceSource src = pagelens.core.io.EvidenceSource.open(p)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(4 << 20);
            int r;
            while ((r = src.read(buf, n)) > 0) {
                n += r;
                buf.clear();
            }
        }
        return n;
    }
}
