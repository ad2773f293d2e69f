package dev.patchbay.model.importer.xml;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Hand-written fixtures under src/test/resources/imports/FORMAT, and checks every import must pass. */
public final class ImportFixtures {
  private ImportFixtures() {}

  public static SourceFile file(String format, String name) {
    String path = "/imports/" + format + "/" + name;
    try (InputStream in = ImportFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new SourceFile(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<SourceFile> files(String format, String... names) {
    return Stream.of(names).map(n -> file(format, n)).toList();
  }

  /** The ends of every link, each written "a - b" with the ends in order, for membership tests. */
  public static List<String> wires(Topology t) {
    return t.links().stream().map(ImportFixtures::wire).sorted().toList();
  }

  public static String wire(Endpoint a, Endpoint b) {
    return a.compareTo(b) <= 0 ? a + " - " + b : b + " - " + a;
  }

  private static String wire(Link l) {
    return wire(l.a(), l.b());
  }

  /** Errors the validator finds about wiring (a link Patchbay cannot build): an import must make none. */
  public static List<String> wiringErrors(Topology t) {
    List<Diagnostic> all = StandardRules.validator().check(t);
    return all.stream().filter(d -> d.severity() == Severity.ERROR && d.rule().startsWith("link"))
        .map(d -> d.rule() + ": " + d.message()).collect(Collectors.toList());
  }

  /** Every error `patchbay check` finds: an import of a sound lab must leave none. */
  public static List<String> errors(Topology t) {
    return StandardRules.validator().check(t).stream().filter(d -> d.severity() == Severity.ERROR)
        .map(d -> d.rule() + ": " + d.message()).collect(Collectors.toList());
  }

  /** The topology written and read back as a Patchbay file: what an import saves must load. */
  public static Topology roundTrip(Topology t) throws Exception {
    return TopologyFiles.parse(TopologyFiles.toJson(t), "imported.json");
  }
}
