/**
 * UI tests in the running workbench under Xvfb: they drive the real views and editors, wait on conditions and check pixels (screenshots in target/screenshots).
 */
package pagelens.ui.tests;
