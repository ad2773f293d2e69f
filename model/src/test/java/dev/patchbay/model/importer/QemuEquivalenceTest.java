package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.plan.Samples;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import org.junit.jupiter.api.Test;

class QemuEquivalenceTest {

  private static Topology copy(Topology t) throws Exception {
    return TopologyFiles.parse(TopologyFiles.toJson(t), "copy");
  }

  @Test
  void aDifferentMacIsNotEquivalent() throws Exception {
    Topology t = Samples.load("socket-listen-connect.json");
    Topology other = copy(t);
    Guest a = (Guest) other.element("guestA").orElseThrow();
    other.replace(a.withNic(a.nics().get(0).withMac("52:54:00:99:99:99")));
    assertFalse(QemuEquivalence.equivalent(t, other));
  }

  @Test
  void swappingTheSocketSidesIsNotEquivalent() throws Exception {
    Topology t = Samples.load("socket-listen-connect.json");
    Topology other = copy(t);
    Link l1 = other.disconnect("l1");
    Link l2 = other.disconnect("l2");
    other.connect(new Link("l1", l1.a(), l2.a()));
    other.connect(new Link("l2", l1.b(), l2.b()));
    assertFalse(QemuEquivalence.equivalent(t, other));
  }

  @Test
  void movingElementsAndHostSettingsDoNotCount() throws Exception {
    Topology t = Samples.load("nat-routing.json");
    Topology other = copy(t);
    other.move("guest1", new Point(1, 1));
    other.setHost(other.host().withIpForward(false));
    assertTrue(QemuEquivalence.equivalent(t, other));
  }
}
