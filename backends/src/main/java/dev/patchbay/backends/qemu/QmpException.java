package dev.patchbay.backends.qemu;

/** QEMU refused a QMP command, or the QMP socket failed; the message carries QEMU's own words. */
public final class QmpException extends RuntimeException {
  private final String errorClass;

  public QmpException(String message, String errorClass) {
    super(message);
    this.errorClass = errorClass;
  }

  public QmpException(String message, Throwable cause) {
    super(message, cause);
    this.errorClass = null;
  }

  /** QEMU's error class, e.g. GenericError or DeviceNotFound; null for transport failures. */
  public String errorClass() {
    return errorClass;
  }
}
