import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Run by the product build (product/pom.xml, package phase, with a build JDK of 24 or newer: it uses the JDK's class-file
 * API): {@code java releng/ModernClassFiles.java PRODUCTS_DIR BUNDLE_NAME_PREFIX...}.
 *
 * <p>picocli 4.7.7 (the newest) is compiled for Java 5 (class file version 49). The JDK keeps class files older than
 * version 50 out of its AOT and class-data caches, so each command loaded, verified and linked about 180 picocli classes
 * from the jar, about 0.14 s of every {@code pagelens} command ({@code -Xlog:class+load}, issue "Ship it"). This rewrites
 * the class files of the named bundles' jars under every {@code plugins} folder as version 52 (Java 8) with the stack map
 * frames that version needs, computed by the JDK's own class-file API; nothing else in a class changes (the same
 * instructions, constants, attributes). picocli is Apache-2.0 licensed, which allows this; the README says it is done.
 * The rewritten classes are written beside the jar ({@code JAR.classes/}); releng/ProductJars.java, run next, puts them in
 * the jar (one jar writer for both). A class the API cannot rewrite fails the build. Classes already at version 50 or
 * newer are left as they are.
 */
public final class ModernClassFiles {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java ModernClassFiles.java PRODUCTS_DIR BUNDLE_NAME_PREFIX...");
            System.exit(2);
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
            s.filter(p -> p.getParent() != null && p.getParent().getFileName() != null
                    && p.getParent().getFileName().toString().equals("plugins") && p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> {
                        for (int i = 1; i < args.length; i++) {
                            if (p.getFileName().toString().startsWith(args[i] + "_")) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .forEach(jars::add);
        }
        if (jars.isEmpty()) {
            System.err.println("ModernClassFiles: no jar of " + List.of(args).subList(1, args.length) + " under " + args[0]);
            System.exit(1);
        }
        for (Path jar : jars) {
            System.out.println("ModernClassFiles: " + jar + ": " + rewrite(jar) + " class files rewritten as version 52 (put in by ProductJars)");
        }
    }

    /**
     * Writes the rewritten class files of {@code jar} under {@code JAR.classes/} (by entry name); the jar itself is rewritten
     * once, with these in place of its own, by releng/ProductJars.java, which runs next and removes the folder.
     */
    static int rewrite(Path jar) throws IOException {
        int rewritten = 0;
        Path overrides = jar.resolveSibling(jar.getFileName() + ".classes");
        try (ZipFile z = new ZipFile(jar.toFile());
                URLClassLoader own = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS, ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(own))));
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry in = e.nextElement();
                if (!in.getName().endsWith(".class") || in.getName().endsWith("module-info.class")) {
                    continue;
                }
                byte[] data;
                try (InputStream is = z.getInputStream(in)) {
                    data = is.readAllBytes();
                }
                ClassModel cm = cf.parse(data);
                if (cm.majorVersion() >= 50) {
                    continue;
                }
                try {
                    // every method body rebuilt (an untouched body would be copied as it is, without frames)
                    data = cf.transformClass(cm, ClassTransform.dropping(el -> el instanceof ClassFileVersion)
                            .andThen(ClassTransform.transformingMethodBodies((CodeTransform) (cb, ce) -> cb.with(ce)))
                            .andThen(ClassTransform.endHandler(b -> b.withVersion(52, 0))));
                } catch (IllegalArgumentException | IllegalStateException ex) {
                    throw new IOException(jar.getFileName() + "!" + in.getName() + ": cannot be rewritten: " + ex.getMessage(), ex);
                }
                Path out = overrides.resolve(in.getName());
                Files.createDirectories(out.getParent());
                Files.write(out, data);
                rewritten++;
            }
        }
        return rewritten;
    }
}
