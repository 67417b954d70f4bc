package pagelens.report;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import pagelens.core.boot.BootCompare;
import pagelens.core.boot.BootField;
import pagelens.core.boot.BootLayouts;
import pagelens.core.boot.BootPage;
import pagelens.core.boot.HekatonVerdict;
import pagelens.core.catalog.Catalog;
import pagelens.core.catalog.Owner;
import pagelens.core.catalog.Ownership;
import pagelens.core.exam.Examination;
import pagelens.core.findings.Finding;
import pagelens.core.findings.FindingSink;
import pagelens.core.findings.Severity;
import pagelens.core.scan.PageCounts;
import pagelens.core.store.PageCopy;

/**
 * The one JSON shape of each core fact, used by every command's {@code --json} and by the JSON report
 * (docs/schema/pagelens-case-1.schema.json describes them): a finding, page counts, a findings summary, a boot page and
 * its Hekaton verdict, boot page differences, an examination.
 */
public final class FactsJson {
    /** The mapper every writer uses (trees are written into the report's stream with it). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private FactsJson() {
    }

    /** A finding with the owner of its page as an {@code object} block (when known). */
    public static ObjectNode finding(Finding f, Owner owner) {
        ObjectNode x = finding(f);
        if (owner != null) {
            x.set("object", owner(owner));
        }
        return x;
    }

