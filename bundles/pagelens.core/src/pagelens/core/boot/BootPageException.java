package pagelens.core.boot;

/** The bytes are not a usable boot page; the message says why in one line. */
public final class BootPageException extends Exception {
    private static final long serialVersionUID = 1L;

    public BootPageException(String message) {
        super(message);
    }
}
