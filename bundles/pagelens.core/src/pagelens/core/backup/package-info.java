/**
 * SQL Server backups: the Microsoft Tape Format walk (descriptor blocks and streams with their header
 * checksums, resynchronising on damage), MS-XCA LZ77+Huffman decompression and the compressed-backup
 * chunk container, and the pages of the data streams as a PageStore.
 */
package pagelens.core.backup;
