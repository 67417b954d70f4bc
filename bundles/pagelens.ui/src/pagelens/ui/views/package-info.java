/**
 * The workbench's views: the Evidence explorer (tree of opened evidence, backup sets, files and page groups), Findings, Page Map and Data Inspector. They show what the registry's examinations found and open editors; they decode nothing themselves.
 */
package pagelens.ui.views;
