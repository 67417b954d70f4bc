/**
 * Migration preflight: for each database of a fleet (backups and data files), whether a target (Azure SQL Managed Instance
 * General Purpose or Business Critical, or a SQL Server release) can restore it, by the rules of docs/mi-restore-rules.md
 * that the file can show; the rest are listed as not checked, never as passed.
 */
package pagelens.core.preflight;
