/**
 * Synthetic evidence for tests, the demo and benchmarks: data files that the engine reads as valid,
 * laid out like the real samples (file header, PFS, GAM, SGAM, DIFF, ML, IAM, boot page, data and index
 * pages with records; checksum, torn-page or no protection), and corruption injectors that damage a copy.
 * Everything here is labelled synthetic; nothing here ever touches evidence opened for analysis.
 */
package pagelens.core.specimen;
