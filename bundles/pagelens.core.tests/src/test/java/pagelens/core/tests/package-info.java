/**
 * Core unit tests (plain JUnit 5, no OSGi): format decoders, the examination, page rules, backups, boot pages, In-Memory OLTP containers; on synthetic specimens and on the real samples in ../shared/samples (skipped without them unless -Dpagelens.requireSamples=true).
 */
package pagelens.core.tests;
