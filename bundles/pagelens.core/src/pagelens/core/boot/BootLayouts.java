package pagelens.core.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import pagelens.core.Evidence;

/**
 * The layout registry: the built-in layouts of boot-layouts.tsv (a data file in this package) and
 * calibrated layouts from a user folder, which win for their exact version. An unknown version gets the
 * nearest known layout whose record length fits, and says so.
 */
public final class BootLayouts {

    /** The in-memory form of one layout file (built-in or calibrated). */
    private record Source(String origin, Map<Integer, int[]> lengths, Map<Integer, String> releases, List<String[]> fields,
            List<String[]> regions, List<String[]> hk, List<String> shared) {
    }

    /** A layout and whether it is the version's own. */
    public record Resolution(BootLayout layout, boolean exact, String note) {
    }

    private final Source builtIn;
    private final Map<Integer, Source> calibrated = new TreeMap<>();
    private final List<String> loadProblems = new ArrayList<>();

    private BootLayouts(Source builtIn) {
        this.builtIn = builtIn;
    }

    /** The built-in layouts only. */
    public static BootLayouts builtIn() {
        try (InputStream in = BootLayouts.class.getResourceAsStream("boot-layouts.tsv")) {
            if (in == null) {
                throw new IllegalStateException("boot-layouts.tsv is missing from pagelens.core");
            }
            return new BootLayouts(parse("built-in", new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read boot-layouts.tsv", e);
        }
    }

    /** The built-in layouts plus every {@code *.tsv} calibrated layout in {@code userDir} (which may not exist). */
    public static BootLayouts withUserFolder(Path userDir) {
        BootLayouts l = builtIn();
        if (userDir != null && Files.isDirectory(userDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(userDir, "*.tsv")) {
                for (Path p : ds) {
                    l.addCalibrated(p);
                }
            } catch (IOException e) {
                l.loadProblems.add(userDir + ": " + e.getMessage());
            }
        }
        return l;
    }

    /** Adds one calibrated layout file; problems are kept in {@link #loadProblems()}. */
    public void addCalibrated(Path file) {
        try {
            Source s = parse(file.toString(), new StringReader(Files.readString(file)));
            if (s.lengths().size() != 1) {
                loadProblems.add(file + ": a calibrated layout file holds exactly one 'layout' line");
                return;
            }
            calibrated.put(s.lengths().keySet().iterator().next(), s);
        } catch (IOException | RuntimeException e) {
            loadProblems.add(file + ": " + e.getMessage());
        }
    }

    public List<String> loadProblems() {
        return List.copyOf(loadProblems);
    }

    /** The dbi_versions with a built-in layout. */
    public List<Integer> knownVersions() {
        return List.copyOf(builtIn.lengths().keySet());
    }

    private static Source parse(String origin, Reader reader) throws IOException {
        Map<Integer, int[]> lengths = new TreeMap<>();
        Map<Integer, String> releases = new TreeMap<>();
        List<String[]> fields = new ArrayList<>();
        List<String[]> regions = new ArrayList<>();
        List<String[]> hk = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                try {
                    switch (c[0]) {
                        case "layout" -> {
                            int v = Integer.parseInt(c[1].trim());
                            lengths.put(v, new int[] { Integer.parseInt(c[2].trim()) });
                            releases.put(v, c.length > 3 ? c[3] : "dbi_version " + v);
                        }
                        case "field" -> {
                            if (c.length < 9) {
                                throw new IllegalArgumentException("a field line has 9 columns");
                            }
                            parseInt(c[3]);
                            fields.add(c);
                        }
                        case "region" -> regions.add(c);
                        case "hk" -> hk.add(c);
                        case "shared" -> {
                            for (int i = 1; i < c.length; i++) {
                                shared.add(c[i]);
                            }
                        }
                        default -> throw new IllegalArgumentException("unknown line kind '" + c[0] + "'");
                    }
                } catch (RuntimeException e) {
                    throw new IOException(origin + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return new Source(origin, lengths, releases, fields, regions, hk, shared);
    }

    static int parseInt(String s) {
        String t = s.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
    }

    private static boolean inRange(String versions, int v) {
        for (String part : versions.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            if (dash > 0) {
                if (v >= Integer.parseInt(p.substring(0, dash)) && v <= Integer.parseInt(p.substring(dash + 1))) {
                    return true;
                }
            } else if (Integer.parseInt(p) == v) {
                return true;
            }
        }
        return false;
    }

    private static Evidence evidence(String text, int version) {
        int at = text.indexOf('@');
        if (at > 0) {
            return inRange(text.substring(at + 1), version) ? Evidence.valueOf(text.substring(0, at)) : Evidence.SRC;
        }
        return Evidence.valueOf(text);
    }

    private static BootLayout build(Source s, int version) {
        int len = s.lengths().get(version)[0];
        int end = 0x60 + len;
        List<FieldDef> fields = new ArrayList<>();
        for (String[] c : s.fields()) {
            if (!inRange(c[1], version)) {
                continue;
            }
            FieldDef f = new FieldDef(c[7], parseInt(c[2]), parseInt(c[3]), c[4], c[5], evidence(c[6], version), c[8]);
            if (f.end() <= end) {
                fields.add(f);
            }
        }
        fields.sort(Comparator.comparingInt(FieldDef::offset));
        int hs = -1;
        int he = -1;
        Evidence re = Evidence.UNKNOWN;
        for (String[] c : s.regions()) {
            if (inRange(c[1], version) && c[4].equals("hekaton")) {
                hs = parseInt(c[2]);
                he = Math.min(parseInt(c[3]), end);
                re = Evidence.valueOf(c[5]);
            }
        }
        return new BootLayout(version, len, s.releases().get(version), fields, hs, he, re, s.origin());
    }

    /** The built-in (or nearest) layout for a version, for calibration hints. */
    public BootLayout builtInFor(int version, int recordLength) {
        return resolveBuiltIn(version, recordLength).layout();
    }

    /** The eight Hekaton field names and their DBCC value types (from the built-in file). */
    public List<String[]> hekatonFieldNames() {
        return builtIn.hk().stream().map(c -> new String[] { c[1], c[2] }).toList();
    }

    /** Non-Hekaton fields known to share the Hekaton region, offsets unknown. */
    public List<String> sharedRegionFields() {
        return List.copyOf(builtIn.shared());
    }

    /** The layout for a boot page of {@code version} whose record is {@code recordLength} bytes. */
    public Resolution resolve(int version, int recordLength) {
        Source cal = calibrated.get(version);
        if (cal != null) {
            return new Resolution(merged(build(cal, version), recordLength), true, "calibrated layout " + cal.origin());
        }
        return resolveBuiltIn(version, recordLength);
    }

    private Resolution resolveBuiltIn(int version, int recordLength) {
        if (builtIn.lengths().containsKey(version)) {
            BootLayout l = build(builtIn, version);
            String note = l.recordLength() == recordLength ? "built-in layout for dbi_version " + version
                    : "built-in layout for dbi_version " + version + " expects a " + l.recordLength() + "-byte record, this one has "
                            + recordLength;
            return new Resolution(l, l.recordLength() == recordLength, note);
        }
        Integer best = null;
        for (int v : builtIn.lengths().keySet()) {
            int len = builtIn.lengths().get(v)[0];
            if (len <= recordLength && (best == null || Math.abs(v - version) < Math.abs(best - version))) {
                best = v;
            }
        }
        if (best == null) {
            best = builtIn.lengths().keySet().iterator().next();
        }
        BootLayout l = build(builtIn, best);
        return new Resolution(l, false, "dbi_version " + version + " has no known layout: showing the layout of " + best + " ("
                + l.release() + ", " + l.recordLength() + "-byte record; this record has " + recordLength
                + " bytes). Field positions are NOT established for this version.");
    }

    /**
     * A calibrated layout wins where it says something: its fields replace the built-in (or nearest) ones
     * they overlap, the others stay; without a region line it takes the built-in Hekaton region.
     */
    private BootLayout merged(BootLayout cal, int recordLength) {
        BootLayout base = builtIn.lengths().containsKey(cal.version()) ? build(builtIn, cal.version()) : null;
        if (base == null) {
            Resolution near = resolveBuiltIn(cal.version(), recordLength);
            base = near.layout();
        }
        List<FieldDef> fields = new ArrayList<>(cal.fields());
        for (FieldDef b : base.fields()) {
            boolean overlaps = cal.fields().stream().anyMatch(c -> c.offset() < b.end() && b.offset() < c.end() || c.name().equals(b.name()));
            if (!overlaps) {
                fields.add(b);
            }
        }
        fields.sort(Comparator.comparingInt(FieldDef::offset));
        int hs = cal.hasHekatonRegion() ? cal.hekatonStart() : base.hekatonStart();
        int he = cal.hasHekatonRegion() ? cal.hekatonEnd() : Math.min(base.hekatonEnd(), cal.recordEnd());
        Evidence re = cal.hasHekatonRegion() ? cal.regionEvidence() : base.regionEvidence();
        return new BootLayout(cal.version(), cal.recordLength(), cal.release(), fields, hs, he, re, cal.origin());
    }
}
