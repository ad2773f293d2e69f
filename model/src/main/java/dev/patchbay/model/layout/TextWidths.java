package dev.patchbay.model.layout;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Uplink;

/**
 * How wide a box must be for its words to fit, estimated without a font renderer (the model has
 * none) from generous glyph widths of the designer's sans-serif font at the sizes its style sheet
 * gives (app's patchbay.css: names 13 px bold, details 11 px, NIC names 11 px bold). Generous, so
 * the canvas never elides an address; the canvas test that loads every sample checks the real text.
 */
public final class TextWidths {
  public static final double NAME_PX = 13;
  public static final double DETAIL_PX = 11;
  public static final double NIC_PX = 11;
  /** Where a device's words start (right of its icon), and the room kept clear of its right port. */
  public static final double DEVICE_TEXT_X = 42;
  public static final double RIGHT_MARGIN = 12;
  /** A guest's title starts right of its icon; its NIC names at the left, its addresses in a column. */
  public static final double GUEST_TITLE_X = 38;
  public static final double NIC_X = 16;
  public static final double ADDRESS_X = 60;
  private static final double GAP = 10;
  /** The widest a box grows for a long name (which is then elided, with the whole name in its tooltip). */
  public static final double MAX_WIDTH = 360;
  /** Room for the "wifi" tag at a wireless uplink's top right. */
  private static final double TAG = 36;

  private TextWidths() {}

  /** An estimate of the text's width in px at this font size, never narrower than the real one; 0 for none. */
  public static double of(String text, double px, boolean bold) {
    if (text == null) {
      return 0; // an imported LAN without a subnet, a half-made element: drawn as an empty line
    }
    double em = 0;
    for (int i = 0; i < text.length(); i++) {
      em += glyph(text.charAt(i), bold);
    }
    return Math.ceil(em * px);
  }

  /** DejaVu Sans advances rounded up (digits 0.64 em, bold 0.70); wide letters (m, W) averaged with their class. */
  private static double glyph(char c, boolean bold) {
    if (Character.isDigit(c)) {
      return bold ? 0.70 : 0.64;
    }
    if (c == '.' || c == ',' || c == ':' || c == ' ' || c == '/' || c == '|' || c == '\'') {
      return bold ? 0.42 : 0.36;
    }
    if (Character.isLowerCase(c)) {
      return c == 'm' || c == 'w' ? (bold ? 1.05 : 0.98) : (bold ? 0.72 : 0.64);
    }
    if (Character.isUpperCase(c)) {
      return c == 'M' || c == 'W' ? (bold ? 1.12 : 1.0) : (bold ? 0.86 : 0.80);
    }
    return bold ? 0.9 : 0.84;
  }

  /** A device's width: room for its name and its detail right of the icon, a multiple of 10. */
  public static double deviceWidth(Element e) {
    double name = of(e.name(), NAME_PX, true) + (e instanceof Uplink u && u.medium() == Uplink.Medium.WIRELESS ? TAG : 0);
    double detail = of(BoxText.detail(e), DETAIL_PX, false);
    return fit(Geometry.DEVICE_WIDTH, DEVICE_TEXT_X + Math.max(name, detail) + RIGHT_MARGIN);
  }

  /** A guest's width: its title and memory side by side, and every NIC row's name and address. */
  public static double guestWidth(Guest g) {
    double title = GUEST_TITLE_X + of(g.name(), NAME_PX, true) + GAP + of(BoxText.memory(g), DETAIL_PX, false)
        + RIGHT_MARGIN;
    double rows = addressColumn(g);
    for (Nic n : g.nics()) {
      rows = Math.max(rows, addressColumn(g) + of(BoxText.address(n.ip()), DETAIL_PX, false) + RIGHT_MARGIN);
    }
    return fit(Geometry.GUEST_WIDTH, Math.max(title, rows));
  }

  /** Where a guest's addresses start: right of its longest NIC name. */
  public static double addressColumn(Guest g) {
    double widest = 0;
    for (Nic n : g.nics()) {
      widest = Math.max(widest, of(n.name(), NIC_PX, true));
    }
    return Math.max(ADDRESS_X, NIC_X + widest + GAP);
  }

  private static double fit(double least, double needed) {
    return Math.min(MAX_WIDTH, Math.max(least, Math.ceil(needed / 10) * 10));
  }
}
