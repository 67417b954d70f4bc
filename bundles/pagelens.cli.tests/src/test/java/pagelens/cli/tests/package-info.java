/**
 * Command-line tests (plain JUnit 5): every command run in-process, and the test that all surfaces agree on the same evidence.
 */
package pagelens.cli.tests;
