package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every card QEMU emulates that the classic QEMU notes name has its driver in the probe guest: one guest per
 * model, each on its own tap in one namespace (subnet 10.77.N.0/24), booted side by side.
 */
@Tag("guests")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NicModelsTest {
  private TestNamespace ns;
  private LiveGuests guests;
  private final Map<NicModel, GuestProcess> running = new EnumMap<>(NicModel.class);

  @BeforeAll
  void boot() throws Exception {
    ns = TestNamespace.create();
    guests = new LiveGuests();
    Topology t = new Topology();
    for (NicModel m : NicModel.values()) {
      int n = m.ordinal() + 1;
      String tap = "pbnic" + n;
      ns.tap(tap, "10.77." + n + ".1/24");
      t.add(Guest.of("g" + n, "g-" + m.qemuName(), new Nic("nic0", m, String.format("52:54:00:77:%02x:0a", n),
          IpConfig.fixed("10.77." + n + ".10/24", null))), null);
      t.add(new Tap(tap, tap, null, null), null);
      t.connect(new Link("l" + n, Endpoint.of("g" + n, "nic0"), Endpoint.of(tap)));
    }
    for (NicModel m : NicModel.values()) {
      running.put(m, guests.start(guests.launch(t, "g" + (m.ordinal() + 1), ns, List.of())));
    }
    for (GuestProcess g : running.values()) {
      assertTrue(g.awaitRunning(Duration.ofSeconds(180)), () -> g.status() + "\n" + g.console());
    }
  }

  @AfterAll
  void tearDown() throws Exception {
    try {
      if (guests != null) {
        guests.close();
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(NicModel.class)
  void guestWithThisCardAnswersPings(NicModel model) {
    GuestProcess g = running.get(model);
    assertTrue(g.report().nics().get(0).ok(), g::console);
    assertTrue(ns.ping("10.77." + (model.ordinal() + 1) + ".10", 2), g::console);
  }
}
