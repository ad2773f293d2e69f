package dev.patchbay.app.bench;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.IncrementalValidator;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.Validator;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.diagram.Charset;
import dev.patchbay.model.diagram.DiagramStyle;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The model's rows: validation, reachability, file load and save, ASCII export. */
final class ModelBench {
  static final int LARGE = 10_000;
  private static final long SEED = 42;

  private ModelBench() {}

  static List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    Topology t = TopologyGenerator.generate(LARGE, SEED);
    String shape = t.elements().size() + " elements, " + t.links().size() + " links";
    List<Diagnostic> found = StandardRules.validator().check(t);
    long errors = found.stream().filter(d -> d.severity() == Severity.ERROR).count();
    String validity = errors == 0 ? "generated design has no errors" : "generated design has " + errors
        + " error findings (generator fix pending on branch genfix); measured anyway";
    Validator validator = StandardRules.validator();
    double[] check = Timing.millis(5, 15, () -> validator.check(t));
    rows.add(Row.of("validation, full, " + LARGE + " elements", check, "ms", 100, shape + "; " + validity));
    rows.add(reachability(250, 5, 15, "")); // about 200 guests: the largest matrix the designer draws
    rows.add(reachability(1000, 5, 15, ""));
    // One run: 24 million answers take ~3 GB of heap and tens of seconds; the code is warm from above.
    rows.add(reachability(LARGE, 0, 1, "; one run: quadratic by definition (every guest to every guest), the"
        + " answers alone hold ~3 GB; the designer computes the matrix off the FX thread and only up to 200 guests"));
    rows.add(incremental(t));
    rows.add(incrementalAddress(t));
    rows.addAll(files(t));
    rows.add(ascii());
    return rows;
  }

  private static Row reachability(int elements, int warmups, int runs, String more) throws Exception {
    Topology t = TopologyGenerator.generate(elements, SEED);
    long guests = t.elementsOf(Guest.class).count();
    // Warmed up like the validation row (5 runs) where it is cheap: with one, the 1,000-element figure
    // was mostly the JIT still compiling the walks (the designer recomputes the matrix in a warm JVM).
    double[] ms = Timing.millis(warmups, runs, () -> Reachability.of(t));
    return Row.of("reachability matrix, full, " + elements + " elements", ms, "ms", 100,
        guests + " guests: " + String.format(java.util.Locale.ROOT, "%,d", guests * (guests + 5))
        + " answers (each guest to LAN, Internet, host and every other guest, and back)" + more);
  }

  /** One rename of a guest, then the findings the Problems panel shows: what one edit costs. */
  private static Row incremental(Topology t) throws Exception {
    try (IncrementalValidator iv = new IncrementalValidator(t, StandardRules.validator())) {
      iv.diagnostics();
      Guest g = t.elementsOf(Guest.class).findFirst().orElseThrow();
      int showing = iv.diagnosticsFor(g.id()).size();
      String name = g.name();
      int[] flip = {0};
      double[] ms = Timing.millis(10, 31, () -> {
        String next = flip[0]++ % 2 == 0 ? name + "x" : name;
        t.replace(g.withIdentity(g.id(), next));
        iv.diagnostics();
      });
      t.replace(g);
      return Row.of("validation, incremental after one edit (rename a guest), " + LARGE + " elements", ms, "ms", 5,
          "a rename re-runs the two rules that judge names (a guest's name is its pid file; every name is one line of"
              + " visible text) and the rules with a finding that shows the guest (here " + showing + " findings do)");
    }
  }

  /** One change of a guest's address, then the findings: an edit every layer-3 rule must look at again. */
  private static Row incrementalAddress(Topology t) throws Exception {
    try (IncrementalValidator iv = new IncrementalValidator(t, StandardRules.validator())) {
      return incrementalAddress(t, iv);
    }
  }

  private static Row incrementalAddress(Topology t, IncrementalValidator iv) throws Exception {
    iv.diagnostics();
    Guest g = t.elementsOf(Guest.class).filter(x -> !x.nics().isEmpty() && x.nics().get(0).ip().isStatic())
        .findFirst().orElseThrow();
    Nic nic = g.nics().get(0);
    Cidr address = Cidr.of(nic.ip().address());
    String free = address.network().broadcast().plus(-1) + "/" + address.prefix();
    int[] flip = {0};
    double[] ms = Timing.millis(10, 31, () -> {
      String next = flip[0]++ % 2 == 0 ? free : nic.ip().address();
      t.replace(g.withNic(nic.withIp(new IpConfig(nic.ip().mode(), next, nic.ip().gateway(), nic.ip().dns()))));
      iv.diagnostics();
    });
    t.replace(g);
    return Row.of("validation, incremental after one edit (a guest's address), " + LARGE + " elements", ms, "ms", 5,
        "the kept layer-3 view patched for the guest's segment; the rules an address can affect re-check only that"
            + " segment, the NICs with the old or new address or MAC and the subnets involved (proxy ARP in full)");
  }

  private static List<Row> files(Topology t) throws Exception {
    Path dir = Files.createTempDirectory("pb-bench");
    Path file = dir.resolve("large.json");
    try {
      TopologyFiles.save(t, file);
      long bytes = Files.size(file);
      double[] save = Timing.millis(3, 11, () -> TopologyFiles.save(t, file));
      double[] load = Timing.millis(3, 11, () -> TopologyFiles.load(file));
      double[] both = Timing.millis(2, 11, () -> TopologyFiles.save(TopologyFiles.load(file), file));
      String size = String.format(java.util.Locale.ROOT, "%.1f MB file", bytes / 1e6);
      return List.of(
          Row.of("load + save of a " + LARGE + "-element file", both, "ms", 300, size + "; load then save"),
          Row.of("  load alone", load, "ms", Double.NaN, "parse + migrate + build the topology"),
          Row.of("  save alone", save, "ms", Double.NaN, "canonical JSON written to disk"));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private static Row ascii() throws Exception {
    Topology t = TopologyGenerator.generate(200, SEED);
    // The default style, as export draws it: compact is tried first and gives way to the full one.
    double[] ms = Timing.millis(5, 21, () -> DiagramStyle.COMPACT.render(t, Charset.ASCII, 100));
    return Row.of("ASCII export of 200 elements", ms, "ms", 200,
        t.links().size() + " links, 100 columns, the default style (compact tried, full drawn), A* routing");
  }
}
