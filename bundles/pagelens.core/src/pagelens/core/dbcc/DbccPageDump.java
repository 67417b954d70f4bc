package pagelens.core.dbcc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pagelens.core.page.Page;
import pagelens.core.page.PageId;
import pagelens.core.store.PageCopy;
import pagelens.core.store.PageStore;
import pagelens.core.store.Provenance;

/**
 * The output of {@code DBCC PAGE(db, f, p, 2)} (one or several pages in one text file) as a
 * {@link PageStore}. Each "Memory Dump" line holds up to 20 bytes as groups of 8 hex digits in memory
 * order: {@code 0000005128DF6000:   010d0000 00020000 ...  ascii}. Bytes past 8,192 are dropped (some
 * dumps carry a few stray bytes).
 */
public final class DbccPageDump implements PageStore {
    private static final Pattern PAGE_LINE = Pattern.compile("^\\s*PAGE:\\s*\\((\\d{1,5}):(\\d{1,10})\\)", Pattern.MULTILINE);
    private static final Pattern DUMP_LINE = Pattern.compile("^\\s*[0-9A-Fa-f]{8,16}:\\s+(.*)$");
    /** Largest text accepted (a dump of one page is about 40 KB). */
    public static final long MAX_TEXT = 64L << 20;

    private final Path evidence;
    private final Map<PageId, List<PageCopy>> copies = new LinkedHashMap<>();
    private final Map<PageCopy, byte[]> bytes = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private DbccPageDump(Path evidence) {
        this.evidence = evidence;
    }

