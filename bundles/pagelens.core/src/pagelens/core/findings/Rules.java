package pagelens.core.findings;

import java.util.List;

/** Every rule PageLens reports. docs/rules.md lists the same; a test keeps the two in step. */
public final class Rules {
    private Rules() {
    }

    public static final Rule PAGE_CHECKSUM = new Rule("page.checksum-mismatch", Severity.ERROR,
            "Page checksum mismatch",
            "The page carries a page checksum (m_flagBits 0x200) and the checksum computed over its 8,192 bytes differs "
                    + "from the one stored at offset 60. SQL Server reports this as error 824 (incorrect checksum). One or "
                    + "more bytes changed after SQL Server wrote the page: a storage, driver or memory fault.",
            "Restore the page or the database from a good backup (RESTORE ... PAGE = ...), run DBCC CHECKDB, and check the "
                    + "storage stack (error 823/824/825 in the error log, Windows event log, firmware).");
    public static final Rule PAGE_TORN = new Rule("page.torn", Severity.ERROR, "Torn page",
            "The page uses torn-page detection (m_flagBits 0x100) and the two bits at the end of one or more 512-byte "
                    + "sectors do not match the signature in m_tornBits: those sectors come from a different write than "
                    + "sector 0 (an interrupted or partial write).",
            "Restore the page from a good backup; look for power loss or I/O subsystem problems around the time of the "
                    + "page's last write.");
    public static final Rule PAGE_ID_MISMATCH = new Rule("page.id-mismatch", Severity.ERROR,
            "Page id does not match its position",
            "The page header names another page (m_pageId) than the one at this position in an allocated part of the file. "
                    + "SQL Server reports this as error 824 (incorrect pageid): the storage returned the wrong block, or "
                    + "a write landed at the wrong place.",
            "Restore the page from a good backup and investigate the storage for misdirected writes.");
    public static final Rule PAGE_ID_STALE = new Rule("page.id-mismatch-unallocated", Severity.INFO,
            "Stale page in unallocated space",
            "The page header names another page than its position, but the allocation maps say this page is not in use: "
                    + "it is a leftover from earlier use of the disk space, not corruption.",
            "Nothing to do; SQL Server formats the page again when it allocates it.");
    public static final Rule PAGE_ZERO = new Rule("page.zero-filled", Severity.ERROR, "Zero-filled allocated page",
            "The allocation maps (GAM and PFS) say this page is in use, but all 8,192 bytes are zero: the page was lost "
                    + "(never written, or overwritten with zeros).",
            "Restore the page from a good backup; look for lost writes or a storage layer that returned zeros.");
    public static final Rule PAGE_ZERO_SECTOR = new Rule("page.zero-sector", Severity.ERROR, "Zero-filled sectors on a damaged page",
            "One or more 512-byte sectors of this page are all zero where the page's own checks show damage (failed "
                    + "checksum or torn bits, or a zeroed slot array): the damage is most probably sectors lost or zeroed "
                    + "by the storage.",
            "Restore the page from a good backup; the zeroed sectors point to the storage layer.");
    public static final Rule PAGE_BAD_HEADER = new Rule("page.bad-header", Severity.ERROR, "Impossible page header",
            "A header field has a value SQL Server never writes (header version other than 1, an unknown page type, "
                    + "free-data offset outside the page, more slots than fit, non-zero reserved bytes).",
            "Treat the page as damaged: restore it from a good backup.");
    public static final Rule PAGE_SLOT_RANGE = new Rule("page.slot-out-of-range", Severity.ERROR, "Slot array out of range",
            "A slot-array entry points outside the record area of the page (below byte 96 or at or after m_freeData).",
            "Treat the page as damaged: restore it from a good backup.");
    public static final Rule FILE_TRUNCATED = new Rule("file.truncated-page", Severity.ERROR, "Truncated last page",
            "The file size is not a multiple of 8,192 bytes: its last page is cut short, so the file was truncated (an "
                    + "incomplete copy or download).",
            "Get a complete copy of the file; compare its size with the size the source system reports.");
    public static final Rule FILE_NOT_DATABASE = new Rule("file.not-a-database-file", Severity.WARNING,
            "No file header page at page 0",
            "Page 0 of a data or log file is a file header page (m_type 15); this file does not start with one, so it is "
                    + "damaged at its start or not a SQL Server database file.",
            "Check that this is the right file; if it is, its first page is damaged.");
    public static final Rule FILE_NO_ALLOCATION_MAPS = new Rule("file.allocation-unknown", Severity.WARNING,
            "Allocation maps unreadable",
            "The GAM or PFS pages that say which pages are in use could not be read as such, so PageLens cannot tell "
                    + "allocated pages from free space; findings that depend on it are reported as if the space were in use.",
            "Look at pages 1 (PFS) and 2 (GAM) of the file: they may be damaged.");

