package dev.patchbay.app.export;

import dev.patchbay.model.diagram.DiagramStyle;

/**
 * Options shared by export formats.
 *
 * @param width the widest line a text diagram may use
 * @param legacy QEMU command lines in the old -net nic,vlan=N form
 * @param lab the lab a script builds (its nft table is the lab's own), or null: then the design's name
 * @param style how a text diagram is laid out (compact when it fits, or full)
 */
public record ExportOptions(int width, boolean legacy, String lab, DiagramStyle style) {
  public ExportOptions(int width, boolean legacy) {
    this(width, legacy, null, DiagramStyle.COMPACT);
  }

  public static ExportOptions defaults() {
    return new ExportOptions(100, false);
  }
}