    /**
     * A page's owner: {schema, name, objectId, type, indexId, indexName, indexType, partition, allocationUnitId, unitType,
     * rowsetId, by, evidence, unavailable, text}; names the catalog could not give are null.
     */
    public static ObjectNode owner(Owner o) {
        ObjectNode x = MAPPER.createObjectNode();
        x.put("schema", o.schema());
        x.put("name", o.objectName());
        x.put("objectId", o.objectId());
        x.put("type", o.objectType());
        x.put("indexId", o.indexId());
        x.put("indexName", o.indexName());
        x.put("indexType", o.indexKind() == null ? null : o.indexKind().name().toLowerCase(java.util.Locale.ROOT));
        x.put("partition", o.partition());
        x.put("allocationUnitId", o.allocationUnitId());
        x.put("unitType", o.unitType() == null ? null : o.unitType().name().toLowerCase(java.util.Locale.ROOT));
        x.put("rowsetId", o.rowsetId());
        x.put("by", o.by().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        x.put("evidence", o.evidence().name());
        x.put("unavailable", o.unavailable());
        x.put("text", OwnerText.describe(o));
        return x;
    }

    /** Every kept finding with its page's owner, in location order. */
    public static ArrayNode findings(FindingSink sink, java.util.function.Function<Finding, Owner> owners) {
        ArrayNode a = MAPPER.createArrayNode();
        sink.findings().forEach(f -> a.add(finding(f, owners.apply(f))));
        return a;
    }

    /**
     * Pages per object, index, partition and unit type: [{object block, pages, damagedPages, firstDamagedPage}], damaged
     * first; plus the pages the allocation maps mark free.
     */
    /**
     * Damaged pages of user tables and the rows they put at risk: [{page, object, keyColumns, rows, firstKeys [[..]], lostRows,
     * finding}] (lostRows: when no row could be decoded, the page's slot count, or null when its header is gone).
     */
    public static ArrayNode rowsAtRisk(List<pagelens.core.rows.RowsAtRisk.Page> pages) {
        ArrayNode a = MAPPER.createArrayNode();
        for (pagelens.core.rows.RowsAtRisk.Page p : pages) {
            ObjectNode n = a.addObject();
            n.put("page", p.page().toString());
            n.set("object", owner(p.owner()));
            ArrayNode k = n.putArray("keyColumns");
            p.keyColumns().forEach(k::add);
            n.put("rows", p.rows());
            ArrayNode first = n.putArray("firstKeys");
            for (Object[] key : p.firstKeys()) {
                ArrayNode row = first.addArray();
                for (Object v : key) {
                    row.add(ValueText.json(v));
                }
            }
            if (p.lostRows() < 0) {
                n.putNull("lostRows");
            } else {
                n.put("lostRows", p.lostRows());
            }
            n.put("finding", p.reason());
        }
        return a;
    }

    public static ObjectNode objects(Ownership o) {
        ObjectNode x = MAPPER.createObjectNode();
        x.put("allocationChecked", o.checked());
        x.put("freePages", o.freePages());
        ArrayNode a = x.putArray("groups");
        for (Ownership.Group g : o.groups()) {
            ObjectNode n = a.addObject();
            n.set("object", owner(g.owner()));
            n.put("systemCatalog", g.owner().systemCatalog());
            n.put("pages", g.pages());
            n.put("damagedPages", g.damaged());
            n.put("firstDamagedPage", g.firstDamaged() == null ? null : g.firstDamaged().toString());
        }
        return x;
    }

    /**
     * The catalog: {generation, objects [{schema, name, objectId, type, created, modified, indexes [...], partitions [...]}],
     * files, dataSpaces, memoryOptimizedFilegroup, problems, selfCheck}. User tables only (system base tables are in the
     * ownership groups).
     */
    public static ObjectNode catalog(Catalog c) {
        ObjectNode x = MAPPER.createObjectNode();
        x.put("generation", c.generation().name());
        ArrayNode objs = x.putArray("tables");
        for (Catalog.DbObject o : c.userTables()) {
            ObjectNode n = objs.addObject();
            n.put("schema", c.schemaName(o.schemaId()));
            n.put("name", o.name());
            n.put("objectId", o.id());
            n.put("type", o.type());
            n.put("created", o.created() == null ? null : o.created().toString());
            n.put("modified", o.modified() == null ? null : o.modified().toString());
            ArrayNode parts = n.putArray("partitions");
            for (Catalog.Rowset r : c.rowsetsOf(o.id())) {
                ObjectNode p = parts.addObject();
                Catalog.Index ix = c.index(o.id(), r.indexId());
                p.put("indexId", r.indexId());
                p.put("indexName", ix == null ? null : ix.name());
                p.put("indexType", ix == null || ix.kind() == null ? null : ix.kind().name().toLowerCase(java.util.Locale.ROOT));
                ArrayNode keys = p.putArray("keyColumns");
                if (ix != null) {
                    c.keyColumnNames(ix).forEach(keys::add);
                }
                p.put("partition", r.partition());
                p.put("rowsetId", r.id());
                p.put("rows", r.rows());
                p.put("compression", r.compression());
                ArrayNode units = p.putArray("allocationUnits");
                for (Catalog.AllocationUnit u : c.unitsOf(r.id())) {
                    ObjectNode un = units.addObject();
                    un.put("allocationUnitId", u.id());
                    un.put("type", u.unitType() == null ? Integer.toString(u.type()) : u.unitType().name().toLowerCase(java.util.Locale.ROOT));
                    un.put("firstIam", u.firstIam() == null ? null : u.firstIam().toString());
                    un.put("firstPage", u.first() == null ? null : u.first().toString());
                    un.put("usedPages", u.usedPages());
                    un.put("dataPages", u.dataPages());
                    un.put("reservedPages", u.reservedPages());
                }
            }
        }
        ArrayNode files = x.putArray("files");
        for (Catalog.DatabaseFile f : c.files()) {
            ObjectNode n = files.addObject();
            n.put("fileId", f.fileId());
            n.put("filegroup", f.filegroup());
            n.put("type", f.type());
            n.put("sizePages", f.sizePages());
            n.put("logicalName", f.logicalName());
            n.put("physicalName", f.physicalName());
        }
        ArrayNode ds = x.putArray("dataSpaces");
        for (Catalog.DataSpace d : c.dataSpaces().values()) {
            ObjectNode n = ds.addObject();
            n.put("id", d.id());
            n.put("name", d.name());
            n.put("type", d.type());
        }
        x.put("memoryOptimizedFilegroup", c.memoryOptimizedFilegroup().name());
        x.put("memoryOptimizedFilegroupReason", c.memoryOptimizedFilegroupReason());
        ArrayNode pr = x.putArray("problems");
        for (Catalog.Problem p : c.problems()) {
            ObjectNode n = pr.addObject();
            n.put("kind", p.kind().name());
            n.put("table", p.table());
            n.put("page", p.page() == null ? null : p.page().toString());
            n.put("what", p.what());
        }
        ObjectNode sc = x.putObject("selfCheck");
        sc.put("tables", c.selfCheck().tables());
        sc.put("columns", c.selfCheck().columns());
        ArrayNode mm = sc.putArray("mismatches");
        c.selfCheck().mismatches().forEach(mm::add);
        return x;
    }

    /**
     * Pages a server named, each beside PageLens's verdict: [{page, source, error, line, message, claimsDamage, pagelens,
     * rules, differs, object}].
     */
    public static ArrayNode namedPages(List<Examination.NamedPage> pages) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Examination.NamedPage n : pages) {
            ObjectNode x = a.addObject();
            x.put("page", n.message().page().toString());
            x.put("source", n.message().source());
            x.put("error", n.message().error());
            x.put("line", n.message().line());
            x.put("message", n.message().message());
            x.put("claimsDamage", n.message().claimsDamage());
            x.put("pagelens", n.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            ArrayNode r = x.putArray("rules");
            n.rules().forEach(r::add);
            x.put("differs", n.differs());
            if (n.owner() != null) {
                x.set("object", owner(n.owner()));
            }
        }
        return a;
    }