    public static final Rule BOOT_HEKATON_STALE = new Rule("boot.hekaton-stale", Severity.CRITICAL,
            "Stale In-Memory OLTP state in the boot page",
            "The boot page (1:9) holds non-zero In-Memory OLTP (Hekaton) fields, or non-zero bytes in the region where they lie that no "
                    + "known non-Hekaton field explains, while the database has no memory-optimized filegroup. Restoring such a backup "
                    + "(to Azure SQL Managed Instance above all) makes the In-Memory OLTP engine assert while deploying; SQL Server restarts "
                    + "over and over and the database stays in Restoring.",
            "Create a fresh database without a memory-optimized filegroup, check its boot page (Hekaton region all zero), migrate "
                    + "the data, check the boot page again, take a new full backup and restore that one.");
    public static final Rule BOOT_HEKATON_CLEAR = new Rule("boot.hekaton-clear", Severity.INFO, "No In-Memory OLTP state in the boot page",
            "The Hekaton region of the boot page is all zero (or the release predates In-Memory OLTP): a restore will not meet stale "
                    + "In-Memory OLTP state from this boot page.",
            "Nothing to do.");
    public static final Rule BOOT_HEKATON_IN_USE = new Rule("boot.hekaton-in-use", Severity.INFO, "In-Memory OLTP state present, as expected",
            "The Hekaton fields are non-zero and the database has a memory-optimized filegroup: the normal state of a database that "
                    + "uses In-Memory OLTP.",
            "Restore to a server that supports In-Memory OLTP; plan memory for the durable memory-optimized data.");
    public static final Rule BOOT_LAYOUT_UNKNOWN = new Rule("boot.layout-unknown", Severity.WARNING,
            "Non-zero bytes where the In-Memory OLTP fields can lie, in an unknown layout",
            "The dbi_version of this boot page has no established layout. PageLens judges the span in which the Dbi_hk* fields can lie "
                    + "(the nearest layout's Hekaton region when the record has its length, else everything from where that region starts "
                    + "to the end of the record): all zero there is a clear verdict, marked INFERRED; this finding means bytes of that span "
                    + "are non-zero and no known field explains them, so they may be stale Hekaton state or a field of this version PageLens "
                    + "does not know.",
            "Check the Dbi_hk* values with DBCC DBINFO WITH TABLERESULTS, or calibrate the version with 'pagelens calibrate' (DBCC DBINFO "
                    + "WITH TABLERESULTS plus DBCC PAGE(db, 1, 9, 2)).");

    public static final Rule BACKUP_BLOCK_DAMAGED = new Rule("backup.block-damaged", Severity.ERROR, "Damaged backup block",
            "A Microsoft Tape Format descriptor block or stream header of the backup fails its header checksum, or claims more bytes than "
                    + "the file holds. PageLens skipped to the next valid block; data in between was not examined.",
            "Get an intact copy of the backup (compare its size and hash with the source); RESTORE VERIFYONLY on the source server tells "
                    + "whether the original is readable.");
    public static final Rule BACKUP_NO_BOOT_PAGE = new Rule("backup.no-boot-page", Severity.ERROR, "No boot page in the backup",
            "None of the backup's data streams holds page 1:9, so the database cannot be restored from this file alone: it may be one "
                    + "stripe of a backup written to several files, or truncated.",
            "Find the other files of the backup set (RESTORE LABELONLY / HEADERONLY show the family count) and restore from all of them.");

