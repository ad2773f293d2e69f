package dev.patchbay.app.cli;

/**
 * Options shared by export formats.
 *
 * @param width the widest line a text diagram may use
 * @param legacy QEMU command lines in the old -net nic,vlan=N form
 */
public record ExportOptions(int width, boolean legacy) {
  public static ExportOptions defaults() {
    return new ExportOptions(100, false);
  }
}
