package pagelens.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import pagelens.report.Utf8Sink;

/** The CSV export's writer gives the bytes String's UTF-8 encoder gives, whatever the calls and wherever its buffer drains. */
class Utf8SinkTest {

    @Test
    void sameBytesAsStringUtf8AcrossDrains() throws IOException {
        Random rnd = new Random(7);
        StringBuilder all = new StringBuilder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Utf8Sink w = new Utf8Sink(out)) {
            for (int i = 0; i < 40_000; i++) {
                String piece = switch (rnd.nextInt(5)) {
                    case 0 -> "plain ascii " + i;
                    case 1 -> "Ünïcødé ✓ 顧客";
                    case 2 -> "\uD83D\uDE00 emoji \uD834\uDD1E"; // surrogate pairs, which a drain must not split
                    case 3 -> ",\"quoted\"\r\n";
                    default -> String.valueOf((char) ('a' + rnd.nextInt(26)));
                };
                all.append(piece);
                switch (rnd.nextInt(4)) {
                    case 0 -> w.write(piece);
                    case 1 -> w.append(piece, 0, piece.length());
                    case 2 -> w.append(new StringBuilder(piece));
                    default -> {
                        for (int k = 0; k < piece.length(); k++) {
                            w.append(piece.charAt(k));
                        }
                    }
                }
                if (rnd.nextInt(1000) == 0) {
                    w.flush();
                }
            }
        }
        assertArrayEquals(all.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }
}
