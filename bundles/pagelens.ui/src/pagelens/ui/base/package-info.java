/**
 * Workbench basics every other UI package may use, and that use none of them: the adapter from the core's progress interface to Eclipse's, the one palette that colours typed core facts (byte regions, page health), and the names the workbench gives typed core facts.
 */
package pagelens.ui.base;
