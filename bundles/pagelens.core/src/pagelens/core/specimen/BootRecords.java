package pagelens.core.specimen;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The boot page record of a specimen (docs/formats.md section 3.3, P+ offsets minus 0x60): record
 * header, dbi_version, dbi_createVersion, dbi_status, dbi_crdate, dbi_dbname (nchar(128) padded with
 * 0x20 bytes as on real pages), dbi_dbid, dbi_cmptlevel, dbi_collation, dbi_firstSysIndexes,
 * dbi_svcBrokerGUID; the record length follows the version.
 */
final class BootRecords {
    private BootRecords() {
    }

    static byte[] record(DataFileSpecimen.Spec spec, Random random) {
        int len = DataFileSpecimen.bootRecordLength(spec.dbiVersion());
        byte[] r = new byte[len];
        r[2] = (byte) len;
        r[3] = (byte) (len >>> 8);
        put16(r, 0x64 - 0x60, spec.dbiVersion());
        put16(r, 0x66 - 0x60, spec.createVersion());
        put32(r, 0x84 - 0x60, 0x00810008);
        put32(r, 0x8C - 0x60, 3_600_000); // crdate: time (1/300 s ticks)
        put32(r, 0x90 - 0x60, 45_000); // crdate: days since 1900-01-01
        byte[] name = new byte[256];
        java.util.Arrays.fill(name, (byte) 0x20);
        byte[] n = spec.databaseName().getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(n, 0, name, 0, Math.min(256, n.length));
        System.arraycopy(name, 0, r, 0x94 - 0x60, 256);
        put16(r, 0x198 - 0x60, 5); // dbid
        r[0x19A - 0x60] = (byte) 150; // compatibility level
        if (0x1E8 - 0x60 + 4 <= len) {
            put32(r, 0x1E8 - 0x60, 0x3400D008); // SQL_Latin1_General_CP1_CI_AS
        }
        if (0x264 - 0x60 + 6 <= len) {
            put32(r, 0x264 - 0x60, 20); // firstSysIndexes (1:20)
            put16(r, 0x268 - 0x60, 1);
        }
        if (0x314 - 0x60 + 16 <= len) {
            byte[] g = new byte[16];
            random.nextBytes(g);
            System.arraycopy(g, 0, r, 0x314 - 0x60, 16);
        }
        if (0x60C - 0x60 + 10 <= len && spec.dbiVersion() >= 706) {
            put32(r, 0x60C - 0x60, 18); // Dbi_latestVersioningUpgradeLSN 18:65:69, as on the real pages
            put32(r, 0x610 - 0x60, 65);
            put16(r, 0x614 - 0x60, 69);
        }
        if (0x620 - 0x60 + 4 <= len && spec.createVersion() >= 852) {
            put32(r, 0x620 - 0x60, 60); // target recovery time of databases created since 2016
        }
        if (spec.staleHekaton() && 0x64A - 0x60 <= len) {
            // SYNTHETIC stale Hekaton state: LSN-shaped and GUID-shaped values inside the region P+0x616..0x6CB
            // where the Dbi_hk* fields lie (their exact offsets are not established, formats.md 3.4)
            put32(r, 0x630 - 0x60, 36);
            put32(r, 0x634 - 0x60, 1587);
            put16(r, 0x638 - 0x60, 1);
            put32(r, 0x63C - 0x60, 36);
            put32(r, 0x640 - 0x60, 1600);
            put16(r, 0x644 - 0x60, 4);
        }
        return r;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void put32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