    public static final Rule BACKUP_MISSING_EXTENTS = new Rule("backup.missing-extents", Severity.ERROR, "Allocated extents missing from the backup",
            "The file's own allocation map (GAM) inside the backup marks extents as allocated, but none of their pages is in the "
                    + "backup's data streams. A full backup copies every allocated extent, so this backup is one stripe of a backup "
                    + "written to several files, or it is damaged or truncated.",
            "Find the other files of the backup set (RESTORE LABELONLY shows the media family count) and read them together.");

    public static final Rule BACKUP_CANNOT_DECODE = new Rule("backup.cannot-decode", Severity.ERROR, "Backup content PageLens cannot decode",
            "The backup starts like a compressed backup (MSSQLBAK) but its content is not MS-XCA (XPRESS) data that expands to an MTF "
                    + "stream: it is encrypted (BACKUP ... WITH ENCRYPTION), compressed with another algorithm (QAT_DEFLATE from SQL Server "
                    + "2022, ZSTD from 2025; their containers are not public), or a compressed chunk is damaged. The parts that could not be "
                    + "decoded were not examined.",
            "RESTORE HEADERONLY on a server shows Compressed, KeyAlgorithm and EncryptorType; RESTORE VERIFYONLY checks the backup. For "
                    + "a damaged chunk, get another copy of the backup.");

    public static final Rule XTP_NOT_CONTAINER = new Rule("xtp.not-a-container", Severity.WARNING,
            "Not an In-Memory OLTP container",
            "The folder has neither a $HKv2 folder of checkpoint files (SQL Server 2016 and later) nor GUID-named FILESTREAM "
                    + "folders (SQL Server 2014): it is empty, or not the container of a memory-optimized filegroup.",
            "Check the path: sys.database_files (type 2, FILESTREAM/memory-optimized) gives the container folders.");
    public static final Rule XTP_LINK_SKIPPED = new Rule("xtp.link-not-followed", Severity.INFO, "Symbolic link not followed",
            "A symbolic link inside the container was listed but not followed: PageLens never leaves the container, which also "
                    + "makes link loops harmless. SQL Server does not create links in containers.",
            "Copy the files the link points to into the evidence if they belong to the container.");
    public static final Rule XTP_FILE_CUT = new Rule("xtp.file-cut", Severity.ERROR, "Checkpoint file cut short",
            "A block header of the checkpoint file claims more bytes than the file holds, or the file is empty: the file was "
                    + "truncated (an incomplete copy) or damaged. Block sizes are 256 KiB for data blocks (REAL bytes, one sample) and "
                    + "4 KiB for others (CLAIMED).",
            "Get a complete copy of the container (with SQL Server stopped or from a backup) and compare sizes with "
                    + "sys.dm_db_xtp_checkpoint_files.");
    public static final Rule XTP_BLOCK_IMPOSSIBLE = new Rule("xtp.block-impossible", Severity.ERROR, "Structurally impossible block",
            "A checkpoint block contradicts itself: its two size fields disagree, its lengths do not fit, or its record chain "
                    + "runs past the used length or stops short of it. The block layout is EMPIRICAL (one real sample): treat this "
                    + "as strong suspicion of damage, which SQL Server confirms with errors 41316 (backup), 41355 (merge) or 3414 "
                    + "(recovery) when the block checksum fails.",
            "Back up the memory-optimized filegroup COPY_ONLY to DISK='NUL' to make SQL Server verify every block checksum; "
                    + "restore from a good backup if it fails.");
    public static final Rule XTP_FOREIGN_REGION = new Rule("xtp.foreign-region", Severity.WARNING, "Region without a block",
            "Where the next block header was expected there are bytes that are not a block header (all zero, or something "
                    + "else) before the next header or before the end of the file. Checkpoint files are written sequentially, "
                    + "so this is either damage or a block layout PageLens does not know yet (EMPIRICAL layout).",
            "Compare with sys.dm_db_xtp_checkpoint_files (file_size_used_in_bytes) and verify with a COPY_ONLY backup to DISK='NUL'.");
    public static final Rule XTP_CHECKSUM_UNVERIFIED = new Rule("xtp.checksum-unverified", Severity.INFO,
            "Block checksums not verified",
            "SQL Server writes a checksum for every checkpoint block, but the algorithm and its place are not public and no "
                    + "profile has been validated on real healthy files, so PageLens cannot verify them. Structure checks still ran.",
            "Let SQL Server verify the blocks: BACKUP DATABASE ... FILEGROUP = <memory-optimized filegroup> TO DISK='NUL' "
                    + "WITH COPY_ONLY fails on a bad block checksum.");

