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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Run by the product build (product/pom.xml, package phase) on every materialized product:
 * {@code java releng/UnsignFrameworkJars.java PRODUCTS_DIR}.
 *
 * <p>The Equinox launcher and framework jars ({@code org.eclipse.equinox.launcher_*.jar}, {@code org.eclipse.osgi_*.jar}) are
 * the only jars the JDK's own class loaders read in the workbench (every other bundle goes through Equinox's loaders). The
 * JDK keeps classes of signed jars out of its class-data and AOT caches, so the framework's 450 classes were loaded, verified
 * and linked from the jar at every start (about 0.17 s before the framework began, {@code -Xlog:class+load}). This copy drops
 * their signature files ({@code META-INF/*.SF}, {@code *.RSA}, {@code *.DSA}, {@code *.EC}); every other entry, the manifest
 * included, is copied unchanged with its time. Equinox does not check bundle signatures unless told to, and the product
 * never tells it to. Idempotent: a jar without signature files is left as it is.
 */
public final class UnsignFrameworkJars {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UnsignFrameworkJars.java PRODUCTS_DIR");
            System.exit(2);
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            s.filter(p -> p.getParent() != null && p.getParent().getFileName() != null
                            && p.getParent().getFileName().toString().equals("plugins"))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".jar") && (n.startsWith("org.eclipse.osgi_") || n.startsWith("org.eclipse.equinox.launcher_"));
                    })
                    .forEach(jars::add);
        }
        if (jars.isEmpty()) {
            System.err.println("UnsignFrameworkJars: no framework or launcher jar under " + args[0]);
            System.exit(1);
        }
        for (Path jar : jars) {
            int dropped = unsign(jar);
            System.out.println("UnsignFrameworkJars: " + jar + (dropped == 0 ? ": no signature files" : ": " + dropped + " signature file(s) dropped"));
        }
    }

    static boolean isSignatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC");
    }

    static int unsign(Path jar) throws IOException {
        int dropped = 0;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                if (isSignatureFile(e.nextElement().getName())) {
                    dropped++;
                }
            }
            if (dropped == 0) {
                return 0;
            }
            Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigning");
            try (OutputStream fo = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(fo)) {
                byte[] buf = new byte[65536];
                for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                    ZipEntry in = e.nextElement();
                    if (isSignatureFile(in.getName())) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(in.getName());
                    copy.setTime(in.getTime());
                    if (in.getComment() != null) {
                        copy.setComment(in.getComment());
                    }
                    if (in.getExtra() != null) {
                        copy.setExtra(in.getExtra());
                    }
                    out.putNextEntry(copy);
                    try (InputStream is = z.getInputStream(in)) {
                        for (int n; (n = is.read(buf)) > 0;) {
                            out.write(buf, 0, n);
                        }
                    }
                    out.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return dropped;
    }
}
