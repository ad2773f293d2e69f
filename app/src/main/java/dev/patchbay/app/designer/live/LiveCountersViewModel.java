package dev.patchbay.app.designer.live;

import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import java.util.Locale;
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

  /** Sets a snapshot; on the FX thread. */
  public void show(CounterSnapshot s) {
    snapshot.set(s);
  }

  /** Leaves live mode: links go back to plain wires. */
  public void clear() {
    snapshot.set(null);
    cutLinks.clear();
  }

  public ReadOnlyObjectProperty<CounterSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  /** Links whose NIC is cut (QMP set_link off): drawn dashed. */
  public ObservableSet<String> cutLinks() {
    return cutLinks;
  }

  /** The short label on a wire: frames each way (or the total) and the rate; "n/a" when unreadable. */
  public static String label(LinkReading r) {
    if (!r.available()) {
      return "n/a";
    }
    String frames = r.aToB() != null && r.bToA() != null ? r.aToB() + " / " + r.bToA() : "\u03a3 " + r.total();
    return frames + " \u00b7 " + (r.rate() == null ? "n/a" : String.format(Locale.ROOT, "%.1f/s", r.rate()));
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