    public static final Rule XTP_CHECKSUM_MISMATCH = new Rule("xtp.checksum-mismatch", Severity.ERROR, "Block checksum mismatch",
            "The block's stored checksum differs from the one computed with the checksum profile the user established with "
                    + "pagelens xtp discover --save on known-good files. The profile is the user's, not PageLens': its evidence is the "
                    + "number of blocks and files it fitted, named in the report.",
            "Verify with a COPY_ONLY backup of the memory-optimized filegroup to DISK='NUL'; if SQL Server agrees, restore the "
                    + "filegroup from a good backup.");
    public static final Rule XTP_DMV_MISSING = new Rule("xtp.dmv-missing-file", Severity.ERROR, "Checkpoint file missing from the container",
            "The imported sys.dm_db_xtp_checkpoint_files lists a checkpoint file that is not in the container folder. For a file in "
                    + "state ACTIVE or WAITING FOR LOG TRUNCATION this is an error: recovery needs its rows; for other states a warning.",
            "Check that the copy of the container is complete (copy it with SQL Server stopped, or from a backup).");
    public static final Rule XTP_DMV_UNKNOWN = new Rule("xtp.dmv-unknown-file", Severity.WARNING, "Checkpoint file the DMV does not know",
            "A checkpoint file in the container is not in the imported DMV result: left over from an earlier database, copied in, or the "
                    + "export is older than the folder.",
            "Export the DMV again at the time of the copy; do not delete files from a container by hand.");
    public static final Rule XTP_DMV_SIZE = new Rule("xtp.dmv-size-mismatch", Severity.ERROR, "Checkpoint file size disagrees with the DMV",
            "The file's size on disk differs from file_size_in_bytes in the imported DMV result (an error when the file is smaller: cut "
                    + "short), or the DMV's used bytes exceed the file size.",
            "Get a complete copy of the file; export the DMV and copy the folder at the same time.");
    public static final Rule XTP_DMV_UNPAIRED = new Rule("xtp.dmv-unpaired", Severity.WARNING, "Active data file without a delta file",
            "An ACTIVE (or WAITING FOR LOG TRUNCATION) data file has no checkpoint_pair_file_id naming a DELTA file in the DMV result: data "
                    + "and delta files are always created in pairs.",
            "Export the complete DMV result (all rows); if the pair is really missing, verify with a COPY_ONLY backup to DISK='NUL'.");
    public static final Rule XTP_DMV_STATE = new Rule("xtp.dmv-unusual-state", Severity.INFO, "Unusual checkpoint file state",
            "The DMV result gives a state that SQL Server 2016 and later do not use (the 2014 states 4-7 MERGED SOURCE, REQUIRED FOR "
                    + "BACKUP/HA, IN TRANSITION TO TOMBSTONE, TOMBSTONE, or an unknown number).",
            "Check which server version produced the export.");

