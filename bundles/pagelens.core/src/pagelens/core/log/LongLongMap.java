package pagelens.core.log;

/**
 * A map from long to two longs with open addressing and linear probing (deletion by backward shift), for the log reader's
 * open transactions (id to the packed LSNs of its first and last record): one probe per record, no boxing. Keys must not be
 * {@link #FREE}.
 */
final class LongLongMap {
    private static final long FREE = Long.MIN_VALUE;
    private long[] keys = new long[1024];
    /** First value (a transaction's last record). */
    long[] last = new long[1024];
    /** Second value (a transaction's first record). */
    long[] first = new long[1024];
    private int size;

    {
        java.util.Arrays.fill(keys, FREE);
    }

    /** MurmurHash3's 64-bit finaliser: every key bit reaches the low bits (transaction ids may differ only in their high part). */
    private static int mix(long k) {
        long h = k ^ k >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        return (int) (h ^ h >>> 33);
    }

    /** The slot of {@code key}, or -1. */
    int find(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask;; i = i + 1 & mask) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == FREE) {
                return -1;
            }
        }
    }

    /** Adds {@code key} (not present) with both values; returns its slot. */
    int add(long key, long lastValue, long firstValue) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != FREE) {
            i = i + 1 & mask;
        }
        keys[i] = key;
        last[i] = lastValue;
        first[i] = firstValue;
        size++;
        return i;
    }

    /** Removes the entry in {@code slot}. */
    void removeAt(int slot) {
        int mask = keys.length - 1;
        // backward shift: move later entries of the probe run into the hole when their home slot allows it
        int hole = slot;
        for (int j = hole + 1 & mask; keys[j] != FREE; j = j + 1 & mask) {
            int home = mix(keys[j]) & mask;
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                last[hole] = last[j];
                first[hole] = first[j];
                hole = j;
            }
        }
        keys[hole] = FREE;
        size--;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] ok = keys;
        long[] ol = last;
        long[] of = first;
        keys = new long[ok.length * 2];
        last = new long[ok.length * 2];
        first = new long[ok.length * 2];
        java.util.Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != FREE) {
                add(ok[i], ol[i], of[i]);
            }
        }
    }
}
