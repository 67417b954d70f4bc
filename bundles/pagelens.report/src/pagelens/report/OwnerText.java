package pagelens.report;

import java.util.Locale;

import pagelens.core.Evidence;
import pagelens.core.catalog.Owner;

/**
 * The one wording of a page's owner, for every text surface (the command line, the PDF, the workbench's status line,
 * Findings view and explorer): "dbo.Orders, index 1 PK_Orders clustered, partition 1, in-row data, allocation unit
 * 72057594043564032", as CHECKDB names an owner. Facts not verified on real files carry their evidence tag.
 */
public final class OwnerText {
    private OwnerText() {
    }

    /** The full description. */
    public static String describe(Owner o) {
        if (o == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (o.objectId() == 0) {
            sb.append("allocation unit ").append(o.allocationUnitId());
            if (o.unavailable() != null) {
                sb.append(" (").append(o.unavailable()).append(')');
            }
            return sb.toString();
        }
        sb.append(object(o));
        if (o.indexId() >= 0) {
            sb.append(", ");
            if (o.indexKind() == Owner.IndexKind.HEAP) {
                sb.append("heap");
            } else {
                sb.append("index ").append(o.indexId());
                if (o.indexName() != null) {
                    sb.append(' ').append(o.indexName());
                }
                if (o.indexKind() != null) {
                    sb.append(' ').append(indexKind(o.indexKind()));
                }
            }
        }
        if (o.partition() > 0) {
            sb.append(", partition ").append(o.partition());
        }
        if (o.unitType() != null) {
            sb.append(", ").append(unitType(o.unitType()));
        }
        sb.append(", allocation unit ").append(o.allocationUnitId());
        if (o.by() == Owner.By.IAM) {
            sb.append(" (found through its IAM chain)");
        }
        if (o.unavailable() != null) {
            sb.append(" (").append(o.unavailable()).append(')');
        }
        return sb.toString();
    }

    /** "dbo.Orders", or "object 245575913" when the catalog could not name it. */
    public static String object(Owner o) {
        if (o.objectName() == null) {
            return o.objectId() == 0 ? "allocation unit " + o.allocationUnitId() : "object " + o.objectId();
        }
        return (o.schema() != null ? o.schema() : "schema?") + "." + o.objectName();
    }

    /** A short form for narrow places: "dbo.Orders (1 PK_Orders)". */
    public static String brief(Owner o) {
        if (o == null) {
            return "";
        }
        if (o.objectId() == 0) {
            return "unit " + o.allocationUnitId();
        }
        return object(o) + " (" + index(o) + ")";
    }

    /**
     * The {@link #brief} text of an allocation unit the catalog lists (a log record's unit: the log editor and pagelens log
     * --data name it so), or null when the catalog does not list it.
     */
    public static String unit(pagelens.core.catalog.Catalog c, long allocationUnit) {
        return c != null && c.allocationUnits().containsKey(allocationUnit) ? brief(c.owner(allocationUnit, Owner.By.HEADER)) : null;
    }

    /** The index and unit part of {@link #brief}: "1 PK_Orders", "heap", "2 IX_Name, LOB data". */
    public static String index(Owner o) {
        String ix = o.indexKind() == Owner.IndexKind.HEAP ? "heap" : o.indexId() + (o.indexName() != null ? " " + o.indexName() : "");
        String unit = o.unitType() == null || o.unitType() == Owner.UnitType.IN_ROW_DATA ? "" : ", " + unitType(o.unitType());
        return ix + unit;
    }

    public static String indexKind(Owner.IndexKind k) {
        String t = k.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("xml", "XML");
        return k.evidence() == Evidence.VERIFIED ? t : t + " " + k.evidence().tag();
    }

    public static String unitType(Owner.UnitType t) {
        return switch (t) {
            case IN_ROW_DATA -> "in-row data";
            case LOB_DATA -> "LOB data";
            case ROW_OVERFLOW_DATA -> "row-overflow data";
        };
    }

    /** A partition's index in words: "index 1 PK_Orders clustered", or "heap". */
    public static String indexLabel(pagelens.core.catalog.Catalog c, pagelens.core.catalog.Catalog.Rowset r) {
        pagelens.core.catalog.Catalog.Index ix = c.index(r.objectId(), r.indexId());
        String kind = ix != null && ix.kind() != null ? indexKind(ix.kind()) : r.indexId() == 0 ? "heap" : "index";
        return r.indexId() == 0 ? kind : "index " + r.indexId() + (ix != null && ix.name() != null ? " " + ix.name() : "") + " " + kind;
    }

    /** PageLens's verdict on a page a server named, in words ("DAMAGED (page.checksum-mismatch)", "verifies", ...). */
    public static String verdict(pagelens.core.exam.Examination.NamedPage n) {
        return switch (n.verdict()) {
            case DAMAGED -> "DAMAGED (" + String.join(", ", n.rules()) + ")";
            case WARNING -> "warning (" + String.join(", ", n.rules()) + ")";
            case VERIFIES -> "verifies";
            case ABSENT -> "not in this evidence";
            case NOT_CHECKED -> "not verified";
        };
    }
}
