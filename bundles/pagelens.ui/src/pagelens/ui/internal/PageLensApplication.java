package pagelens.ui.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/** The PageLens workbench application. File paths on the command line are opened as evidence. */
public final class PageLensApplication implements IApplication {

    /** The SPI Fly bundle: the ServiceLoader mediator that eclipse-collections (under NatTable) needs in OSGi. */
    static final String SPI_FLY = "org.apache.aries.spifly.dynamic.bundle";

    /** The thread that readies eclipse-collections and probes the image formats off the main thread (startHelper). */
    private static volatile Thread helper;

    /**
     * SPI Fly parses the headers of every bundle when it starts (eclipse-collections alone declares 82 KB of capabilities): about
     * 2 s of a 2-core machine's start-up when the framework starts it before the application. The product does not start it
     * (autoStart false). Here, on a thread of its own beside the display and workbench creation, eclipse-collections' factories
     * are made ready without it ({@link #collectionsFactoriesReady()}, about 0.25 s of class loading that used to be on the main
     * thread's start path); only when that fails is SPI Fly started, transiently. The same thread first sets up SWT's image
     * formats ({@link #warmImageFormats()}). {@link #awaitHelper()} waits for it before any window (and so any NatTable) is made.
     */
    static void startHelper() {
        Thread t = new Thread(() -> {
            warmImageFormats();
            if (collectionsFactoriesReady()) {
                return; // eclipse-collections found its factories without the mediator: SPI Fly stays installed, never started
            }
            org.osgi.framework.Bundle b = org.eclipse.core.runtime.Platform.getBundle(SPI_FLY);
            if (b == null || b.getState() == org.osgi.framework.Bundle.ACTIVE) {
                return;
            }
            try {
                b.start(org.osgi.framework.Bundle.START_TRANSIENT);
            } catch (org.osgi.framework.BundleException | RuntimeException e) {
                System.err.println("pagelens: could not start " + SPI_FLY + ": " + e.getMessage());
            }
        }, "pagelens-start-helper");
        t.setDaemon(true);
        helper = t;
        t.start();
    }

    /**
     * SWT's first image (a view tab's icon, at the first paint) probes every image format, and its SVG format starts the JSVG
     * rasterizer (about 330 classes and their set-up, 0.1-0.15 s of the main thread just before the window shows, by
     * {@code -Xlog:class+load+cause}). Probing a few bytes that are no image here, off the main thread, does that set-up early.
     */
    static void warmImageFormats() {
        try {
            new org.eclipse.swt.graphics.ImageLoader().load(new java.io.ByteArrayInputStream(new byte[64]));
        } catch (LinkageError | RuntimeException expected) { // SWTException among them
            // "unsupported or unrecognized format": every format, SVG's included, was probed
        }
    }

    /**
     * Lets eclipse-collections (under NatTable) find its factory implementations without SPI Fly: its API's factory holders
     * ({@code Lists}, {@code Maps}, {@code IntLists}, ...) each load their implementation through {@code ServiceLoader} with the
     * thread's context class loader when first initialised; here every holder is initialised once, on this thread, with the
     * implementation bundle's class loader as the context loader, which sees the implementation's {@code META-INF/services}.
     * SPI Fly stays installed (the API bundle's requirement on a service-loader extender resolves against it) but is never
     * started: its start parsed every bundle's headers, about 2.8 s of CPU on a 2-core machine (JFR, issue "Ship it").
     *
     * @return whether every holder found its implementation (else SPI Fly is started as before)
     */
    public static boolean collectionsFactoriesReady() {
        org.osgi.framework.Bundle api = org.eclipse.core.runtime.Platform.getBundle("org.eclipse.collections.api");
        org.osgi.framework.Bundle impl = org.eclipse.core.runtime.Platform.getBundle("org.eclipse.collections.impl");
        if (api == null || impl == null) {
            return true; // no eclipse-collections in this runtime: nothing needs the mediator for it
        }
        Thread thread = Thread.currentThread();
        ClassLoader old = thread.getContextClassLoader();
        try {
            org.osgi.framework.wiring.BundleWiring apiWiring = api.adapt(org.osgi.framework.wiring.BundleWiring.class);
            org.osgi.framework.wiring.BundleWiring implWiring = impl.adapt(org.osgi.framework.wiring.BundleWiring.class);
            if (apiWiring == null || implWiring == null) {
                return false;
            }
            ClassLoader apiLoader = apiWiring.getClassLoader();
            thread.setContextClassLoader(implWiring.getClassLoader());
            java.util.Enumeration<java.net.URL> holders = api.findEntries("org/eclipse/collections/api/factory", "*.class", true);
            int proxies = 0;
            int fields = 0;
            while (holders != null && holders.hasMoreElements()) {
                String path = holders.nextElement().getPath();
                if (path.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName(path.substring(path.startsWith("/") ? 1 : 0, path.length() - ".class".length()).replace('/', '.'), true, apiLoader);
                for (java.lang.reflect.Field f : c.getFields()) {
                    if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && f.getType().isInterface()) {
                        Object v = f.get(null);
                        fields++;
                        if (v != null && java.lang.reflect.Proxy.isProxyClass(v.getClass())) {
                            proxies++; // eclipse-collections' stand-in that throws on use: the implementation was not found
                        }
                    }
                }
            }
            return fields > 0 && proxies == 0;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        } finally {
            thread.setContextClassLoader(old);
        }
    }

