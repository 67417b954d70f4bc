package pagelens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A writer for one thread into a 64 K character buffer, drained to a stream as UTF-8: no lock per call (as BufferedWriter
 * takes) and no CharsetEncoder loop (String's own encoder, an intrinsic for the common Latin-1 text). A surrogate pair is never
 * split between two drains. Closing it closes the stream.
 */
public final class Utf8Sink extends Writer {
    private final OutputStream out;
    private final char[] buf = new char[1 << 16];
    private int n;

    public Utf8Sink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (n == buf.length) {
            drain();
        }
        buf[n++] = (char) c;
    }

    /** Copies characters [from, to) of a source into {@code dst} at {@code at} (String and StringBuilder getChars, arraycopy). */
    private interface Chars {
        void get(int from, int to, char[] dst, int at);
    }

    /** The one copy loop: {@code len} characters of {@code src} from {@code off}, draining the buffer as it fills. */
    private void copy(Chars src, int off, int len) throws IOException {
        while (len > 0) {
            if (n == buf.length) {
                drain();
            }
            int k = Math.min(len, buf.length - n);
            src.get(off, off + k, buf, n);
            n += k;
            off += k;
            len -= k;
        }
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        copy((f, t, d, at) -> System.arraycopy(c, f, d, at, t - f), off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        copy(s::getChars, off, len);
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        if (csq instanceof StringBuilder sb) {
            copy(sb::getChars, 0, sb.length()); // a row's line, without a String copy of it
        } else {
            String s = String.valueOf(csq);
            write(s, 0, s.length());
        }
        return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) throws IOException {
        if (csq instanceof String s) {
            write(s, start, end - start);
        } else {
            CharSequence c = csq == null ? "null" : csq;
            for (int i = start; i < end; i++) {
                write(c.charAt(i));
            }
        }
        return this;
    }

    @Override
    public Writer append(char c) throws IOException {
        write(c);
        return this;
    }

    private final byte[] bytes = new byte[3 * (1 << 16)];

    private void drain() throws IOException {
        int keep = n > 0 && Character.isHighSurrogate(buf[n - 1]) ? 1 : 0; // the pair's other half comes with the next write
        encode(n - keep);
        if (keep == 1) {
            buf[0] = buf[n - 1];
        }
        n = keep;
    }

    /** The first {@code len} characters as UTF-8: ASCII runs byte by byte, the rest through String's encoder. */
    private void encode(int len) throws IOException {
        int b = 0;
        int i = 0;
        while (i < len) {
            char ch = buf[i];
            if (ch < 0x80) {
                bytes[b++] = (byte) ch;
                i++;
                continue;
            }
            int j = i + 1;
            while (j < len && buf[j] >= 0x80) {
                j++;
            }
            if (Character.isHighSurrogate(buf[j - 1]) && j < len) {
                j++; // a pair that straddles the run's end
            }
            byte[] e = new String(buf, i, j - i).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(e, 0, bytes, b, e.length);
            b += e.length;
            i = j;
        }
        out.write(bytes, 0, b);
    }

    @Override
    public void flush() throws IOException {
        if (n > 0) {
            int keep = Character.isHighSurrogate(buf[n - 1]) ? 1 : 0;
            if (keep == 1) {
                // a lone high surrogate at the very end stays for the next write; at close it is written as it is
                encode(n - 1);
                buf[0] = buf[n - 1];
                n = 1;
            } else {
                drain();
            }
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            if (n > 0) {
                encode(n);
                n = 0;
            }
        } finally {
            out.close();
        }
    }
}
