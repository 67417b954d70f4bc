/**
 * The application itself: the IApplication, workbench and window advisors, the PageLens perspective, the action bar and the preference page. The top of the UI: it may use every other UI package, and none uses it.
 */
package pagelens.ui.internal;