    /**
     * One database of a migration preflight: {path, verdict, kind, database, serverVersion, databaseVersion, inMemoryOltp,
     * memoryOptimizedFilegroup, xtpMemory, integrity, error, checks [{rule, outcome, detail, source}]}.
     */
    public static ObjectNode preflightRow(pagelens.core.preflight.Preflight.Row r) {
        ObjectNode x = MAPPER.createObjectNode();
        x.put("path", r.path() == null ? null : r.path().toString());
        x.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        x.put("kind", r.kind());
        x.put("database", r.database());
        x.put("serverVersion", r.serverVersion());
        if (r.databaseVersion() == null) {
            x.putNull("databaseVersion");
        } else {
            x.put("databaseVersion", r.databaseVersion());
        }
        x.put("inMemoryOltp", r.hekaton());
        x.put("memoryOptimizedFilegroup", r.filegroup());
        x.put("xtpMemory", r.xtpMemory());
        x.put("integrity", r.integrity());
        x.put("error", r.error());
        ArrayNode cs = x.putArray("checks");
        for (pagelens.core.preflight.Preflight.Check c : r.checks()) {
            ObjectNode n = cs.addObject();
            n.put("rule", c.rule());
            n.put("outcome", c.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            n.put("detail", c.detail());
            n.put("source", c.source());
        }
        return x;
    }

    /** {rule, severity, title, evidence, fileId, pageId, offset, offsetIn, byteStart, byteLength}. */
    public static ObjectNode finding(Finding f) {
        ObjectNode x = MAPPER.createObjectNode();
        x.put("rule", f.ruleId());
        x.put("severity", f.severity().id());
        x.put("title", f.title());
        x.put("evidence", f.location().evidence() == null ? null : f.location().evidence().toString());
        x.put("fileId", f.location().fileId());
        x.put("pageId", f.location().pageId());
        x.put("offset", f.location().fileOffset());
        x.put("offsetIn", f.location().space().id());
        x.put("byteStart", f.location().byteStart());
        x.put("byteLength", f.location().byteLength());
        return x;
    }

    /** {critical, error, warning, info, byRule {rule: count}, findingsOmitted}. */
    public static ObjectNode summary(FindingSink sink) {
        ObjectNode s = MAPPER.createObjectNode();
        for (Severity sev : Severity.values()) {
            s.put(sev.id(), sink.count(sev));
        }
        ObjectNode byRule = s.putObject("byRule");
        sink.countsByRule().forEach(byRule::put);
        s.put("findingsOmitted", sink.dropped());
        return s;
    }

    /** {total, checksumProtected, checksumOk, checksumBad, tornProtected, tornOk, torn, unprotected, empty}. */
    public static ObjectNode pages(PageCounts c) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("total", c.total());
        p.put("checksumProtected", c.checksumProtected());
        p.put("checksumOk", c.checksumOk());
        p.put("checksumBad", c.checksumBad());
        p.put("tornProtected", c.tornProtected());
        p.put("tornOk", c.tornOk());
        p.put("torn", c.torn());
        p.put("unprotected", c.unprotected());
        p.put("empty", c.empty());
        return p;
    }

