package pagelens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import pagelens.core.page.Node;
import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.decode.PageStructure;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;
import pagelens.core.exam.PageStores;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pagelens page FILE 1:9 [--hex|--struct]}: one page, DBCC PAGE style. */
@Command(name = "page", mixinStandardHelpOptions = true,
        description = "Show one page: the header fields and verification, then the bytes (default, or --hex) with their "
                + "regions, or the decoded structure (--struct). FILE is a data or log file or DBCC PAGE output.")
final class PageCommand implements Callable<Integer> {

    static final class Mode {
        @Option(names = "--hex", description = "Header, then a hex dump with the region of each line.")
        boolean hex;
        @Option(names = "--struct", description = "The decoded structure: header, verification, records, slots, maps.")
        boolean struct;
    }

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Parameters(index = "1", paramLabel = "PAGE", description = "FILE:PAGE, for example 1:9")
    String pageText;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The page's owner as the database's own catalog names it, or why it cannot be named. */
    static String owner(PageStore store, PageId id) {
        try {
            pagelens.core.catalog.Ownership o = pagelens.core.catalog.Ownership.read(store, pagelens.core.io.ProgressMonitor.NULL);
            pagelens.core.catalog.Owner owner = o.ownerOf(id);
            if (owner == null) {
                return o.catalog().readable() ? "none by design (file header, boot page or allocation map) or an unformatted page"
                        : "unknown: the system catalog could not be read from " + store.description();
            }
            return pagelens.report.OwnerText.describe(owner);
        } catch (IOException | RuntimeException e) {
            return "unknown: the system catalog could not be read (" + e.getMessage() + ")";
        }
    }

    @Override
    public Integer call() throws IOException {
        PageId id;
        try {
            id = PageId.parse(pageText);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (PageStore store = PageStores.open(file)) {
            List<PageCopy> copies = store.copies(id);
            if (copies.isEmpty()) {
                throw new IOException(file + ": has no page " + id + " (" + store.description() + ", file ids " + store.fileIds()
                        + ", pages below " + store.fileIds().stream().map(f -> f + ":" + store.pageLimit(f)).toList() + ")");
            }
            PageCopy copy = copies.get(copies.size() - 1);
            byte[] page = store.read(copy);
            out.printf(Locale.ROOT, "PAGE: (%s)   %s, byte offset 0x%X%s%n", id, store.description(), copy.provenance().offset(),
                    copies.size() > 1 ? ", copy " + (copy.provenance().copy() + 1) + " of " + copies.size() : "");
            out.println("OWNER: " + owner(store, id));
            out.println();
            Node tree = PageStructure.describe(page, id);
            if (mode.struct) {
                StringBuilder sb = new StringBuilder();
                tree.render(sb, 0);
                out.print(sb);
            } else {
                StringBuilder sb = new StringBuilder();
                tree.children().get(0).render(sb, 0);
                tree.children().get(1).render(sb, 0);
                out.print(sb);
                out.println();
                hexDump(out, page, tree);
            }
        }
        return PageLensCli.EXIT_OK;
    }

    /** Hex with the region (header, record n, slot array, free space) each line starts in. */
    static void hexDump(PrintWriter out, byte[] page, Node tree) {
        pagelens.core.page.Regions regions = pagelens.core.page.Regions.of(tree, false);
        String[] region = new String[Page.SIZE];
        for (int i = 0; i < Page.SIZE; i++) {
            String n = regions.name(i);
            region[i] = n.isEmpty() ? null : n.replace(" record", "");
        }
        String last = null;
        for (int i = 0; i < Page.SIZE; i += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder txt = new StringBuilder();
            for (int j = 0; j < 16; j++) {
                int b = page[i + j] & 0xFF;
                hex.append(String.format("%02X", b)).append(j == 7 ? "  " : " ");
                txt.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            String r = region[i] == null ? "" : region[i];
            out.printf(Locale.ROOT, "%04X  %s %s  %s%n", i, hex, txt, r.equals(last) ? "" : r);
            last = r;
        }
    }
}
