package dev.patchbay.backends.lab;

/** A lab operation that did not happen, or not whole: the message is a sentence for the user. */
public final class LabException extends Exception {
  /** What kind of failure, for exit codes and for how the designer shows it. */
  public enum Reason {
    /** A step failed; what ran was rolled back. */
    FAILED("failed"),
    /** The user cancelled the up; what ran was rolled back. */
    CANCELLED("cancelled"),
    /** Something the design needs is there and not the lab's; no step ran. */
    CONFLICT("conflict"),
    /** Another operation runs on the lab. */
    BUSY("busy"),
    /** A confirmation after the deadline: the lab is being reverted. */
    TOO_LATE("too-late"),
    /** No such lab, guest or link. */
    NOT_FOUND("not-found"),
    /** A request or design that cannot be applied as it is (a name, a value). */
    REFUSED("refused"),
    /** The agent cannot be reached, or speaks another protocol. */
    UNAVAILABLE("unavailable"),
    /** Anything else, said in the message. */
    ERROR("error");

    private final String word;

    Reason(String word) {
      this.word = word;
    }

    /** The protocol's word for it. */
    public String word() {
      return word;
    }

    public static Reason of(String word) {
      for (Reason r : values()) {
        if (r.word.equals(word)) {
          return r;
        }
      }
      return ERROR;
    }
  }

  private final Reason reason;

  public LabException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public LabException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
