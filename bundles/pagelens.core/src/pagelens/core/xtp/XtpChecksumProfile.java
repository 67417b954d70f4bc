package pagelens.core.xtp;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.page.Bytes;

/**
 * A block checksum profile for checkpoint files: which algorithm, over which bytes, stored where. PageLens ships none;
 * a profile comes only from {@code pagelens xtp discover --save} on a user's known-good files, and only when exactly one
 * candidate fits every block of at least {@value #MIN_BLOCKS} blocks in at least {@value #MIN_FILES} files. Once saved
 * (in {@code ~/.pagelens/xtp-checksum.properties}) it is applied to every block, and reports say who validated it on
 * what.
 *
 * @param algorithm   one of {@link XtpChecksumDiscovery#ALGORITHMS}
 * @param coverage    block, header (first 40 bytes) or payload (after the header); the field itself is zeroed
 * @param field       byte offset of the stored u32 in the block, or -4 for the block's last 4 bytes
 * @param blocks      blocks it was validated on
 * @param files       files it was validated on
 * @param validatedOn where (folder) and when it was validated
 */
public record XtpChecksumProfile(String algorithm, String coverage, int field, int blocks, int files, String validatedOn) {

    public static final int MIN_BLOCKS = 32;
    public static final int MIN_FILES = 2;
    public static final String FILE_NAME = "xtp-checksum.properties";

    /** The verdict of one block. */
    public record Check(long stored, long computed) {
        public boolean ok() {
            return stored == computed;
        }
    }

    /** One line for reports and the UI. */
    public String describe() {
        return String.format(Locale.ROOT, "%s over the %s, stored at %s; validated by the user on %,d blocks of %d known-good files (%s)",
                algorithm, coverage, field < 0 ? "the last 4 bytes" : "+" + field, blocks, files, validatedOn);
    }

    /** Computes and compares the checksum of one whole block. */
    public Check check(byte[] block) {
        int at = field < 0 ? block.length + field : field;
        long stored = Bytes.u32(block, at);
        byte[] copy = Arrays.copyOf(block, block.length);
        Arrays.fill(copy, at, at + 4, (byte) 0);
        int from = coverage.equals("payload") ? 40 : 0;
        int to = coverage.equals("header") ? 40 : copy.length;
        return new Check(stored, XtpChecksumDiscovery.compute(algorithm, copy, from, to));
    }

    /**
     * The profile a discovery establishes, or why it does not: exactly one candidate must fit every block, with enough
     * blocks and files.
     */
    public static XtpChecksumProfile establish(XtpChecksumDiscovery.Result r, String where) throws IllegalStateException {
        List<XtpChecksumDiscovery.Candidate> fit = r.fitting();
        if (r.blocks() < MIN_BLOCKS || r.files() < MIN_FILES) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%,d blocks in %d files are too few to validate a profile (at least %d blocks "
                    + "in %d files)", r.blocks(), r.files(), MIN_BLOCKS, MIN_FILES));
        }
        if (fit.isEmpty()) {
            throw new IllegalStateException("no candidate fits every block: the algorithm is none of those tried");
        }
        if (fit.size() > 1) {
            throw new IllegalStateException(fit.size() + " candidates fit every block: add more known-good files to tell them apart");
        }
        XtpChecksumDiscovery.Candidate c = fit.get(0);
        int field = c.field().startsWith("+") ? Integer.parseInt(c.field().substring(1)) : -4;
        return new XtpChecksumProfile(c.algorithm(), c.coverage(), field, r.blocks(), r.files(), where + " at " + Instant.now());
    }

    /** Writes the profile as a properties file. */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("algorithm", algorithm);
        p.setProperty("coverage", coverage);
        p.setProperty("field", Integer.toString(field));
        p.setProperty("blocks", Integer.toString(blocks));
        p.setProperty("files", Integer.toString(files));
        p.setProperty("validatedOn", validatedOn);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "PageLens In-Memory OLTP block checksum profile, established by pagelens xtp discover --save");
        }
    }

    /** Reads a saved profile; null when the file does not exist; an error when it is not a valid profile. */
    public static XtpChecksumProfile load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            String alg = p.getProperty("algorithm", "");
            if (!Arrays.asList(XtpChecksumDiscovery.ALGORITHMS).contains(alg) || !Arrays.asList(XtpChecksumDiscovery.COVERAGE).contains(
                    p.getProperty("coverage", ""))) {
                throw new IOException(file + ": unknown algorithm or coverage");
            }
            XtpChecksumProfile prof = new XtpChecksumProfile(alg, p.getProperty("coverage"), Integer.parseInt(p.getProperty("field")),
                    Integer.parseInt(p.getProperty("blocks")), Integer.parseInt(p.getProperty("files")), p.getProperty("validatedOn", "?"));
            if (prof.blocks < MIN_BLOCKS || prof.files < MIN_FILES) {
                throw new IOException(file + ": validated on too few blocks or files to be used");
            }
            return prof;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IOException(file + ": not a checksum profile (" + e.getMessage() + ")");
        }
    }

    /** The user's profile in {@code ~/.pagelens}, or null. */
    public static XtpChecksumProfile user() throws IOException {
        return load(Path.of(System.getProperty("user.home"), ".pagelens", FILE_NAME));
    }

    /** Checks every whole block of a scan's files; a finding per mismatching block. */
    public List<Finding> verify(XtpContainer.Scan scan) throws IOException {
        List<Finding> out = new ArrayList<>();
        for (XtpContainer.CheckpointFile f : scan.files()) {
            try (pagelens.core.io.EvidenceSource ch = pagelens.core.io.EvidenceSource.open(f.path())) {
                for (XtpBlocks.Block b : f.walk().blocks()) {
                    if (b.cut() || b.size() <= 40 || b.size() > (1 << 24)) {
                        continue;
                    }
                    byte[] block = new byte[(int) b.size()];
                    ByteBuffer bb = ByteBuffer.wrap(block);
                    while (bb.hasRemaining() && ch.read(bb, b.offset() + bb.position()) > 0) {
                        // fill
                    }
                    Check c = check(block);
                    if (!c.ok()) {
                        out.add(new Finding(Rules.XTP_CHECKSUM_MISMATCH, String.format(Locale.ROOT,
                                "%s: block at 0x%X: stored checksum 0x%08X, computed 0x%08X with the user's profile", f.relative(), b.offset(),
                                c.stored(), c.computed()), new Location(f.path(), -1, -1, b.offset(), field < 0 ? (int) b.size() + field : field, 4)));
                    }
                }
            }
        }
        return out;
    }
}
