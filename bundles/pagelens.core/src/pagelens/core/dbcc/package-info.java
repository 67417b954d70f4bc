/** Text output of DBCC commands turned back into bytes: DBCC PAGE memory dumps (style 2). */
package pagelens.core.dbcc;
