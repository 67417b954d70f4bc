package pagelens.core.identify;

import java.nio.charset.StandardCharsets;

import pagelens.core.page.Bytes;

/**
 * The few boot page fields identification needs (docs/formats.md section 3.3, all [VERIFIED]):
 * dbi_version P+0x64, dbi_createVersion P+0x66, dbi_dbname nchar(128) at P+0x94.
 */
record QuickBoot(int version, int createVersion, String name) {

    /**
     * The name is padded with 0x20 bytes, which read as U+2020 in UTF-16LE (seen on every real boot
     * page in the samples); spaces are trimmed too.
     */
    static String trimPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\u2020' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(0, end);
    }

    static QuickBoot read(byte[] page, int off) {
        int version = Bytes.u16(page, off + 0x64);
        int create = Bytes.u16(page, off + 0x66);
        String name = new String(page, off + 0x94, 256, StandardCharsets.UTF_16LE);
        int nul = name.indexOf('\0');
        if (nul >= 0) {
            name = name.substring(0, nul);
        }
        return new QuickBoot(version, create, trimPadding(name));
    }
}