    public static final Rule CATALOG_PAGE_DAMAGED = new Rule("catalog.page-damaged", Severity.CRITICAL, "System catalog page damaged",
            "A page of a system base table (sysallocunits, sysrowsets, sysschobjs, sysidxstats, ...) fails its own checks. These tables say "
                    + "which pages belong to which table; SQL Server reads them to open the database, so damage here keeps a database from "
                    + "attaching or starting (CHECKDB cannot repair most of it: its metadata errors such as 8992 and 7985 need a restore). "
                    + "PageLens does not use the rows on the page: the names they held show as ids.",
            "Restore the database from a good backup; do not try to attach this file on a production server. Salvage tables whose names "
                    + "are still known (pagelens objects, the rows issue) before anything else writes to the file.");
    public static final Rule CATALOG_INCOMPLETE = new Rule("catalog.incomplete", Severity.WARNING, "System catalog incomplete",
            "Pages of the system catalog that its chains or IAM pages name are not in this evidence, or a chain of catalog pages breaks "
                    + "or loops. In a backup this is usual for one stripe of a backup written to several files. Names and page ownership "
                    + "that lived on those pages are unavailable; pages are then named by their allocation unit ids.",
            "Open the other stripes of the backup, or the complete data file, to get every name.");
    public static final Rule CATALOG_LAYOUT_MISMATCH = new Rule("catalog.layout-mismatch", Severity.WARNING,
            "Catalog layout differs from the declared one",
            "The database describes its own base tables (sysrscols rows of their rowsets). Where that description places a column "
                    + "elsewhere than PageLens's declared layout (base-tables.tsv), values of that column may be misread. No real file "
                    + "examined so far showed a difference.",
            "Report the file's version and the title to the PageLens developers; treat names and counts from this catalog with care.");
    public static final Rule CATALOG_FILE_NOT_GIVEN = new Rule("catalog.file-not-given", Severity.INFO, "Data file of the database not given",
            "The database's catalog (sysprufiles, or sysdbfiles in 2005) lists a data file that is not part of this evidence: a database "
                    + "of several files (.mdf and .ndf) opened with only some of them. Pages the database keeps in that file are not "
                    + "examined, and IAM chains that go on into it are followed only to its border (no chain or ownership finding is "
                    + "raised for what lies there).",
            "Give every data file of the database together (for example pagelens objects DB.mdf DB_2.ndf) to examine all its pages.");
    public static final Rule CATALOG_FILE_FOREIGN = new Rule("catalog.file-foreign", Severity.WARNING, "File not listed by the database",
            "A data file given as part of this database has a file id that the database's catalog does not list as one of its data "
                    + "files: a file of another database, or a file added after the catalog pages were written. Owners of its pages may "
                    + "be wrong.",
            "Check that the files belong together (same database, same point in time).");
    public static final Rule ALLOC_OWNER_MISMATCH = new Rule("alloc.owner-mismatch", Severity.ERROR, "Page header names another owner",
            "The page lies in an extent (or a single-page slot) that the IAM of one allocation unit allocates, but its header names another "
                    + "allocation unit. CHECKDB reports this as error 2534 (the header's owner) with a matching 2533 (the IAM's owner): "
                    + "the header was damaged, or a write landed in the wrong place.",
            "Treat the page as damaged for both owners: restore it from a good backup and run DBCC CHECKDB.");
    public static final Rule ALLOC_EXTENT_TWO_OWNERS = new Rule("alloc.extent-two-owners", Severity.ERROR, "Extent allocated twice",
            "Two allocation units' IAM pages both allocate this extent, or an IAM allocates an extent that the GAM says is free. "
                    + "CHECKDB reports these as errors 8904 and 8913 (the GAM named as the other object in the second case). Rows of "
                    + "one owner may overwrite the other's.",
            "Restore from a good backup; REPAIR_ALLOW_DATA_LOSS is the least repair CHECKDB offers for it.");
    public static final Rule ALLOC_IAM_CHAIN = new Rule("alloc.iam-chain-broken", Severity.ERROR, "IAM chain broken",
            "The chain of IAM pages of an allocation unit (from sysallocunits.pgfirstiam through m_nextPage) leads to a page that is not "
                    + "that unit's IAM page, to a page the evidence lacks, or back to itself. CHECKDB reports broken IAM chains as errors "
                    + "2575 and 2576. Pages allocated by the rest of the chain cannot be attributed.",
            "Restore from a good backup; the unit's pages after the break are unaccounted for.");
    public static final Rule ALLOC_NOT_OWNED = new Rule("alloc.page-not-owned", Severity.ERROR, "Allocated page without an owner",
            "The PFS says this page is allocated and its header is formatted, but no IAM of any allocation unit allocates it (neither its "
                    + "extent nor a single-page slot). CHECKDB reports an extent allocated in the GAM that no IAM or SGAM allocates as "
                    + "error 8905, and a page of a mixed extent that no IAM holds as error 8906.",
            "Run DBCC CHECKDB to confirm; the page is lost to its table until repaired or restored.");
    public static final Rule ALLOC_UNIT_UNKNOWN = new Rule("alloc.unit-unknown", Severity.INFO, "Page of an allocation unit the catalog does not list",
            "The page header names an allocation unit that sysallocunits does not list: a page of a dropped object not yet reused, or "
                    + "a unit whose catalog row lies on a page that is missing or damaged. Counted per unit, not per page.",
            "Nothing to do when the catalog is complete and the pages are free; otherwise see the catalog findings.");
    public static final Rule LOG_VLF_HEADER = new Rule("log.vlf-header", Severity.ERROR, "Log VLF header damaged",
            "A virtual log file's header (docs/log.md 4.1) is not one: no 0xAB signature, a start offset that is not its position, a "
                    + "size that does not fit the file, or a parity that does not follow its use count. Past a header that is not one, the "
                    + "VLF chain cannot be followed.",
            "Keep the file as it is; restore the log from a backup or rebuild it only after the data files are safe.");
    public static final Rule LOG_BLOCK_TORN = new Rule("log.block-torn", Severity.ERROR, "Log block torn or partly written",
            "A sector of a log block does not carry the VLF's parity with the right first/last bits (docs/log.md 5.1), or the block's size "
                    + "is impossible: the block was not written whole (a torn write, a lost sector). Crash recovery stops at such a block.",
            "Records after it are lost to recovery; restore from backups and the log chain.");
    public static final Rule LOG_BLOCK_CHECKSUM = new Rule("log.block-checksum", Severity.ERROR, "Log block checksum mismatch",
            "The log block carries a checksum (flag 0x0002: databases with PAGE_VERIFY CHECKSUM, SQL Server 2005 on) and it does not match "
                    + "the block's bytes (docs/log.md 5.4: the page checksum extended to the block's sectors). SQL Server reports such a "
                    + "block as a log corruption (error 9004 or 824 on the log).",
            "The log is damaged: restore from a good backup and the log chain; do not attach the database with this log.");
    public static final Rule LOG_BLOCK_CHAIN = new Rule("log.block-chain", Severity.ERROR, "Log block out of its chain",
            "A log block's own LSN is not (VLF sequence, its sector offset, 1), its previous-block size is not the size of the block "
                    + "before it, or its slot array does not fit it (docs/log.md 5.2, 6.1): a misplaced, stale or damaged block.",
            "Treat the log from this block on as damaged.");
    public static final Rule LOG_CHECKPOINT_MISSING = new Rule("log.checkpoint-missing", Severity.WARNING, "Checkpoint not in the log",
            "The checkpoint LSN the log's page 0 names (its copy of the boot record, docs/log.md 3) is not a LOP_BEGIN_CKPT record of this "
                    + "log: the log and the record disagree, or the part of the log holding it is gone.",
            "Check that the log belongs to the data file and is complete; recovery starts at that checkpoint.");
    public static final Rule LOG_TRANSACTION_CHAIN = new Rule("log.transaction-chain", Severity.ERROR, "Log transaction chain broken",
            "A log record's previous LSN (docs/log.md 6.2) is not the record of its transaction before it in this log: a record of the "
                    + "transaction is missing (a lost or damaged block), or the record belongs to another log. Every record of the real logs "
                    + "examined chains (docs/log.md 12). Records of transactions that began before the log's first LSN are not checked.",
            "Treat the transaction as damaged: rolling it back or forward needs the missing records. Look for damaged blocks before it.");
    public static final Rule LOG_BACKUP_MISMATCH = new Rule("log.backup-mismatch", Severity.WARNING, "Backup's log part incomplete",
            "What a full backup declares of its log (its MSTL descriptors' byte ranges, the SCIN First/Last LSNs, docs/log.md 11) does not "
                    + "match the log bytes it carries: a range without an MQTL stream (log range declared, log bytes absent: seen on two "
                    + "real backups, cause unknown), a stream shorter than its range, or LSNs outside the bytes.",
            "A restore needs the backup's log part to recover the database: test the restore (RESTORE VERIFYONLY, then a restore on a "
                    + "test server) before relying on this backup.");
    public static final Rule EXAMINATION_INCOMPLETE = new Rule("examination.incomplete", Severity.ERROR, "Examination incomplete",
            "PageLens could not complete a check of this evidence (the title says which and why: a read error, a structure it could not "
                    + "decode, or an internal failure). What it could not check is not known to be healthy: the result is not a clean bill "
                    + "of health.",
            "Read the reason; get an intact copy of the evidence if it was cut or unreadable, and report the message to the PageLens "
                    + "developers when the evidence itself looks sound.");

