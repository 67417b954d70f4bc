package pagelens.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst shapes run in a child JVM with the product's command-line heap (-Xmx192m, as the launcher starts it): a
 * 4 GB sparse data file, a 4 GB sparse backup whose data stream claims it all, and a compressed backup of 40,000 tiny
 * chunks that do not decompress. Each ends with findings (exit 0 or 1), never an out-of-memory exit 2.
 */
class ResourceBoundsTest {
    @TempDir
    Path tmp;

    private static String[] run(String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
                "-XX:+UseSerialGC", "-cp", cp, "pagelens.cli.PageLensCli"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "finished");
        return new String[] { String.valueOf(p.exitValue()), new String(out) };
    }

    @Test
    void sparseDataFileOfFourGigabytes() throws Exception {
        Path f = tmp.resolve("sparse.mdf");
        assertEquals("0", run("specimen", f.toString(), "--size-mb", "2")[0]);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(4L << 30);
        }
        String[] r = run("scan", "--json", "--no-hash", f.toString());
        assertTrue(r[0].equals("0") || r[0].equals("1"), r[1]);
        assertTrue(r[1].contains("\"total\" : 524288"), r[1].substring(0, Math.min(2000, r[1].length())));
    }

    @Test
    void sparseBackupWhoseStreamClaimsFourGigabytes() throws Exception {
        Path f = tmp.resolve("sparse.bak");
        assertEquals("0", run("specimen", f.toString(), "--size-mb", "2", "--backup")[0]);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long size = 4L << 30;
        // the first MQDA stream header: make its length run to the end of the (sparse) file, with a valid checksum
        int at = -1;
        for (int i = 0; i + 22 <= b.length; i += 2) {
            if (b[i] == 'M' && b[i + 1] == 'Q' && b[i + 2] == 'D' && b[i + 3] == 'A') {
                int x = 0;
                for (int w = 0; w < 10; w++) {
                    x ^= bb.getShort(i + 2 * w) & 0xFFFF;
                }
                if (x == (bb.getShort(i + 20) & 0xFFFF)) {
                    at = i;
                    break;
                }
            }
        }
        assertTrue(at > 0, "an MQDA stream header");
        bb.putLong(at + 8, size - at - 22);
        int x = 0;
        for (int w = 0; w < 10; w++) {
            x ^= bb.getShort(at + 2 * w) & 0xFFFF;
        }
        bb.putShort(at + 20, (short) x);
        Files.write(f, b);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(size);
        }
        String[] r = run("backup", "--json", f.toString());
        assertTrue(r[0].equals("0") || r[0].equals("1"), r[1].substring(0, Math.min(3000, r[1].length())));
        assertTrue(r[1].contains("checksumOk"), r[1].substring(0, Math.min(2000, r[1].length())));
    }

    @Test
    void compressedBackupOfFortyThousandTinyChunks() throws Exception {
        Path f = tmp.resolve("chunks.bak");
        Random rnd = new Random(11);
        ByteBuffer bb = ByteBuffer.allocate(16 + 40_000 * (28 + 300)).order(ByteOrder.LITTLE_ENDIAN);
        bb.put("MSSQLBAK".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2).putInt(3);
        byte[] body = new byte[300];
        for (int i = 0; i < 40_000; i++) {
            bb.put((byte) 0x21).put((byte) 8).putShort((short) 300).putLong(i).putLong(i).putInt(0).putInt(0);
            rnd.nextBytes(body);
            bb.put(body);
        }
        Files.write(f, bb.array());
        String[] r = run("backup", f.toString());
        assertTrue(r[0].equals("1"), r[1].substring(0, Math.min(3000, r[1].length())));
        assertTrue(r[1].contains("backup.cannot-decode"), r[1].substring(0, Math.min(3000, r[1].length())));
    }
}
