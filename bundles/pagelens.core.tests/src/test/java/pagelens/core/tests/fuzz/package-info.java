/**
 * Fuzz targets, one per parser entry point ({@code fuzzerTestOneInput(byte[])}, run by Jazzer's coverage-guided driver
 * and replayed on the regression corpus by {@code FuzzTest}): a target throws only for a defect; the exceptions that say
 * "this input is not valid" (an IOException with a message, a BootPageException, a corrupt compressed chunk) are expected.
 */
package pagelens.core.tests.fuzz;