    /** One boot page field: {name, offset, size, type, value, raw, evidence, category, source}. */
    public static ObjectNode field(BootField f) {
        ObjectNode x = MAPPER.createObjectNode();
        x.put("name", f.name());
        x.put("offset", f.offset());
        x.put("size", f.size());
        x.put("type", f.def().type());
        x.put("value", f.value());
        x.put("raw", f.rawHex());
        x.put("evidence", f.def().evidence().name());
        x.put("category", f.def().category());
        x.put("source", f.def().source());
        return x;
    }

    /**
     * The Hekaton verdict: {verdict, rule, severity, headline, explanation, action, regionStart, regionEnd, region {start,
     * end, evidence}, fields, fieldNames, nonZeroBytes, sharedFields, memoryOptimizedFilegroup {value, source}}.
     */
    public static ObjectNode hekaton(BootPage b) {
        HekatonVerdict h = b.hekaton();
        ObjectNode hk = MAPPER.createObjectNode();
        hk.put("verdict", h.verdict().id());
        hk.put("rule", h.rule().id());
        hk.put("severity", h.rule().severity().id());
        hk.put("headline", h.headline());
        hk.put("explanation", h.explanation());
        hk.put("action", h.action());
        hk.put("regionStart", h.regionStart());
        hk.put("regionEnd", h.regionEnd());
        ObjectNode region = hk.putObject("region");
        region.put("start", h.regionStart());
        region.put("end", h.regionEnd());
        region.put("evidence", b.layout().regionEvidence().name());
        ArrayNode hf = hk.putArray("fields");
        h.hekatonFields().forEach(f -> hf.add(field(f)));
        ArrayNode names = hk.putArray("fieldNames");
        BootLayouts.builtIn().hekatonFieldNames().forEach(n -> names.add(n[0]));
        ArrayNode nz = hk.putArray("nonZeroBytes");
        h.nonZeroOffsets().forEach(nz::add);
        ArrayNode sh = hk.putArray("sharedFields");
        h.sharedFields().forEach(sh::add);
        ObjectNode fgn = hk.putObject("memoryOptimizedFilegroup");
        fgn.put("value", h.filegroup().name().toLowerCase(Locale.ROOT));
        fgn.put("source", h.filegroupSource());
        return hk;
    }

