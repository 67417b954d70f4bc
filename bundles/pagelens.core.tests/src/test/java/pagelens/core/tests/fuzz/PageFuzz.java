package pagelens.core.tests.fuzz;

import pagelens.core.decode.Inspector;
import pagelens.core.decode.PageStructure;
import pagelens.core.page.Node;
import pagelens.core.page.PageHeader;
import pagelens.core.page.PageId;
import pagelens.core.page.PageVerification;
import pagelens.core.page.Regions;
import pagelens.core.scan.PageRules;

/** One page through the header decoder, the verification, the quick check, the page rules, the structure tree and the inspector. */
public final class PageFuzz {
    private PageFuzz() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        byte[] b = Fuzz.page(data);
        if (data.length > 0 && (data[0] & 1) == 0) {
            b[0] = 1; // header version 1 half of the time, to get past the first check
        }
        PageId id = PageId.readHeaderId(b, 0);
        PageHeader.parse(b);
        PageVerification v = PageVerification.verify(b, 0, id);
        PageVerification.quick(b, 0, id.fileId(), id.pageId(), new int[16]);
        PageVerification.quick(java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN), 0, id.fileId(), id.pageId());
        PageRules.status(b, id, true);
        PageRules.status(b, new PageId(1, 7), false);
        Node tree = PageStructure.describe(b, id);
        Regions.of(tree, v.torn() != null);
        Inspector.read(b, data.length > 1 ? (data[1] & 0xFF) * 31 % b.length : 0);
    }
}
