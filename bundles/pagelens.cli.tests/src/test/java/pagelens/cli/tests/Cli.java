package pagelens.cli.tests;

import java.io.PrintWriter;
import java.io.StringWriter;

import pagelens.cli.PageLensCli;

/** Runs the CLI in-process and keeps what it printed. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = PageLensCli.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Cli(code, o.toString(), e.toString());
    }
}
