package dev.patchbay.backends.qemu;

/** A guest's life as the canvas shows it. */
public enum GuestState {
  /** No QEMU process (never started, or stopped on request). */
  STOPPED,
  /** QEMU runs; the guest has not said it is up (probe guest: PB-READY; disk image: QMP "running"). */
  BOOTING,
  RUNNING,
  /** QEMU ended without being asked to; its last stderr lines say why. */
  CRASHED
}
