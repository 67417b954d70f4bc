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

    private static volatile Thread spiFlyStart;

    /**
     * SPI Fly parses the headers of every bundle when it starts (eclipse-collections alone declares 82 KB of capabilities): about
     * 2 s of a 2-core machine's start-up when the framework starts it before the application. The product does not start it
     * (autoStart false); it is started here, transiently, beside the display and workbench creation, and
     * {@link #awaitServiceLoaderMediator()} waits for it before any window (and so any NatTable) is made.
     */
    static void startServiceLoaderMediator() {
        org.osgi.framework.Bundle b = org.eclipse.core.runtime.Platform.getBundle(SPI_FLY);
        if (b == null || b.getState() == org.osgi.framework.Bundle.ACTIVE) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                b.start(org.osgi.framework.Bundle.START_TRANSIENT);
            } catch (org.osgi.framework.BundleException | RuntimeException e) {
                System.err.println("pagelens: could not start " + SPI_FLY + ": " + e.getMessage());
            }
        }, "pagelens-spifly-start");
        t.setDaemon(true);
        spiFlyStart = t;
        t.start();
    }

    static void awaitServiceLoaderMediator() {
        Thread t = spiFlyStart;
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
        startServiceLoaderMediator();
        Display display = PlatformUI.createDisplay();
        try {
            int rc = PlatformUI.createAndRunWorkbench(display, new PageLensWorkbenchAdvisor());
            return rc == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
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
