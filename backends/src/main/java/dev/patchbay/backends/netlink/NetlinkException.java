package dev.patchbay.backends.netlink;

import java.io.IOException;

/**
 * The kernel refused a request. The message names the step and the kernel's reason in the words
 * of errno.h and strerror, plus the extended-ACK text when the kernel gives one, e.g.
 * "create bridge 'br0': EEXIST: File exists".
 */
public class NetlinkException extends IOException {
  private final int errno;
  private final String step;

  public NetlinkException(String step, int errno, String kernelMessage) {
    super(step + ": " + Native.describe(errno) + (kernelMessage == null || kernelMessage.isEmpty()
        ? "" : " (" + kernelMessage + ")"));
    this.step = step;
    this.errno = errno;
  }

  /** The positive errno value, e.g. 17 for EEXIST. */
  public int errno() {
    return errno;
  }

  /** The symbolic name, e.g. "EEXIST". */
  public String errnoName() {
    return Errno.name(errno);
  }

  /** What Patchbay was doing, e.g. "create bridge 'br0'". */
  public String step() {
    return step;
  }

  /** The error of the libc call this thread made last. */
  static NetlinkException lastError(String step) {
    return new NetlinkException(step, Native.errno(), null);
  }
}
