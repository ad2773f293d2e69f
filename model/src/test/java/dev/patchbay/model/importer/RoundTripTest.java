package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.plan.Samples;
import dev.patchbay.model.qemu.LegacyCommandLine;
import dev.patchbay.model.qemu.QemuCommandLine;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** import(export-qemu(T)) is equivalent to T, in the sense of {@link QemuEquivalence}. */
class RoundTripTest {
  /**
   * Samples whose hubs hold one NIC and one backend: the old -net form cannot tell such a hub from
   * a direct wire, so their legacy lines import as direct wires (same frames, simpler drawing).
   */
  private static final Set<String> HUB_IS_A_WIRE_IN_LEGACY = Set.of("hub-tap.json", "socket-listen-connect.json");

  static Stream<String> samples() {
    return Samples.names();
  }

  static Stream<String> legacySamples() {
    return Samples.names().filter(n -> !HUB_IS_A_WIRE_IN_LEGACY.contains(n));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void todaysCommandLinesImportBackToAnEquivalentTopology(String sample) {
    Topology t = Samples.load(sample);
    QemuCommandLine q = new QemuCommandLine(t);
    Topology back = QemuImporter.importLines(t.elementsOf(Guest.class).map(q::arguments).toList(), sample);
    assertEquals(QemuEquivalence.sentences(t), QemuEquivalence.sentences(back));
  }

  @ParameterizedTest
  @MethodSource("legacySamples")
  void legacyCommandLinesImportBackToAnEquivalentTopology(String sample) {
    Topology t = Samples.load(sample);
    LegacyCommandLine q = new LegacyCommandLine(t);
    Topology back = QemuImporter.importLines(t.elementsOf(Guest.class).map(q::arguments).toList(), sample);
    assertEquals(QemuEquivalence.sentences(t), QemuEquivalence.sentences(back));
  }
}
