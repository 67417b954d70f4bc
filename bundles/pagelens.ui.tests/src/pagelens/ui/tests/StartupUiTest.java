package pagelens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import pagelens.ui.internal.PageLensApplication;

/**
 * The workbench starts without SPI Fly: eclipse-collections (under NatTable) gets its factory implementations through its own
 * ServiceLoader call with the implementation bundle as context class loader, and they work (not eclipse-collections' stand-in
 * proxies that throw on use).
 */
class StartupUiTest {
    @Test
    void collectionsFactoriesWorkWithoutTheMediator() throws Exception {
        assertTrue(PageLensApplication.collectionsFactoriesReady(), "every factory holder found its implementation");
        org.osgi.framework.Bundle api = org.eclipse.core.runtime.Platform.getBundle("org.eclipse.collections.api");
        Class<?> lists = api.loadClass("org.eclipse.collections.api.factory.Lists");
        Object mutable = lists.getField("mutable").get(null);
        assertFalse(java.lang.reflect.Proxy.isProxyClass(mutable.getClass()), mutable.getClass().getName());
        Object list = mutable.getClass().getMethod("with", Object[].class).invoke(mutable, (Object) new Object[] { "a", "b" });
        assertEquals(2, ((java.util.List<?>) list).size());
        assertTrue(list.getClass().getName().startsWith("org.eclipse.collections.impl."), list.getClass().getName());
    }
}
