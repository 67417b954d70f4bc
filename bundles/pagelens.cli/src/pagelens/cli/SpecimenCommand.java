package pagelens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import pagelens.core.io.ProgressMonitor;
import pagelens.core.page.Page;
import pagelens.core.specimen.Corruptor;
import pagelens.core.specimen.BackupSpecimen;
import pagelens.core.specimen.DataFileSpecimen;
import pagelens.core.specimen.Protection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens specimen OUT}: writes a SYNTHETIC data file (tests, demos, benchmarks). */
@Command(name = "specimen", mixinStandardHelpOptions = true,
        description = "Write a SYNTHETIC data file laid out like a real one (for demos, tests and benchmarks), "
                + "optionally with injected damage. Never use on evidence: OUT must not exist.")
final class SpecimenCommand implements Callable<Integer> {

    @Parameters(paramLabel = "OUT")
    Path out;

    @Option(names = "--size-mb", defaultValue = "8", description = "Size in MiB (default ${DEFAULT-VALUE}).")
    long sizeMb;

    @Option(names = "--protection", defaultValue = "CHECKSUM", description = "CHECKSUM, TORN, NONE or MIXED (default ${DEFAULT-VALUE}).")
    String protection;

    @Option(names = "--name", defaultValue = "PageLensSpecimen", description = "Database name in the boot page.")
    String name;

    @Option(names = "--stale-hekaton", description = "Write a 'moved database' boot page with non-zero In-Memory OLTP state.")
    boolean staleHekaton;

    @Option(names = "--version-number", paramLabel = "N", description = "dbi_version of the boot page (default 957).")
    Integer dbiVersion;

    @Option(names = "--damage", description = "Inject damage: a bit flip, a zeroed sector, a torn write, a misdirected write and a lost page.")
    boolean damage;

    @Option(names = "--backup", description = "Write an uncompressed full backup (MTF .bak) of the specimen database instead of its data file; "
            + "--size-mb is then the data file's size.")
    boolean backup;

    @Option(names = "--compressed", description = "With --backup: write it as a compressed backup (MSSQLBAK container, MS-XCA chunks of literals "
            + "only: a valid stream, a little larger than the plain backup).")
    boolean compressed;

    @Option(names = "--secondary-mb", paramLabel = "N", description = "Also write a secondary data file of N MiB (file id 3, OUT's name with "
            + "_2.ndf) holding more of the table: a database of two files, to be opened together.")
    Integer secondaryMb;

    @Option(names = "--log", description = "Write a transaction log file (.ldf) of the specimen database instead of its data file: VLFs of "
            + "--vlf-mb MiB (three quarters used), 4 KB log blocks with checksums, transactions inserting into Customers pages, a checkpoint "
            + "that page 0's boot record copy names.")
    boolean log;

    @Option(names = "--vlf-mb", paramLabel = "N", defaultValue = "1", description = "With --log: the VLF size in MiB (default ${DEFAULT-VALUE}).")
    long vlfMb;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out)) {
            throw new IOException(out + ": exists; specimen refuses to overwrite any file");
        }
        long pages = Math.max(64, sizeMb * 1024 * 1024 / Page.SIZE);
        DataFileSpecimen.Spec s = DataFileSpecimen.Spec.defaults(pages).withName(name).withStaleHekaton(staleHekaton);
        if (dbiVersion != null) {
            s = s.withVersion(dbiVersion, dbiVersion);
        }
        String p = protection.toUpperCase(Locale.ROOT);
        s = p.equals("MIXED") ? s.withMixedProtection() : s.withProtection(Protection.valueOf(p));
        if (log) {
            if (backup || damage || secondaryMb != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--log writes a log file alone (no --backup, --damage or --secondary-mb)");
            }
            if (vlfMb < 1 || sizeMb < vlfMb + 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--log needs --vlf-mb of at least 1 and --size-mb larger than it");
            }
            pagelens.core.specimen.LogSpecimen.Result r = pagelens.core.specimen.LogSpecimen.write(out, s, sizeMb << 20, vlfMb << 20,
                    Progress.forTerminal(spec.commandLine().getErr()));
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote SYNTHETIC log specimen %s: database %s, %d VLFs (%d used), %,d blocks, %,d records in %,d "
                    + "transactions, LSN %s - %s, checkpoint %s%n", out, name, r.vlfs(), r.usedVlfs(), r.blocks(), r.records(), r.transactions(), r.first(),
                    r.last(), r.checkpoint());
            return PageLensCli.EXIT_OK;
        }
        if (compressed && !backup) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--compressed applies to --backup");
        }
        if (backup) {
            if (damage) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--damage applies to data files only");
            }
            s = s.withUsedFraction(1.0); // a backup holds allocated extents only: all of them, so --size-mb is the backup's size
            if (compressed) {
                BackupSpecimen.writeCompressed(out, s, Progress.forTerminal(spec.commandLine().getErr()));
            } else {
                BackupSpecimen.write(out, s, Progress.forTerminal(spec.commandLine().getErr()));
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote SYNTHETIC %sbackup specimen %s: database %s, %,d pages (%s protection), %,d bytes%n",
                    compressed ? "compressed " : "", out, name, pages, p, Files.size(out));
            return PageLensCli.EXIT_OK;
        }
        Path secondary = null;
        if (secondaryMb != null) {
            if (backup) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--secondary-mb applies to data files only");
            }
            String n = out.getFileName().toString();
            secondary = out.resolveSibling((n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n) + "_2.ndf");
            if (Files.exists(secondary)) {
                throw new IOException(secondary + ": exists; specimen refuses to overwrite any file");
            }
            DataFileSpecimen.writeWithSecondary(out, secondary, s, Math.max(64, secondaryMb * 1024L * 1024 / Page.SIZE), ProgressMonitor.NULL);
        } else {
            DataFileSpecimen.write(out, s, ProgressMonitor.NULL);
        }
        if (damage) {
            // pages of the specimen table (16..31 hold its system catalog)
            Corruptor.flipBit(out, 40, 3000, 3);
            Corruptor.zeroSector(out, 41, 1);
            Corruptor.tearSecondHalf(out, 42, 60);
            Corruptor.misdirect(out, 43, 61);
            Corruptor.zeroPage(out, 44);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote SYNTHETIC specimen %s: %,d pages (%s protection)%s%s%n", out, pages, p,
                staleHekaton ? ", stale Hekaton state in the boot page" : "",
                damage ? ", damaged at pages 40 (bit flip), 41 (zeroed sector 1), 42 (torn write), 43 (misdirected write), 44 (lost page)" : "");
        if (secondary != null) {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote its secondary data file %s (file id 3, %,d bytes): open both together%n", secondary,
                    Files.size(secondary));
        }
        return PageLensCli.EXIT_OK;
    }
}