    /**
     * Parses a file of DBCC PAGE output (UTF-8, Latin-1 or UTF-16 with BOM as SSMS saves it).
     *
     * @throws IOException with a one-line reason when no memory dump can be found
     */
    public static DbccPageDump parse(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_TEXT) {
            throw new IOException(path + ": " + size + " bytes is too large for DBCC PAGE text output");
        }
        return parse(path, decodeText(Files.readAllBytes(path)));
    }

    /** Decodes DBCC text output: UTF-16 (with or without BOM, as SSMS saves it), else Latin-1. */
    public static String decodeText(byte[] raw) {
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE) {
            return new String(raw, 2, raw.length - 2, StandardCharsets.UTF_16LE);
        }
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0xFE && (raw[1] & 0xFF) == 0xFF) {
            return new String(raw, 2, raw.length - 2, StandardCharsets.UTF_16BE);
        }
        if (raw.length >= 2 && raw[1] == 0 && raw[0] != 0) {
            return new String(raw, StandardCharsets.UTF_16LE);
        }
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    public static DbccPageDump parse(Path evidence, String text) throws IOException {
        DbccPageDump d = new DbccPageDump(evidence);
        List<long[]> pageMarks = new ArrayList<>();
        Matcher pm = PAGE_LINE.matcher(text);
        while (pm.find()) {
            long file = Long.parseLong(pm.group(1));
            long pageNo = Long.parseLong(pm.group(2));
            if (file <= 0xFFFF && pageNo <= 0xFFFF_FFFFL) {
                pageMarks.add(new long[] { pm.start(), file, pageNo }); // a page id that cannot exist is no mark
            }
        }
        int from = 0;
        int dumps = 0;
        while (true) {
            int at = text.indexOf("Memory Dump @", from);
            if (at < 0) {
                break;
            }
            dumps++;
            int lineStart = text.indexOf('\n', at) + 1;
            byte[] page = new byte[Page.SIZE];
            int n = 0;
            int pos = lineStart;
            int blankRun = 0;
            while (pos > 0 && pos < text.length()) {
                int eol = text.indexOf('\n', pos);
                if (eol < 0) {
                    eol = text.length();
                }
                String line = text.substring(pos, eol).replace("\r", "");
                pos = eol + 1;
                if (line.isBlank()) {
                    if (n > 0 || ++blankRun > 3) {
                        break;
                    }
                    continue;
                }
                Matcher m = DUMP_LINE.matcher(line);
                if (!m.matches()) {
                    break;
                }
                String rest = m.group(1);
                int gap = rest.indexOf("  ");
                String hex = gap >= 0 ? rest.substring(0, gap) : rest;
                for (String group : hex.trim().split("\\s+")) {
                    if (group.isEmpty() || (group.length() & 1) != 0 || !group.matches("[0-9A-Fa-f]+")) {
                        continue;
                    }
                    for (int i = 0; i < group.length(); i += 2) {
                        if (n < Page.SIZE) {
                            page[n] = (byte) Integer.parseInt(group.substring(i, i + 2), 16);
                        }
                        n++;
                    }
                }
                if (n >= Page.SIZE) {
                    break;
                }
            }
            from = Math.max(pos, at + 1);
            PageId id = null;
            for (long[] mark : pageMarks) {
                if (mark[0] < at) {
                    id = new PageId((int) mark[1], mark[2]);
                }
            }
            if (n < Page.SIZE) {
                d.warnings.add("memory dump " + dumps + " holds " + n + " bytes, not 8192: the listing is truncated; skipped");
                continue;
            }
            if (n > Page.SIZE) {
                d.warnings.add("memory dump " + dumps + " holds " + n + " bytes; the " + (n - Page.SIZE) + " past 8192 were dropped");
            }
            if (id == null) {
                // no "PAGE: (f:p)" line: take the id from the page's own header
                id = PageId.read(page, pagelens.core.page.PageHeaderLayout.PAGE_ID);
                d.warnings.add("memory dump " + dumps + " has no PAGE: line; page id " + id + " taken from its header");
            }
            List<PageCopy> list = d.copies.computeIfAbsent(id, k -> new ArrayList<>());
            PageCopy c = new PageCopy(id, new Provenance(evidence, at, list.size(), pagelens.core.io.OffsetSpace.TEXT));
            list.add(c);
            d.bytes.put(c, page);
        }
        if (d.bytes.isEmpty()) {
            String why = dumps == 0 ? "no \"Memory Dump\" section: use DBCC PAGE(db, file, page, 2) (print option 2)"
                    : String.join("; ", d.warnings);
            throw new IOException(evidence + ": not usable DBCC PAGE output: " + why);
        }
        return d;
    }

    /** Problems met while parsing (truncated dumps, stray bytes, missing PAGE: lines). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public Path evidence() {
        return evidence;
    }

    @Override
    public String description() {
        return "DBCC PAGE text output (" + bytes.size() + (bytes.size() == 1 ? " page" : " pages") + ")";
    }

    @Override
    public List<Integer> fileIds() {
        return copies.keySet().stream().map(PageId::fileId).distinct().sorted().toList();
    }

    @Override
    public long pageLimit(int fileId) {
        return copies.keySet().stream().filter(p -> p.fileId() == fileId).mapToLong(p -> p.pageId() + 1).max().orElse(0);
    }

    @Override
    public List<PageCopy> copies(PageId id) {
        return List.copyOf(copies.getOrDefault(id, List.of()));
    }

    /** Every page in the dump, in text order. */
    public List<PageCopy> allCopies() {
        return List.copyOf(bytes.keySet());
    }

    @Override
    public byte[] read(PageCopy copy) {
        byte[] b = bytes.get(copy);
        if (b == null) {
            throw new IllegalArgumentException("not a page of this dump: " + copy);
        }
        return b.clone();
    }

    @Override
    public void close() {
        // nothing open
    }

    /** Writes a page as DBCC PAGE style-2 text (tests, calibration fixtures). */
    public static String format(PageId id, byte[] page, long address) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nPAGE: (").append(id).append(")\n\n\nBUFFER:\n\n\nPAGE HEADER:\n\n\nDATA:\n\n\nMemory Dump @0x")
                .append(String.format("%016X", address)).append("\n\n");
        for (int i = 0; i < Page.SIZE; i += 20) {
            sb.append(String.format("%016X:   ", address + i));
            StringBuilder ascii = new StringBuilder();
            for (int g = 0; g < 5; g++) {
                int s = i + 4 * g;
                if (s >= Page.SIZE) {
                    sb.append("         ");
                    continue;
                }
                for (int j = s; j < Math.min(s + 4, Page.SIZE); j++) {
                    sb.append(String.format("%02x", page[j] & 0xFF));
                    int c = page[j] & 0xFF;
                    ascii.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
                }
                sb.append(' ');
            }
            sb.append(' ').append(ascii).append('\n');
        }
        sb.append("\nOFFSET TABLE:\n\nDBCC execution completed. If DBCC printed error messages, contact your system administrator.\n");
        return sb.toString();
    }
}
