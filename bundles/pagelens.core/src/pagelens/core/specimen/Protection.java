package pagelens.core.specimen;

/** Page protection a specimen page is written with. */
public enum Protection {
    CHECKSUM, TORN, NONE
}
