package pagelens.core.scan;

/**
 * Page counts of a scan.
 *
 * @param total             whole pages examined
 * @param checksumProtected pages whose flags say "checksum"
 * @param checksumOk        of those, how many verify
 * @param checksumBad       of those, how many do not
 * @param tornProtected     pages whose flags say "torn-page detection"
 * @param tornOk            of those, how many are whole
 * @param torn              of those, how many are torn
 * @param unprotected       pages with a header but neither flag
 * @param empty             pages whose 96-byte header is all zero (never used)
 */
public record PageCounts(long total, long checksumProtected, long checksumOk, long checksumBad, long tornProtected,
        long tornOk, long torn, long unprotected, long empty) {

    public static final PageCounts ZERO = new PageCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public PageCounts plus(PageCounts o) {
        return new PageCounts(total + o.total, checksumProtected + o.checksumProtected, checksumOk + o.checksumOk,
                checksumBad + o.checksumBad, tornProtected + o.tornProtected, tornOk + o.tornOk, torn + o.torn,
                unprotected + o.unprotected, empty + o.empty);
    }

    /** A mutable counter for one worker. */
    public static final class Counter {
        public final int[] xors = new int[16];
        public long total, checksumProtected, checksumOk, checksumBad, tornProtected, tornOk, torn, unprotected, empty;

        public PageCounts toCounts() {
            return new PageCounts(total, checksumProtected, checksumOk, checksumBad, tornProtected, tornOk, torn, unprotected, empty);
        }
    }
}
