package pagelens.core.rows;

/**
 * A column as rows of one rowset store it, named from the catalog: its type and where a record keeps it (catalog.md 2.4,
 * 4.3).
 *
 * @param name       the column's name (syscolpars), or null for a column the rowset stores that no longer has a name
 *                   (a dropped column: its bytes stay in old records) or the uniquifier
 * @param columnId   syscolpars.colid = rscolid (0: the uniquifier of a non-unique clustered index)
 * @param xtype      the system type id
 * @param length     maximum length in bytes (0: a (max) type)
 * @param precision  decimal/numeric precision
 * @param scale      decimal/numeric scale, or the fractional-second digits of time types
 * @param collation  the collation id (code page of char/varchar/text)
 * @param leafOffset &gt; 0: fixed at R+offset; &lt; 0: variable column number -offset
 * @param nullBit    1-based position in the null bitmap
 * @param bitPos     the bit of a bit column in its shared byte
 * @param keyOrdinal position in the index key (0: not a key column)
 */
public record TableColumn(String name, int columnId, int xtype, int length, int precision, int scale, int collation, int leafOffset, int nullBit,
        int bitPos, int keyOrdinal) {

    /** Whether the column is one the table shows (not dropped, not the uniquifier). */
    public boolean visible() {
        return name != null;
    }

    /** The type as the types table describes it, or null for a type PageLens does not know. */
    public SqlTypes.Type type() {
        return SqlTypes.of(xtype);
    }

    /** The type as SQL Server writes it: "nvarchar(40)", "decimal(10,2)", "varbinary(max)", "int". */
    public String typeName() {
        SqlTypes.Type t = type();
        String n = t == null ? "type " + xtype : t.name();
        return switch (xtype) {
            case 175, 167, 173, 165 -> n + "(" + (length == 0 ? "max" : Integer.toString(length)) + ")";
            case 239, 231 -> n + "(" + (length == 0 ? "max" : Integer.toString(length / 2)) + ")";
            case 106, 108 -> n + "(" + precision + "," + scale + ")";
            case 41, 42, 43 -> n + "(" + scale + ")";
            default -> n;
        };
    }
}
