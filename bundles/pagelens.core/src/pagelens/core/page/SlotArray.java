package pagelens.core.page;

/**
 * The slot array at the end of the page: slot k is the u16 at P+8190-2k, the record's offset.
 * A count beyond what fits is clipped to what the page can hold.
 */
public final class SlotArray {
    /** Most slots that fit behind a 96-byte header. */
    public static final int MAX_SLOTS = (Page.SIZE - Page.HEADER_SIZE) / 2;

    private SlotArray() {
    }

    public static int offsetOfSlot(int slot) {
        return Page.SIZE - 2 - 2 * slot;
    }

    /** The record offsets of the first {@code count} slots (clipped to {@link #MAX_SLOTS}). */
    public static int[] read(byte[] b, int off, int count) {
        int n = Math.max(0, Math.min(count, MAX_SLOTS));
        int[] slots = new int[n];
        for (int k = 0; k < n; k++) {
            slots[k] = Bytes.u16(b, off + offsetOfSlot(k));
        }
        return slots;
    }
}
