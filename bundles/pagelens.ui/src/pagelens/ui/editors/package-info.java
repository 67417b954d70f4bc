/** Editors: the read-only hex editor over any evidence file. */
package pagelens.ui.editors;