    /** Every rule, in the order of docs/rules.md. */
    public static List<Rule> all() {
        return List.of(PAGE_CHECKSUM, PAGE_TORN, PAGE_ID_MISMATCH, PAGE_ID_STALE, PAGE_ZERO, PAGE_ZERO_SECTOR, PAGE_BAD_HEADER,
                PAGE_SLOT_RANGE, FILE_TRUNCATED, FILE_NOT_DATABASE, FILE_NO_ALLOCATION_MAPS, BOOT_HEKATON_STALE, BOOT_HEKATON_CLEAR,
                BOOT_HEKATON_IN_USE, BOOT_LAYOUT_UNKNOWN, BACKUP_BLOCK_DAMAGED, BACKUP_NO_BOOT_PAGE, BACKUP_MISSING_EXTENTS, BACKUP_CANNOT_DECODE, XTP_NOT_CONTAINER, XTP_LINK_SKIPPED, XTP_FILE_CUT, XTP_BLOCK_IMPOSSIBLE,
                XTP_FOREIGN_REGION, XTP_CHECKSUM_UNVERIFIED, XTP_CHECKSUM_MISMATCH, XTP_DMV_MISSING, XTP_DMV_UNKNOWN, XTP_DMV_SIZE, XTP_DMV_UNPAIRED,
                XTP_DMV_STATE, CATALOG_PAGE_DAMAGED, CATALOG_INCOMPLETE, CATALOG_LAYOUT_MISMATCH, CATALOG_FILE_NOT_GIVEN,
                CATALOG_FILE_FOREIGN, ALLOC_OWNER_MISMATCH,
                ALLOC_EXTENT_TWO_OWNERS, ALLOC_IAM_CHAIN, ALLOC_NOT_OWNED, ALLOC_UNIT_UNKNOWN, LOG_VLF_HEADER, LOG_BLOCK_TORN, LOG_BLOCK_CHECKSUM,
                LOG_BLOCK_CHAIN, LOG_CHECKPOINT_MISSING, LOG_TRANSACTION_CHAIN, LOG_BACKUP_MISMATCH, EXAMINATION_INCOMPLETE);
    }

    public static Rule byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule: " + id));
    }
}
