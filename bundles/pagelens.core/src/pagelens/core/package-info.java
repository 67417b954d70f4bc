/**
 * PageLens engine: plain Java, no Eclipse or SWT imports. Sub-packages own one format or concern each.
 */
package pagelens.core;
