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
        footer = { "", "Exit codes: 0 ok, 1 findings of severity error or worse, 2 usage or I/O error." })
public final class PageLensCli implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The sub-commands, in the order of the usage text. */
    private static final Class<?>[] SUBCOMMANDS = { IdentifyCommand.class, ScanCommand.class, ObjectsCommand.class, RowsCommand.class,
            LogCommand.class, PreflightCommand.class, PageCommand.class, BootCommand.class, CalibrateCommand.class, ReportCommand.class,
            DemoCommand.class, BackupCommand.class, SpecimenCommand.class, XtpCommand.class, WarmupCommand.class,
            CommandLine.HelpCommand.class };

    /**
     * The command line for arguments that begin with {@code first}: with only the sub-command named by it (picocli builds the
     * model of every sub-command it is given, by reflection, which took about 0.3 s of a short run), none for
     * {@code --version}, and all of them otherwise (no argument, {@code --help}, {@code help}, a mistyped command: the usage
     * text lists them all). {@code first} null: all.
     */
    public static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new PageLensCli());
        boolean version = "--version".equals(first) || "-V".equals(first);
        Class<?> only = null;
        for (Class<?> c : SUBCOMMANDS) {
            if (first != null && first.equals(c.getAnnotation(Command.class).name()) && c != CommandLine.HelpCommand.class) {
                only = c;
            }
        }
        if (version) {
            return cl;
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (only == null || c == only) {
                cl.addSubcommand(c.getAnnotation(Command.class).name(), newCommand(c));
            }
        }
        // picocli converts a Path by reflection (it runs on Java 5), which spins method-handle classes in every run
        cl.registerConverter(java.nio.file.Path.class, s -> java.nio.file.Path.of(s));
        return cl;
    }

    private static Object newCommand(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the command " + c.getName(), e);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** The command line on a plain class path (no OSGi): the same commands as the headless application. */
    public static void main(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // the one answer that needs no command model (picocli's classes cannot be in the JDK's start-up cache: they are
            // Java 5 class files)
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            exit(EXIT_OK);
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset()), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        exit(code);
    }

    /**
     * Ends the process with {@code code} once standard output and error are flushed. Not {@link System#exit}: since Java 21 it
     * sets up java.util.logging on the way out (it logs the call at debug level), about 10 ms of every short command; the
     * command line registers no shutdown hooks and leaves no file open for writing when a command returns.
     */
    private static void exit(int code) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /** Runs the command line and returns the exit code; never throws. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args.length == 0 ? null : args[0]);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("pagelens: " + oneLine(ex));
            return EXIT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("pagelens: " + ex.getMessage());
            for (String a0 : a) {
                if (a0.startsWith("-") && a0.length() > 1 && java.nio.file.Files.exists(java.nio.file.Paths.get(a0))) {
                    c.getErr().println("pagelens: '" + a0 + "' is a file whose name starts with a dash: put -- before it (pagelens "
                            + c.getCommandSpec().name() + " -- " + a0 + ")");
                }
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_ERROR;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // never a silent success: the evidence claimed more than the heap can hold somewhere PageLens did not bound yet
            err.println("pagelens: out of memory while examining the evidence (" + oneLine(e) + "); the result is incomplete. Please report "
                    + "this file's shape to the PageLens developers.");
            return EXIT_ERROR;
        } catch (StackOverflowError e) {
            err.println("pagelens: the evidence nests too deeply to examine (stack overflow); the result is incomplete");
            return EXIT_ERROR;
        } catch (RuntimeException | Error e) {
            err.println("pagelens: internal error: " + e.getClass().getSimpleName() + ": " + oneLine(e) + " (the result is incomplete)");
            return EXIT_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** One line that says what went wrong, in the user's terms (never a bare path or a class name). */
    static String oneLine(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory while examining the evidence; the result is incomplete";
        }
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException n) {
            String what = n.getFile() != null && n.getFile().endsWith(".part") ? n.getFile().substring(0, n.getFile().length() - 5) : n.getFile();
            return what + ": no such file or folder" + (n.getReason() != null && !n.getReason().equals("no such file") ? " (" + n.getReason() + ")"
                    : what != null && java.nio.file.Paths.get(what).getParent() != null && !java.nio.file.Files.isDirectory(java.nio.file.Paths.get(what).getParent())
                            ? " (the folder " + java.nio.file.Paths.get(what).getParent() + " does not exist)" : "");
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "the input is not text in the expected encoding";
        }
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }

    /** {@code pagelens --version}. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] { "PageLens " + Version.VERSION, "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                    "Java home " + System.getProperty("java.home") };
        }
    }
}
