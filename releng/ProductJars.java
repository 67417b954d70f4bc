import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Run by the product build (product/pom.xml, package phase) on every materialized product:
 * {@code java releng/ProductJars.java PRODUCTS_DIR}. Two changes to the bundle jars under each {@code plugins} folder, both
 * for the workbench's start-up (issue "Ship it", measured with releng/bench-workbench.sh and JFR):
 *
 * <ol>
 * <li><b>The framework and launcher jars without signature files.</b> {@code org.eclipse.equinox.launcher_*.jar} and
 * {@code org.eclipse.osgi_*.jar} are the only jars the JDK's own class loaders read in the workbench (every other bundle goes
 * through Equinox's loaders). The JDK keeps classes of signed jars out of its class-data and AOT caches, so the framework's
 * 450 classes were loaded, verified and linked from the jar at every start (about 0.17 s before the framework began,
 * {@code -Xlog:class+load}). Their signature files ({@code META-INF/*.SF}, {@code *.RSA}, {@code *.DSA}, {@code *.EC}) are
 * dropped. Equinox does not check bundle signatures unless told to, and the product never tells it to.</li>
 * <li><b>Class files stored, not deflated.</b> Equinox reads a class's bytes from its bundle's jar even when the JVM then
 * takes the class from the AOT cache; inflating them was 13% of the main thread's start-up samples (JFR, 1 ms). Every
 * {@code .class} entry is rewritten STORED (the jars grow from 64 to 127 MB on disk; the product archives, compressed as
 * a whole, are smaller: the archive deflates each jar as a whole, across its stored classes). Other entries stay deflated.</li>
 * </ol>
 * Every entry keeps its name, order, time, comment and extra field; contents are unchanged (a signature file of any other
 * jar still matches its digests), but for class files releng/ModernClassFiles.java rewrote (found in {@code JAR.classes/},
 * put in and the folder removed). Idempotent.
 */
public final class ProductJars {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java ProductJars.java PRODUCTS_DIR");
            System.exit(2);
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            s.filter(p -> p.getParent() != null && p.getParent().getFileName() != null
                            && p.getParent().getFileName().toString().equals("plugins") && p.getFileName().toString().endsWith(".jar"))
                    .forEach(jars::add);
        }
        int framework = 0;
        long before = 0;
        long after = 0;
        for (Path jar : jars) {
            String n = jar.getFileName().toString();
            boolean unsign = n.startsWith("org.eclipse.osgi_") || n.startsWith("org.eclipse.equinox.launcher_");
            before += Files.size(jar);
            int dropped = rewrite(jar, unsign);
            after += Files.size(jar);
            if (unsign) {
                framework++;
                System.out.println("ProductJars: " + jar + (dropped == 0 ? ": no signature files" : ": " + dropped + " signature file(s) dropped"));
            }
        }
        if (framework == 0) {
            System.err.println("ProductJars: no framework or launcher jar under " + args[0]);
            System.exit(1);
        }
        System.out.printf("ProductJars: %d jars, class files stored: %,d -> %,d bytes%n", jars.size(), before, after);
    }

    static boolean isSignatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC");
    }

    /** Rewrites {@code jar} with its class files STORED and, if {@code unsign}, without signature files; returns how many were dropped. */
    static int rewrite(Path jar, boolean unsign) throws IOException {
        int dropped = 0;
        // class files rewritten by releng/ModernClassFiles.java, by entry name, put in here in place of the jar's own
        Path overrides = jar.resolveSibling(jar.getFileName() + ".classes");
        boolean change = Files.isDirectory(overrides);
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry in = e.nextElement();
                if (unsign && isSignatureFile(in.getName())) {
                    dropped++;
                    change = true;
                } else if (in.getName().endsWith(".class") && in.getMethod() != ZipEntry.STORED) {
                    change = true;
                }
            }
            if (!change) {
                return 0;
            }
            Path tmp = jar.resolveSibling(jar.getFileName() + ".rewriting");
            try (OutputStream fo = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(fo, 1 << 16))) {
                for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                    ZipEntry in = e.nextElement();
                    if (unsign && isSignatureFile(in.getName())) {
                        continue;
                    }
                    byte[] data;
                    Path override = overrides.resolve(in.getName()).normalize();
                    if (override.startsWith(overrides) && Files.isRegularFile(override)) {
                        data = Files.readAllBytes(override);
                    } else {
                        try (InputStream is = z.getInputStream(in)) {
                            data = is.readAllBytes();
                        }
                    }
                    ZipEntry copy = new ZipEntry(in.getName());
                    copy.setTime(in.getTime());
                    if (in.getComment() != null) {
                        copy.setComment(in.getComment());
                    }
                    if (in.getExtra() != null) {
                        copy.setExtra(in.getExtra());
                    }
                    if (in.getName().endsWith(".class")) {
                        CRC32 crc = new CRC32();
                        crc.update(data);
                        copy.setMethod(ZipEntry.STORED);
                        copy.setSize(data.length);
                        copy.setCompressedSize(data.length);
                        copy.setCrc(crc.getValue());
                    } else {
                        copy.setMethod(ZipEntry.DEFLATED);
                    }
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(overrides)) {
            try (Stream<Path> s = Files.walk(overrides)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dropped;
    }
}