    static void awaitHelper() {
        Thread t = helper;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Object start(IApplicationContext context) {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // without SPI Fly started, SLF4J (NatTable's logging) finds no provider and logs nothing; its notice saying so on
            // standard error at every start is silenced (SLF4J's own setting); its errors still show
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        startHelper();
        Display display = PlatformUI.createDisplay();
        Thread onSignal = new Thread(() -> closeOnSignal(display), "pagelens-close-on-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            int rc = PlatformUI.createAndRunWorkbench(display, new PageLensWorkbenchAdvisor());
            return rc == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook itself closed the workbench: it is running now
            }
        }
    }

    /**
     * A SIGTERM (a session's logout, {@code kill}, the launcher passing one on) ends the workbench as File &gt; Exit does, so
     * that the framework stops and writes what it keeps for the next start: its extension registry cache (without it every
     * start parses every bundle's plugin.xml again, about 0.6 s, issue "Ship it"), the workspace's preferences and the window's
     * state. Nothing is closed while an editor holds unsaved changes (a close would ask the user, who may not be there): the
     * process then ends as it did before. The wait is bounded (10 s).
     */
    private static void closeOnSignal(Display display) {
        if (display.isDisposed() || !PlatformUI.isWorkbenchRunning()) {
            return;
        }
        org.osgi.framework.Bundle self = org.osgi.framework.FrameworkUtil.getBundle(PageLensApplication.class);
        org.osgi.framework.BundleContext ctx = self == null ? null : self.getBundleContext();
        org.osgi.framework.Bundle framework = ctx == null ? null : ctx.getBundle(0);
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        boolean[] closing = new boolean[1];
        try {
            display.asyncExec(() -> {
                try {
                    IWorkbench wb = PlatformUI.getWorkbench();
                    for (org.eclipse.ui.IWorkbenchWindow w : wb.getWorkbenchWindows()) {
                        for (org.eclipse.ui.IWorkbenchPage p : w.getPages()) {
                            if (p.getDirtyEditors().length > 0) {
                                return; // unsaved changes: never closed without the user
                            }
                        }
                    }
                    closing[0] = wb.isClosing() || wb.close();
                } finally {
                    asked.countDown();
                }
            });
            if (!asked.await(5, java.util.concurrent.TimeUnit.SECONDS) || !closing[0] || framework == null) {
                return;
            }
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while ((framework.getState() & (org.osgi.framework.Bundle.ACTIVE | org.osgi.framework.Bundle.STOPPING)) != 0
                    && System.nanoTime() < end) {
                Thread.sleep(20); // the application returned; the framework stops and saves its caches
            }
        } catch (org.eclipse.swt.SWTException | InterruptedException | IllegalStateException e) {
            // the display or the framework went away meanwhile: nothing left to close
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
