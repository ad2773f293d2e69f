package dev.patchbay.model.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class QemuCommandLineTest {
  private static Topology load(String name) throws Exception {
    return TopologyFiles.load(Samples.named(name));
  }

  private static List<String> args(Topology t, String guestId) {
    return new QemuCommandLine(t).arguments((Guest) t.element(guestId).orElseThrow());
  }

  private static long count(List<String> args, String prefix) {
    return args.stream().filter(a -> a.startsWith(prefix)).count();
  }

  @Test
  void socketSampleHasOneListenAndOneConnectNetdev() throws Exception {
    String text = QemuCommandLine.render(load("socket-listen-connect.json"));
    String[] lines = text.split("\n");
    assertEquals(2, lines.length);
    assertEquals(1, text.split("listen=127.0.0.1:8010", -1).length - 1);
    assertEquals(1, text.split("connect=127.0.0.1:8010", -1).length - 1);
    assertTrue(lines[0].contains("-name guestA") && lines[0].contains("listen="), lines[0]);
    assertTrue(lines[1].contains("-name guestB") && lines[1].contains("connect="), lines[1]);
  }

  @Test
  void hubBecomesHubportsAndItsSocketJoinsThroughNetdevOption() throws Exception {
    List<String> a = args(load("socket-listen-connect.json"), "guestB");
    assertTrue(a.contains("hubport,id=net-nic0,hubid=2"), a.toString());
    assertTrue(a.contains("e1000,netdev=net-nic0,mac=52:54:00:04:00:0b"), a.toString());
    assertTrue(a.stream().anyMatch(s -> s.startsWith("hubport,") && s.contains("hubid=2,netdev=net-vlan2-sock8010-connect")));
  }

  @Test
  void tapIsOpenedByNameWithoutScripts() throws Exception {
    List<String> a = args(load("nat-bridge.json"), "guest1");
    assertTrue(a.contains("tap,id=net-nic0,ifname=tap0,script=no,downscript=no"), a.toString());
  }

  @Test
  void userNetCarriesHostForwardInsteadOfRedir() throws Exception {
    List<String> a = args(load("user-net-hostfwd.json"), "sol11");
    assertTrue(a.stream().anyMatch(s -> s.startsWith("user,id=net-nic0,net=10.0.2.0/24") && s.contains("hostfwd=tcp::5022-:22")), a.toString());
    assertTrue(a.contains("rtl8139,netdev=net-nic0,mac=52:54:00:12:34:56"));
    assertTrue(a.contains("file=sol11.img,format=raw"), a.toString());
    assertTrue(a.containsAll(List.of("-m", "384")));
  }

  @Test
  void userNetOnAHubIsSharedByBothNics() throws Exception {
    List<String> a = args(load("user-on-hub.json"), "guest");
    assertEquals(3, count(a, "hubport,"), a.toString());
    assertEquals(1, count(a, "user,"), a.toString());
  }

  @Test
  void multicastMembersAllJoinTheGroup() throws Exception {
    String text = QemuCommandLine.render(load("mcast-three-guests.json"));
    assertEquals(3, text.split("mcast=230.0.0.1:1234", -1).length - 1);
  }

  @Test
  void vdeNicsConnectToTheSwitchSocket() throws Exception {
    String text = QemuCommandLine.render(load("vde-switch.json"));
    assertEquals(2, text.split("vde,id=net-nic0,sock=/var/run/qtap-ctl", -1).length - 1);
  }

  @Test
  void guestWithoutNicsGetsNoDefaultNic() {
    Topology t = new Topology();
    t.add(Guest.of("g", "lonely"), null);
    List<String> a = args(t, "g");
    assertEquals(List.of("-nic", "none"), a.subList(a.size() - 2, a.size()));
  }

  @Test
  void awkwardPathsAreQuotedForTheShell() {
    Topology t = new Topology();
    t.add(Guest.of("g", "g").withDisk("/images/it's a lab; rm -rf .img"), null);
    String line = QemuCommandLine.render(t);
    assertTrue(line.contains(" 'file=/images/it'\\''s a lab; rm -rf .img,format=raw'"), line);
  }

  @Test
  void commaInADiskPathIsDoubledForQemu() {
    Topology t = new Topology();
    t.add(Guest.of("g", "g").withDisk("/images/a,b.qcow2"), null);
    assertTrue(args(t, "g").contains("file=/images/a,,b.qcow2,format=qcow2"));
  }
}
