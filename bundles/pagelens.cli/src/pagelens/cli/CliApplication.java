package pagelens.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The Equinox application behind {@code pagelens <command>}: returns the command's exit code. */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Object a = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        String[] args = a instanceof String[] s ? s : new String[0];
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = PageLensCli.run(args, out, err);
        out.flush();
        err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // commands are short-lived; nothing to interrupt
    }
}
