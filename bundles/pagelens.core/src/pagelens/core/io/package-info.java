/**
 * Read-only access to evidence: files are opened with {@code StandardOpenOption.READ} only, never for
 * writing, and hashed (SHA-256) with progress and cancellation.
 */
package pagelens.core.io;
