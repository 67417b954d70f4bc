package pagelens.core.scan;

import java.nio.file.Path;
import java.util.List;

import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;

/**
 * What a scan found.
 *
 * @param evidence     the scanned file
 * @param size         its size in bytes
 * @param fileKind     "data file", "log file" or "unknown layout"
 * @param fileId       database file id (from page 0), 1 by default
 * @param counts       page counts
 * @param sink         the findings (bounded) and their counts
 * @param bytesRead    bytes read by the scan
 * @param nanos        wall time
 * @param status       one status byte per page, for page maps
 */
public record ScanResult(Path evidence, long size, String fileKind, int fileId, PageCounts counts, FindingSink sink,
        long bytesRead, long nanos, PageStatus status) {

    public List<Finding> findings() {
        return sink.findings();
    }
}
