/**
 * Decoded views of one page for people: the structure tree (header, records with their status bits, null bitmap and
 * variable-column offsets, slot array, allocation map runs, PFS bytes) linked to the bytes, and the data inspector's
 * readings at one offset. Built on {@code page}, {@code alloc} and {@code boot} (value formats); rendered by the page
 * editor, the Outline and {@code pagelens page --struct}.
 */
package pagelens.core.decode;
