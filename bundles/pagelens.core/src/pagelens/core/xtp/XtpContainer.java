package pagelens.core.xtp;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pagelens.core.findings.Finding;
import pagelens.core.findings.Location;
import pagelens.core.findings.Rules;
import pagelens.core.io.ProgressMonitor;

/**
 * Scans the container folder of a memory-optimized filegroup, read-only: the 2016+ layout ({@code $HKv2} with
 * {@code .hkckp} files [CLAIMED extension, REAL folder name], {@code $FSLOG}, {@code filestream.hdr}) or the 2014
 * FILESTREAM layout (GUID-named folders [INFERRED]); every checkpoint file is walked block by block
 * ({@link XtpBlocks}). Symbolic links are listed, never followed; nothing is written.
 */
public final class XtpContainer {
    private XtpContainer() {
    }

    /** The layout found. */
    public enum Layout {
        HKV2("SQL Server 2016+ ($HKv2)"), FILESTREAM_2014("SQL Server 2014 (FILESTREAM folders) " + pagelens.core.Evidence.INFERRED.tag()), UNKNOWN("not a container");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A checkpoint file with what its bytes say. */
    public record CheckpointFile(Path path, String relative, String guid, long size, XtpBlocks.FileWalk walk) {
    }

    /** The scan of one container. */
    public record Scan(Path root, Layout layout, boolean hasFsLog, boolean hasHeaderFile, List<CheckpointFile> files,
            List<String> otherFiles, List<Finding> findings, String checksums) {
        public long totalSize() {
            return files.stream().mapToLong(CheckpointFile::size).sum();
        }

        /** Whether block checksums were verified (with the user's validated profile). */
        public boolean checksumsVerified() {
            return !CHECKSUMS_UNVERIFIED.equals(checksums);
        }
    }

    static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final int MAX_DEPTH = 8;

    /** Whether a file's name is that of a 2016+ checkpoint file ({@code .hkckp} [CLAIMED extension]). */
    public static boolean isCheckpointFileName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hkckp");
    }

    /** Whether {@code dir} looks like a container (cheap: a $HKv2 folder or filestream.hdr). */
    public static boolean looksLikeContainer(Path dir) {
        return Files.isDirectory(dir.resolve("$HKv2"), LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(dir.resolve("filestream.hdr"), LinkOption.NOFOLLOW_LINKS);
    }

    /** What reports say of block checksums when no profile is in use. */
    public static final String CHECKSUMS_UNVERIFIED = "not verified: the block checksum algorithm is not public and no profile has been validated";

    /** Scans {@code root} (a folder), verifying block checksums with the user's saved profile if there is one. */
    public static Scan scan(Path root, ProgressMonitor monitor) throws IOException {
        return scan(root, monitor, XtpChecksumProfile.user());
    }

    /** Scans {@code root} (a folder); block checksums are verified only with a (user-validated) profile. */
    public static Scan scan(Path root, ProgressMonitor monitor, XtpChecksumProfile profile) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + ": not a folder (give the container folder of the memory-optimized filegroup)");
        }
        List<Path> candidates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        boolean[] flags = new boolean[3]; // $HKv2, $FSLOG, filestream.hdr
        int[] guidDirs = { 0 };
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (name.equalsIgnoreCase("$HKv2")) {
                    flags[0] = true;
                } else if (name.equalsIgnoreCase("$FSLOG")) {
                    flags[1] = true;
                } else if (GUID.matcher(name).matches()) {
                    guidDirs[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = root.relativize(file).toString();
                if (attrs.isSymbolicLink()) {
                    findings.add(new Finding(Rules.XTP_LINK_SKIPPED, "Symbolic link not followed: " + rel, new Location(file, -1, -1, -1, 0, 0)));
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    others.add(rel);
                    return FileVisitResult.CONTINUE;
                }
                String name = file.getFileName().toString();
                Path parent = root.relativize(file).getParent();
                boolean inHk = parent != null && parent.toString().toLowerCase(Locale.ROOT).contains("$hkv2");
                boolean inLog = parent != null && parent.toString().toLowerCase(Locale.ROOT).contains("$fslog");
                if (name.equalsIgnoreCase("filestream.hdr") && parent == null) {
                    flags[2] = true;
                    others.add(rel);
                } else if (!inLog && (name.toLowerCase(Locale.ROOT).endsWith(".hkckp") || inHk
                        || (parent != null && GUID.matcher(parent.getFileName().toString()).matches()))) {
                    candidates.add(file);
                } else {
                    others.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                others.add(root.relativize(file) + " (unreadable: " + exc.getMessage() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        Layout layout = flags[0] ? Layout.HKV2 : guidDirs[0] > 0 && !candidates.isEmpty() ? Layout.FILESTREAM_2014 : Layout.UNKNOWN;
        if (layout == Layout.UNKNOWN) {
            findings.add(new Finding(Rules.XTP_NOT_CONTAINER, others.isEmpty() && candidates.isEmpty() ? "Empty folder: no checkpoint files"
                    : String.format(Locale.ROOT, "No $HKv2 folder and no GUID-named folders among %,d files", others.size() + candidates.size()),
                    new Location(root, -1, -1, -1, 0, 0)));
            candidates.clear();
        }
        candidates.sort(null);
        long total = 0;
        for (Path p : candidates) {
            total += Files.size(p);
        }
        monitor.begin("Checking checkpoint files in " + root, total);
        List<CheckpointFile> files = new ArrayList<>();
        try {
            for (Path p : candidates) {
                XtpBlocks.FileWalk w = XtpBlocks.walk(p, monitor);
                Matcher m = GUID.matcher(p.getFileName().toString());
                String guid = m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
                if (guid == null && p.getParent() != null && GUID.matcher(p.getParent().getFileName().toString()).matches()) {
                    guid = p.getParent().getFileName().toString().toLowerCase(Locale.ROOT);
                }
                files.add(new CheckpointFile(p, root.relativize(p).toString(), guid, w.size(), w));
                findings.addAll(w.findings());
            }
        } finally {
            monitor.done();
        }
        String checksums = CHECKSUMS_UNVERIFIED;
        if (!files.isEmpty() && profile == null) {
            findings.add(new Finding(Rules.XTP_CHECKSUM_UNVERIFIED, String.format(Locale.ROOT,
                    "Block checksums of %,d checkpoint files not verified: the algorithm is not public", files.size()),
                    new Location(root, -1, -1, -1, 0, 0)));
        }
        Scan scan = new Scan(root, layout, flags[1], flags[2], List.copyOf(files), List.copyOf(others), List.copyOf(findings), checksums);
        if (!files.isEmpty() && profile != null) {
            List<Finding> bad = profile.verify(scan);
            List<Finding> all = new ArrayList<>(findings);
            all.addAll(bad);
            scan = new Scan(root, layout, flags[1], flags[2], List.copyOf(files), List.copyOf(others), List.copyOf(all),
                    String.format(Locale.ROOT, "verified with the user's profile (%s): %d block(s) mismatch", profile.describe(), bad.size()));
        }
        return scan;
    }
}
