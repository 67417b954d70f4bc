package pagelens.core.log;

/**
 * A map from long to long with open addressing and linear probing (deletion by backward shift), for the log reader's open
 * transactions: tens of millions of lookups per log without boxing. Keys must not be {@link #FREE}.
 */
final class LongLongMap {
    /** What {@link #get} returns for an absent key. */
    static final long NONE = Long.MIN_VALUE;
    private static final long FREE = Long.MIN_VALUE;
    private long[] keys = new long[64];
    private long[] values = new long[64];
    private int size;

    private static int mix(long k) {
        long h = k * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32);
    }

    {
        java.util.Arrays.fill(keys, FREE);
    }

    long get(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask;; i = i + 1 & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == FREE) {
                return NONE;
            }
        }
    }

    void put(long key, long value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask;; i = i + 1 & mask) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == FREE) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != key) {
            if (keys[i] == FREE) {
                return;
            }
            i = i + 1 & mask;
        }
        // backward shift: move later entries of the probe run into the hole when their home slot allows it
        int hole = i;
        for (int j = hole + 1 & mask; keys[j] != FREE; j = j + 1 & mask) {
            int home = mix(keys[j]) & mask;
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
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
        long[] ov = values;
        keys = new long[ok.length * 2];
        values = new long[ok.length * 2];
        java.util.Arrays.fill(keys, FREE);
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != FREE) {
                put(ok[i], ov[i]);
            }
        }
    }
}
