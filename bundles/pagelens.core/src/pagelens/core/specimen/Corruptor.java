package pagelens.core.specimen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import pagelens.core.page.Bytes;
import pagelens.core.page.Page;

/**
 * Corruption injectors for copies of data files (tests, demo, benchmarks). Each opens the file for
 * writing, so never point one at evidence: callers work on copies in a temporary folder.
 */
public final class Corruptor {
    private Corruptor() {
    }

    private static byte[] readPage(FileChannel ch, long pageId) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Page.SIZE);
        long pos = pageId * Page.SIZE;
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("page " + pageId + " is past the end of the file");
            }
        }
        return b.array();
    }

    private static void writePage(FileChannel ch, long pageId, byte[] page) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(page);
        while (b.hasRemaining()) {
            ch.write(b, pageId * Page.SIZE + b.position());
        }
    }

    private static FileChannel open(Path copy) throws IOException {
        return FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Rewrites the owner ids in a page's header (m_indexId, m_objId) and stamps a valid page checksum again: a header
     * damaged in memory before the page was written, which the checksum cannot catch and only the IAM cross-check can
     * (CHECKDB 2534).
     */
    public static void reassign(Path copy, long pageId, int indexId, long objId) throws IOException {
        try (FileChannel ch = open(copy)) {
            byte[] p = readPage(ch, pageId);
            p[0x06] = (byte) indexId;
            p[0x07] = (byte) (indexId >>> 8);
            for (int i = 0; i < 4; i++) {
                p[0x18 + i] = (byte) (objId >>> (8 * i));
            }
            PageBuilder.protect(p, Protection.CHECKSUM, 1);
            writePage(ch, pageId, p);
        }
    }

    /**
     * Sets one byte of a page and stamps a valid page checksum again: a wrong value written by the engine itself (a bug, bad
     * memory before the write), which only cross-checks between pages can catch.
     */
    public static void rewrite(Path copy, long pageId, int offset, int value) throws IOException {
        try (FileChannel ch = open(copy)) {
            byte[] p = readPage(ch, pageId);
            p[offset] = (byte) value;
            PageBuilder.protect(p, Protection.CHECKSUM, 1);
            writePage(ch, pageId, p);
        }
    }

    /** Flips one bit of one byte of a page (a single-bit storage or memory error). */
    public static void flipBit(Path copy, long pageId, int offset, int bit) throws IOException {
        try (FileChannel ch = open(copy)) {
            byte[] p = readPage(ch, pageId);
            p[offset] ^= (byte) (1 << bit);
            writePage(ch, pageId, p);
        }
    }

    /** Flips one bit at {@code offset} in each of {@code count} pages from {@code firstPage} (many findings at once). */
    public static void flipBits(Path copy, long firstPage, long count, int offset) throws IOException {
        try (FileChannel ch = open(copy)) {
            for (long p = firstPage; p < firstPage + count; p++) {
                byte[] page = readPage(ch, p);
                page[offset] ^= 1;
                writePage(ch, p, page);
            }
        }
    }

    /** Zeroes one 512-byte sector of a page. */
    public static void zeroSector(Path copy, long pageId, int sector) throws IOException {
        try (FileChannel ch = open(copy)) {
            byte[] p = readPage(ch, pageId);
            java.util.Arrays.fill(p, sector * Page.SECTOR_SIZE, (sector + 1) * Page.SECTOR_SIZE, (byte) 0);
            writePage(ch, pageId, p);
        }
    }

    /** Zeroes a whole page (a lost write). */
    public static void zeroPage(Path copy, long pageId) throws IOException {
        try (FileChannel ch = open(copy)) {
            writePage(ch, pageId, new byte[Page.SIZE]);
        }
    }

    /**
     * A torn write: the second 4 KB half (sectors 8..15) comes from another page. On a torn-page
     * protected page those sectors then carry the opposite signature, as the previous write left them.
     */
    public static void tearSecondHalf(Path copy, long pageId, long donorPageId) throws IOException {
        try (FileChannel ch = open(copy)) {
            byte[] p = readPage(ch, pageId);
            byte[] d = readPage(ch, donorPageId);
            System.arraycopy(d, Page.SIZE / 2, p, Page.SIZE / 2, Page.SIZE / 2);
            int flags = Bytes.u16(p, 4);
            if ((flags & 0x0100) != 0 && (flags & 0x0200) == 0) {
                int sig = p[0x3C] & 3;
                int old = sig == 1 ? 2 : 1;
                for (int k = 8; k < Page.SECTORS; k++) {
                    int i = k * Page.SECTOR_SIZE + Page.SECTOR_SIZE - 1;
                    p[i] = (byte) ((p[i] & ~3) | old);
                }
            }
            writePage(ch, pageId, p);
        }
    }

    /** A misdirected write: page {@code pageId} is overwritten by a valid copy of page {@code fromPageId}. */
    public static void misdirect(Path copy, long pageId, long fromPageId) throws IOException {
        try (FileChannel ch = open(copy)) {
            writePage(ch, pageId, readPage(ch, fromPageId));
        }
    }

    /** Cuts the file to {@code size} bytes. */
    public static void truncate(Path copy, long size) throws IOException {
        try (FileChannel ch = open(copy)) {
            ch.truncate(size);
        }
    }
}
