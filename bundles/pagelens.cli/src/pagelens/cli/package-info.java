/**
 * The headless command line: {@code pagelens <command> ...}, run by {@link pagelens.cli.CliApplication}
 * (an Equinox application) or directly through {@link pagelens.cli.PageLensCli#run}. No SWT.
 */
package pagelens.cli;
