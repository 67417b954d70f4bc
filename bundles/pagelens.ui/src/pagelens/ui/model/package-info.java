/** The workbench's list of opened evidence, and the jobs that identify and hash it. */
package pagelens.ui.model;
