package dev.patchbay.app.designer.live;

import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The frames that really crossed each link of a running lab, as the canvas shows them. Set on the
 * FX thread: the lab's view model hands each poll over there.
 */
public final class LiveCountersViewModel {
  private final ReadOnlyObjectWrapper<CounterSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
  private final ObservableSet<String> cutLinks = FXCollections.observableSet();
  private final RateMeter meter = new RateMeter();
  private Map<String, LinkRates> rates = Map.of();

  /** Sets a snapshot, with the rates since the one before; on the FX thread. */
  public void show(CounterSnapshot s) {
    rates = s == null ? Map.of() : meter.next(s);
    if (s == null) {
      meter.reset();
    }
    snapshot.set(s);
  }

  /** Leaves live mode: links go back to plain wires. */
  public void clear() {
    meter.reset();
    rates = Map.of();
    snapshot.set(null);
    cutLinks.clear();
  }

  /** Each link's rates between the last two snapshots shown (unknown for a link seen once). */
  public Map<String, LinkRates> rates() {
    return rates;
  }

  public ReadOnlyObjectProperty<CounterSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  /** Links whose NIC is cut (QMP set_link off): drawn dashed. */
  public ObservableSet<String> cutLinks() {
    return cutLinks;
  }

  /**
   * The label on a wire: with the direction known, one line each way, led by an arrow pointing the
   * way those frames go on the canvas ({@code aToB} is the arrow from end a towards end b, e.g. "→"),
   * giving frames/s and bits/s; else one line both ways ("⇄"). "n/a" for a link nothing can read
   * and for a rate not known yet (the first reading), never 0.
   */
  public static String label(LinkReading r, LinkRates rates, String aToB) {
    if (!r.available()) {
      return "n/a";
    }
    LinkRates x = rates == null ? LinkRates.UNKNOWN : rates;
    if (r.aToB() != null && r.bToA() != null) {
      return aToB + " " + rate(x.framesAToB(), x.bitsAToB()) + "\n" + reverse(aToB) + " " + rate(x.framesBToA(), x.bitsBToA());
    }
    return "\u21c4 " + rate(x.frames(), x.bits());
  }

  /** The arrow the other way. */
  static String reverse(String arrow) {
    return switch (arrow) {
      case "\u2192" -> "\u2190";
      case "\u2190" -> "\u2192";
      case "\u2191" -> "\u2193";
      case "\u2193" -> "\u2191";
      case "\u2197" -> "\u2199";
      case "\u2199" -> "\u2197";
      case "\u2196" -> "\u2198";
      case "\u2198" -> "\u2196";
      default -> throw new IllegalArgumentException("not an arrow: " + arrow);
    };
  }

  /** "12 fr/s · 9.6 kbit/s"; "n/a" when the frame rate is not known, and n/a for bits alone when only they are not. */
  static String rate(Double frames, Double bits) {
    if (frames == null) {
      return "n/a";
    }
    return number(frames) + " fr/s \u00b7 " + (bits == null ? "n/a bit/s" : bits(bits));
  }

  static String bits(double perSecond) {
    String[] units = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s"};
    int u = 0;
    double v = perSecond;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return number(v) + " " + units[u];
  }

  /** One decimal under 10, whole numbers above: "0.5", "12". */
  static String number(double v) {
    return v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
  }

  /** The tooltip: every figure with its unit and where it came from, or why there is none. */
  public static String tooltip(LinkReading r) {
    StringBuilder sb = new StringBuilder();
    if (!r.available()) {
      return sb.append(r.a()).append(" - ").append(r.b()).append(": n/a\n").append(r.note()).toString();
    }
    line(sb, r.a() + " \u2192 " + r.b(), r.aToB(), "frames");
    line(sb, r.b() + " \u2192 " + r.a(), r.bToA(), "frames");
    line(sb, "both ways", r.total(), "frames");
    sb.append("rate: ").append(r.rate() == null ? "n/a" : String.format(Locale.ROOT, "%.1f frames/s", r.rate())).append('\n');
    line(sb, "bytes", r.bytes(), "");
    line(sb, "errors", r.errors(), "");
    line(sb, "drops", r.drops(), "");
    sb.append("source: ").append(r.source());
    if (r.note() != null && !r.note().isBlank()) {
      sb.append('\n').append(r.note());
    }
    return sb.toString();
  }

  /** The tooltip with the rates each way (or both ways) since the previous reading. */
  public static String tooltip(LinkReading r, LinkRates rates) {
    if (!r.available() || rates == null) {
      return tooltip(r);
    }
    String each = rates.directed() ? r.a() + " \u2192 " + r.b() + ": " + rate(rates.framesAToB(), rates.bitsAToB()) + "\n"
        + r.b() + " \u2192 " + r.a() + ": " + rate(rates.framesBToA(), rates.bitsBToA()) + "\n" : "";
    return each + "both ways: " + rate(rates.frames(), rates.bits()) + "\n" + tooltip(r);
  }

  private static void line(StringBuilder sb, String what, Long value, String unit) {
    sb.append(what).append(": ").append(value == null ? "n/a" : value + (unit.isEmpty() ? "" : " " + unit)).append('\n');
  }

  /** Wire thickness for a rate: 2 px idle, growing with the order of magnitude of frames/s. */
  public static double strokeWidth(LinkReading r) {
    if (r == null || r.rate() == null || r.rate() <= 0) {
      return 2;
    }
    return Math.min(7, 2.5 + 1.5 * Math.log10(1 + r.rate()));
  }
}
