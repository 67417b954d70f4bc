package pagelens.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Snapshots of controls, pixel statistics and screenshots under target/screenshots. */
final class Screens {
    private Screens() {
    }

    /** Processes pending UI events for about {@code millis}. */
    static void spin(long millis) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Processes UI events until {@code condition} holds (checked between events), failing after {@code timeoutMillis}:
     * tests wait on what they need, not for a fixed time.
     */
    static void waitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis, String what) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        while (d.readAndDispatch()) {
            // let the listeners that fired paint
        }
    }

    /** The pixels of {@code c} as they are on screen. */
    static ImageData snapshot(Control c) {
        Point size = c.getSize();
        Image img = new Image(c.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        GC gc = new GC(c);
        try {
            gc.copyArea(img, 0, 0);
            return img.getImageData();
        } finally {
            gc.dispose();
            img.dispose();
        }
    }

    static Set<RGB> colours(ImageData data) {
        Set<RGB> s = new HashSet<>();
        for (int y = 0; y < data.height; y += 1) {
            for (int x = 0; x < data.width; x += 1) {
                s.add(data.palette.getRGB(data.getPixel(x, y)));
            }
        }
        return s;
    }

    static int count(ImageData data, java.util.function.Predicate<RGB> p) {
        int n = 0;
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                if (p.test(data.palette.getRGB(data.getPixel(x, y)))) {
                    n++;
                }
            }
        }
        return n;
    }

    static Path save(ImageData data, String name) throws java.io.IOException {
        Path dir = Paths.get(System.getProperty("pagelens.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path out = dir.resolve(name);
        ImageLoader l = new ImageLoader();
        l.data = new ImageData[] { data };
        l.save(out.toString(), SWT.IMAGE_PNG);
        return out;
    }
}
