package pagelens.core.cases;

import java.nio.file.Path;

import pagelens.core.identify.Identification;

/**
 * One evidence item of a case.
 *
 * @param path          where it is
 * @param identification what it is
 * @param sha256Opened  SHA-256 when it was opened (null when not known)
 * @param sha256Now     SHA-256 at report time
 */
public record EvidenceEntry(Path path, Identification identification, String sha256Opened, String sha256Now) {

    /** True when the evidence changed since it was opened: the report says so in red. */
    public boolean changedSinceOpened() {
        return sha256Opened != null && sha256Now != null && !sha256Opened.equals(sha256Now);
    }
}
