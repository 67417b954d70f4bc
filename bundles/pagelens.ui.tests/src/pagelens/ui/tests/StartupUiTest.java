package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import pagelens.ui.internal.PageLensApplication;

/**
 * The product starts without SPI Fly (PageLensApplication.collectionsFactoriesReady). The test runtime starts SPI Fly itself,
 * so this checks the mechanism the product relies on instead: from the implementation bundle's class loader, a plain
 * ServiceLoader (not woven by SPI Fly: the call is in this bundle) finds eclipse-collections' factory implementation; and the
 * factories the workbench gets are real and work (not eclipse-collections' stand-in proxies that throw on use).
 */
class StartupUiTest {
    @Test
    void collectionsFactoriesFoundThroughTheImplementationsLoader() throws Exception {
        org.osgi.framework.Bundle api = org.eclipse.core.runtime.Platform.getBundle("org.eclipse.collections.api");
        org.osgi.framework.Bundle impl = org.eclipse.core.runtime.Platform.getBundle("org.eclipse.collections.impl");
        ClassLoader implLoader = impl.adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader();
        Class<?> service = api.loadClass("org.eclipse.collections.api.factory.list.MutableListFactory");
        Object found = java.util.ServiceLoader.load(service, implLoader).findFirst().orElse(null);
        assertTrue(found != null && found.getClass().getName().startsWith("org.eclipse.collections.impl."), String.valueOf(found));
        assertTrue(PageLensApplication.collectionsFactoriesReady(), "every factory holder has its implementation");
        Object mutable = api.loadClass("org.eclipse.collections.api.factory.Lists").getField("mutable").get(null);
        assertFalse(java.lang.reflect.Proxy.isProxyClass(mutable.getClass()), mutable.getClass().getName());
        Object list = mutable.getClass().getMethod("with", Object[].class).invoke(mutable, (Object) new Object[] { "a", "b" });
        assertEquals(2, ((java.util.List<?>) list).size());
    }
}
