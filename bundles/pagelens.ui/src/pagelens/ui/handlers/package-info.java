/**
 * Command handlers of the menus (open evidence, open a folder, recent evidence, export the report): thin glue from a menu command to the registry, the editors and the wizards.
 */
package pagelens.ui.handlers;
