package pagelens.core.identify;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Identifier} found out about one path.
 *
 * @param path            the path as given
 * @param kind            what it is
 * @param size            bytes (files) or -1 (folders, missing paths)
 * @param readable        false when nothing could be read (missing, unreadable, empty): the CLI exits 2
 * @param databaseVersion dbi_version from the boot page, or the SCIN database version of a backup; null if not read
 * @param createVersion   dbi_createVersion, or null
 * @param databaseName    dbi_dbname, or null
 * @param softwareVersion the SQL Server build that wrote a backup (SCIN), or null
 * @param details         one-line facts and caveats, in reading order
 */
public record Identification(Path path, EvidenceKind kind, long size, boolean readable, Integer databaseVersion,
        Integer createVersion, String databaseName, String softwareVersion, List<String> details) {

    public Identification {
        details = List.copyOf(details);
    }

    /** A path that could not be read at all. */
    public static Identification unreadable(Path path, long size, String why) {
        return new Identification(path, EvidenceKind.UNKNOWN, size, false, null, null, null, null, List.of(why));
    }

    /** The first detail line, or an empty string. */
    public String summary() {
        return details.isEmpty() ? "" : details.get(0);
    }
}
