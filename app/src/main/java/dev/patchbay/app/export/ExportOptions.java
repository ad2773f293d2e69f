package dev.patchbay.app.export;

/**
 * Options shared by export formats.
 *
 * @param width the widest line a text diagram may use
 * @param legacy QEMU command lines in the old -net nic,vlan=N form
 * @param lab the lab a script builds (its nft table is the lab's own), or null: then the design's name
 */
public record ExportOptions(int width, boolean legacy, String lab) {
  public ExportOptions(int width, boolean legacy) {
    this(width, legacy, null);
  }

  public static ExportOptions defaults() {
    return new ExportOptions(100, false);
  }
}