    /**
     * A decoded boot page: {path, dbiVersion, createVersion, databaseName, dbid, recordLength, checksum, layout {version,
     * exact, release, origin, note}, copy {offset, offsetIn}, fields, uncovered, hekaton}.
     */
    public static ObjectNode bootPage(java.nio.file.Path path, BootPage b, PageCopy used) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("path", path.toString());
        o.put("dbiVersion", b.dbiVersion());
        o.put("createVersion", b.createVersion());
        o.put("databaseName", b.databaseName());
        o.put("dbid", b.value("dbi_dbid") == null ? null : Integer.valueOf(b.value("dbi_dbid")));
        o.put("recordLength", b.recordLength());
        o.put("checksum", b.checksumNote());
        ObjectNode lay = o.putObject("layout");
        lay.put("version", b.layout().version());
        lay.put("exact", b.exactLayout());
        lay.put("release", b.layout().release());
        lay.put("origin", b.layout().origin());
        lay.put("note", b.layoutNote());
        if (used != null) {
            ObjectNode c = o.putObject("copy");
            c.put("offset", used.provenance().offset());
            c.put("offsetIn", used.provenance().space().id());
            c.put("copy", used.provenance().copy() + 1);
        }
        ArrayNode fs = o.putArray("fields");
        for (BootField f : b.fields()) {
            fs.add(field(f));
        }
        ArrayNode un = o.putArray("uncovered");
        for (BootPage.Range r : b.uncovered()) {
            ObjectNode x = un.addObject();
            x.put("start", r.start());
            x.put("end", r.end());
            x.put("nonZeroBytes", r.nonZeroBytes());
            x.put("hex", r.hex());
        }
        o.set("hekaton", hekaton(b));
        return o;
    }

    /** Boot page differences: [{name, offset, size, before, after, hekaton, category}]. */
    public static ArrayNode differences(List<BootCompare.Difference> diffs) {
        ArrayNode out = MAPPER.createArrayNode();
        for (BootCompare.Difference d : diffs) {
            ObjectNode x = out.addObject();
            x.put("name", d.name());
            x.put("offset", d.offset());
            x.put("size", d.size());
            x.put("before", d.before());
            x.put("after", d.after());
            x.put("hekaton", d.hekaton());
            x.put("category", d.category());
        }
        return out;
    }

    /**
     * A backup set as PageLens reads it without a restore: {type, databaseName, databaseVersion, databaseVersionEvidence,
     * softwareVersion, softwareName, headersOnly, files [...], filesEvidence, pages, memoryOptimizedFilegroup(+Reason),
     * memoryEstimate, xtpContent, bootPages [{offset, offsetIn, lsn}], hekaton}; {@code boot} may be null.
     */
    public static ObjectNode backupSet(pagelens.core.backup.Backup b, BootPage boot) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("type", b.backupKind());
        s.put("databaseName", boot != null ? boot.databaseName() : null);
        if (b.databaseVersion() != null) {
            s.put("databaseVersion", b.databaseVersion());
        }
        s.put("databaseVersionEvidence", pagelens.core.Evidence.INFERRED.name() + " (SCIN chunk, docs/formats.md 10); the boot page's dbi_version is " + pagelens.core.Evidence.VERIFIED.name());
        s.put("softwareVersion", b.softwareVersion());
        s.put("softwareName", b.softwareName());
        s.put("headersOnly", b.headersOnly());
        ArrayNode files = s.putArray("files");
        for (pagelens.core.backup.BackupCatalog.FileEntry f : b.catalog().files()) {
            ObjectNode x = files.addObject();
            x.put("fileId", f.fileId());
            x.put("logicalName", f.logicalName());
            x.put("physicalName", f.physicalName());
            pagelens.core.backup.BackupCatalog.FileType t = b.typeOf(f);
            x.put("type", t.letter());
            x.put("typeEvidence", t.evidence());
            x.put("filegroupId", f.filegroupId());
            x.put("filegroup", b.catalog().filegroupName(f));
            x.put("size", f.size());
        }
        s.put("filesEvidence", pagelens.core.Evidence.INFERRED.name() + ": SFIN chunk layout read from the samples (docs/format-notes.md)");
        if (b.counts() != null) {
            s.set("pages", pages(b.counts()));
        } else {
            s.putNull("pages");
        }
        s.put("memoryOptimizedFilegroup", b.xtpFilegroup().name());
        s.put("memoryOptimizedFilegroupReason", b.xtpFilegroupReason());
        s.put("memoryEstimate", b.xtp() == null ? "not looked for (headers only)" : b.xtp().memoryEstimate());
        if (b.xtp() != null) {
            s.put("xtpContent", b.xtp().summary());
        }
        ArrayNode bp = s.putArray("bootPages");
        for (PageCopy copy : b.bootCopies()) {
            ObjectNode x = bp.addObject();
            x.put("offset", copy.provenance().offset());
            x.put("offsetIn", copy.provenance().space().id());
            try {
                x.put("lsn", pagelens.core.page.PageHeader.parse(b.pages().read(copy)).lsn().toString());
            } catch (java.io.IOException ex) {
                x.put("lsn", (String) null);
            }
        }
        if (boot != null) {
            s.set("hekaton", hekaton(boot));
        }
        return s;
    }

    /**
     * One log record: lsn, operation, context, transaction, previousLsn, page (null for other operations; then slot and
     * allocationUnit), time, transactionName, offset, length, stale. The one writer of a record, streamed ({@code pagelens log
     * --json --records} writes millions), and through {@link #logRecordNode} for the report.
     */
    public static void logRecord(com.fasterxml.jackson.core.JsonGenerator g, pagelens.core.log.LogFile.Record rec) throws java.io.IOException {
        logRecord(g, rec, null);
    }

    /** {@link #logRecord(com.fasterxml.jackson.core.JsonGenerator, pagelens.core.log.LogFile.Record)} with the allocation unit's object (or null). */
    public static void logRecord(com.fasterxml.jackson.core.JsonGenerator g, pagelens.core.log.LogFile.Record rec, String object) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("lsn", rec.lsn().toString());
        g.writeStringField("operation", pagelens.core.log.LogOperations.name(rec.operation()));
        g.writeNumberField("context", rec.context());
        g.writeStringField("transaction", pagelens.core.log.LogFile.transactionText(rec.transactionId()));
        g.writeStringField("previousLsn", rec.previous().toString());
        if (rec.page() == null) {
            g.writeNullField("page");
        } else {
            g.writeStringField("page", rec.page().toString());
            g.writeNumberField("slot", rec.pageSlot());
            g.writeNumberField("allocationUnit", rec.allocationUnit());
            if (object != null) {
                g.writeStringField("object", object); // named from a catalog (pagelens log --data)
            }
        }
        if (rec.time() != null) {
            g.writeStringField("time", ValueText.text(rec.time())); // the one text of a date-time
        }
        if (rec.transactionName() != null) {
            g.writeStringField("transactionName", rec.transactionName());
        }
        g.writeNumberField("offset", rec.fileOffset());
        g.writeNumberField("length", rec.length());
        if (rec.stale()) {
            g.writeBooleanField("stale", true); // carved after the end of log: not part of the current log
        }
        g.writeEndObject();
    }

    /** {@link #logRecord} as a tree (the same writer). */
    public static com.fasterxml.jackson.databind.JsonNode logRecordNode(pagelens.core.log.LogFile.Record rec) {
        try (com.fasterxml.jackson.databind.util.TokenBuffer tb = new com.fasterxml.jackson.databind.util.TokenBuffer(MAPPER, false)) {
            logRecord(tb, rec);
            return MAPPER.readTree(tb.asParser());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The damaged pages of a case with the last log records that name them (pagelens.core.cases.DamagedPageHistory): {log, data,
     * page, object (the page's owner, or null), damage, records, last [record]}.
     */
    public static ArrayNode damagedPageHistory(List<pagelens.core.cases.DamagedPageHistory.Entry> entries) {
        ArrayNode a = MAPPER.createArrayNode();
        for (pagelens.core.cases.DamagedPageHistory.Entry e : entries) {
            ObjectNode o = a.addObject();
            o.put("log", e.log().toString());
            o.put("data", e.data().toString());
            o.put("page", e.page().toString());
            if (e.owner() != null) {
                o.set("object", owner(e.owner())); // the same owner object as the findings'
            } else {
                o.putNull("object");
            }
            o.put("damage", e.damage());
            o.put("records", e.records());
            ArrayNode last = o.putArray("last");
            e.last().forEach(r -> last.add(logRecordNode(r)));
        }
        return a;
    }

    /**
     * A transaction log as read and checked (pagelens.core.log): version, block format, checkpoint (and whether a
     * LOP_BEGIN_CKPT record is there), block, record and checksum counts, the LSN range, the VLFs and the problems found.
     * The one writer of it: {@code pagelens log --json}'s summary line, {@code pagelens scan --json} and the report's "logs".
     */
    public static ObjectNode log(pagelens.core.log.LogFile.Result r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("dbiVersion", r.dbiVersion());
        o.put("formatByte", r.formatByte());
        o.put("checkpoint", r.checkpoint().toString());
        o.put("checkpointIsBeginCheckpoint", r.checkpointIsBeginCheckpoint());
        o.put("blocks", r.blocks());
        o.put("emptyBlocks", r.emptyBlocks());
        o.put("checksummedBlocks", r.checksummedBlocks());
        o.put("records", r.records());
        o.put("firstLsn", r.first() == null ? null : r.first().toString());
        o.put("lastLsn", r.last() == null ? null : r.last().toString());
        o.put("endOfLog", r.endOfLog() == null ? null : r.endOfLog().toString());
        o.put("usedVlfs", r.usedVlfs());
        o.put("staleBlocks", r.staleBlocks());
        o.put("staleRecords", r.staleRecords());
        o.put("chainsFollowed", r.chainsFollowed());
        o.put("previousBackupLsn", r.previousBackup() == null ? null : r.previousBackup().toString());
        o.put("previousBackupInLog", r.previousBackupInLog());
        o.put("source", r.backup() == null ? "log-file" : "backup");
        if (r.backup() != null) {
            pagelens.core.log.BackupLog b = r.backup();
            ObjectNode bo = o.putObject("backup");
            bo.put("firstLsn", b.firstLsn() == null ? null : b.firstLsn().toString());
            bo.put("lastLsn", b.lastLsn() == null ? null : b.lastLsn().toString());
            bo.put("checkpointLsn", b.checkpointLsn() == null ? null : b.checkpointLsn().toString());
            bo.put("databaseBackupLsn", b.databaseBackupLsn() == null ? null : b.databaseBackupLsn().toString());
            bo.put("vlfsWithBytes", b.vlfs().stream().filter(v -> v.declaresBytes() && v.bytesAt() >= 0).count());
            bo.put("vlfsWithBytesAbsent", b.vlfs().stream().filter(v -> v.declaresBytes() && v.bytesAt() < 0).count());
        }
        ArrayNode vs = o.putArray("vlfs");
        for (pagelens.core.log.LogFile.Vlf v : r.vlfs()) {
            ObjectNode vn = vs.addObject().put("offset", v.offset()).put("size", v.size()).put("seqNo", v.seqNo()).put("parity", v.parity())
                    .put("version", v.version());
            if (v.useCount() >= 0) {
                vn.put("useCount", v.useCount());
            } else {
                vn.putNull("useCount");
            }
            vn.put("createLsn", v.createLsn().toString()).put("blocks", v.blocks()).put("records", v.records()).put("end", v.end())
                    .put("staleBlocks", v.staleBlocks()).put("staleRecords", v.staleRecords());
        }
        ArrayNode ps = o.putArray("problems");
        r.problems().forEach(pr -> ps.addObject().put("kind", pr.kind().name()).put("offset", pr.offset()).put("what", pr.what()));
        return o;
    }

    /**
     * An examination: {evidence {path, kind, size, sha256}, fileKind, fileId, pages, summary, findings (each with the owner of
     * its page), objects (pages per owner), bootPage, log (a log file's VLFs and checks), problems}.
     */
    public static ObjectNode examination(Examination e) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode ev = o.putObject("evidence");
        ev.put("path", e.path().toString());
        ev.put("kind", e.evidence().kind().id());
        ev.put("size", e.evidence().identification().size());
        if (e.sha256() != null) {
            ev.put("sha256", e.sha256());
        }
        o.put("fileKind", e.fileKind());
        o.put("fileId", e.fileId());
        if (e.counts() != null) {
            o.set("pages", pages(e.counts()));
        } else {
            o.putNull("pages");
        }
        o.set("summary", summary(e.findings()));
        o.set("findings", findings(e.findings(), e::ownerOf));
        if (e.ownership() != null) {
            o.set("objects", objects(e.ownership()));
        }
        if (e.boot() != null) {
            o.set("bootPage", bootPage(e.path(), e.boot(), e.bootCopy()));
        }
        if (e.log() != null) {
            o.set("log", log(e.log()));
        }
        ArrayNode pr = o.putArray("problems");
        e.problems().forEach(pr::add);
        return o;
    }
}
