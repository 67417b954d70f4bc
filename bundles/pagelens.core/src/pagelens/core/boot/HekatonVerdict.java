package pagelens.core.boot;

import java.util.List;

import pagelens.core.findings.Rule;

/**
 * The In-Memory OLTP restore-readiness verdict of one boot page.
 *
 * @param verdict        OK, CRITICAL, EXPECTED (non-zero and a memory-optimized filegroup exists), CANNOT_TELL
 * @param rule           the rule behind it (boot.*)
 * @param headline       one sentence
 * @param explanation    what it means and what will happen on restore
 * @param action         what to do
 * @param regionStart    P+ start of the region examined, or -1
 * @param regionEnd      P+ end (exclusive)
 * @param hekatonFields  Hekaton fields with exact offsets (calibrated layouts), decoded
 * @param nonZeroOffsets P+ offsets of non-zero bytes in the region that no known non-Hekaton field explains
 * @param sharedFields   non-Hekaton fields known to share the region (offsets unknown) and known ones in it
 * @param filegroup      whether a memory-optimized filegroup exists
 * @param filegroupSource who said so
 */
public record HekatonVerdict(Verdict verdict, Rule rule, String headline, String explanation, String action, int regionStart,
        int regionEnd, List<BootField> hekatonFields, List<Integer> nonZeroOffsets, List<String> sharedFields, XtpFilegroup filegroup,
        String filegroupSource) {

    /** The verdicts. */
    public enum Verdict {
        OK, CRITICAL, EXPECTED, CANNOT_TELL;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
