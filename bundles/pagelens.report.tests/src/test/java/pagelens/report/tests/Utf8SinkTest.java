package pagelens.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import pagelens.report.Utf8Sink;

/**
 * The CSV export's writer gives the bytes String's UTF-8 encoder gives, whatever the calls and wherever its buffer drains; the
 * export's fast date-time text is the JDK's ISO text.
 */
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

    @Test
    void dateTimeTextIsTheIsoText() {
        Random rnd = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            java.time.LocalDateTime t = java.time.LocalDateTime.of(1 + rnd.nextInt(9999), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28), rnd.nextInt(24),
                    rnd.nextInt(60), rnd.nextInt(60), switch (rnd.nextInt(5)) {
                        case 0 -> 0;
                        case 1 -> rnd.nextInt(1000) * 1_000_000;
                        case 2 -> rnd.nextInt(1_000_000) * 1000;
                        case 3 -> rnd.nextInt(1_000_000_000);
                        default -> 100 * rnd.nextInt(10_000_000);
                    });
            String iso = t.getNano() == 0 ? t.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19) : t.toString();
            org.junit.jupiter.api.Assertions.assertEquals(iso, pagelens.report.ValueText.text(t));
        }
    }
}
