package pagelens.cli;

import java.io.PrintWriter;

import pagelens.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pagelens} command and its sub-commands. Exit codes: 0 ok, 1 findings at or above the
 * threshold (commands that scan), 2 usage or I/O error.
 */
@Command(name = "pagelens", mixinStandardHelpOptions = true, versionProvider = PageLensCli.VersionProvider.class,
        description = "PageLens: forensic viewer for Microsoft SQL Server database files (headless commands).%n"
                + "Run ./pagelens with no command (or with files) to start the workbench.",
        subcommands = { IdentifyCommand.class, ScanCommand.class, PageCommand.class, BootCommand.class, CalibrateCommand.class, ReportCommand.class, DemoCommand.class, BackupCommand.class,
                SpecimenCommand.class, XtpCommand.class,
                CommandLine.HelpCommand.class },
        footer = { "", "Exit codes: 0 ok, 1 findings of severity error or worse, 2 usage or I/O error." })
public final class PageLensCli implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** Runs the command line and returns the exit code; never throws. */
    /** The command line on a plain class path (no OSGi): the same commands as the headless application. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset()), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PageLensCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("pagelens: " + oneLine(ex));
            return EXIT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("pagelens: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_ERROR;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }

    /** {@code pagelens --version}. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] { "PageLens " + Version.VERSION, "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")" };
        }
    }
}
