package dev.patchbay.model.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.Validator;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, hole 1 (model half): a value from a file that reaches a QEMU argument list is checked
 * against what its option allows. For every injected value, three things hold together: the rule
 * in {@link QemuValues} refuses it, {@code check} reports an error naming the element and the field,
 * and the command lines (today's and the legacy form) refuse to render it.
 */
class QemuValuesSecurityTest {

  @ParameterizedTest
  @ValueSource(strings = {"x/../evil.sh", "../../tmp/x", "x86_64 ", "x86_64;id", "", "X86_64", "x86-64", "x86_64/"})
  void anArchThatIsNoSystemTargetIsRefused(String arch) {
    assertTrue(QemuValues.archProblem(arch).isPresent(), arch);
    assertThrows(IllegalArgumentException.class, () -> QemuValues.program(arch));
  }

  @Test
  void everySystemTargetNamesItsProgram() {
    for (String arch : List.of("x86_64", "i386", "aarch64", "arm", "riscv64", "ppc64", "s390x", "mips", "mips64el")) {
      assertEquals("qemu-system-" + arch, QemuValues.program(arch));
    }
    assertTrue(QemuValues.archProblem(null).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pc,dumpdtb=/x,firmware=/y", "pc,accel=kvm", "q35 ", "-pc", "pc=1", "help", "a/b", "pc\n"})
  void aMachineIsOnePlainTypeName(String machine) {
    assertTrue(QemuValues.machineProblem(machine).isPresent(), machine);
  }

  @Test
  void plainMachineTypesPass() {
    for (String m : List.of("pc", "q35", "pc-i440fx-7.2", "virt", "none", "pc-q35-8.0", "s390-ccw-virtio")) {
      assertTrue(QemuValues.machineProblem(m).isEmpty(), m);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo,debug-threads=on", "vm 1", "vm;1", ".", "..", "...", "a/b", "", "tab\there",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void aGuestNameThatCannotNameAProcessIsRefused(String name) {
    assertTrue(QemuValues.guestNameProblem(name).isPresent(), name);
  }

  @Test
  void optionEscapingDoublesEveryComma() {
    assertEquals("a,,b,,,,c", QemuValues.optionEscaped("a,b,,c"));
  }

  static Stream<Arguments> injections() {
    return Stream.of(
        bad("arch", "qemu.arch", "g1", t -> guest(t, g -> new Guest(g.id(), g.name(), "x/../evil.sh", g.machine(),
            g.memoryMiB(), g.disk(), g.nics()))),
        bad("machine", "qemu.machine", "g1", t -> guest(t, g -> new Guest(g.id(), g.name(), g.arch(),
            "pc,dumpdtb=/x,firmware=/y", g.memoryMiB(), g.disk(), g.nics()))),
        bad("name", "qemu.name", "g1", t -> guest(t, g -> g.withIdentity(g.id(), "foo,debug-threads=on"))),
        bad("memoryMiB", "qemu.memory", "g1", t -> guest(t, g -> g.withMemory(-1))),
        bad("disk", "qemu.disk", "g1", t -> guest(t, g -> g.withDisk("json:{\"file.filename\":\"/etc/shadow\"}"))),
        bad("nics[0].name", "qemu.nic-name", "g1", t -> renameNic(t, "n0,helper=/tmp/x")),
        bad("nics[0].mac", "mac.malformed", "g1", t -> guest(t, g -> g.withNic(g.nics().get(0)
            .withMac("52:54:00:12:34:56,romfile=/etc/shadow")))),
        bad("name", "ifname.unsafe", "tap0", t -> t.replace(new Tap("tap0", "t,helper=ab", null, null))),
        bad("host", "addr.malformed", "user0", t -> t.replace(new UserNet("user0", "user0", "10.0.2.0/24",
            "10.0.2.2,hostfwd=tcp::22-:22", null, null, List.of()))),
        bad("hostfwd[0].guestAddress", "addr.malformed", "user0", t -> t.replace(new UserNet("user0", "user0",
            "10.0.2.0/24", null, null, null, List.of(new HostForward(HostForward.Protocol.TCP, null, 5022,
                "10.0.2.15,hostfwd=tcp::23-:23", 22))))),
        bad("dhcpStart", "usernet.outside-net", "user0", t -> t.replace(new UserNet("user0", "user0", "10.0.2.0/24",
            null, null, "10.9.9.15", List.of()))),
        bad("host", "usernet.outside-net", "user0", t -> t.replace(new UserNet("user0", "user0", "10.0.2.0/24",
            "10.9.9.2", null, null, List.of()))),
        bad("dhcpStart", "usernet.same-address", "user0", t -> t.replace(new UserNet("user0", "user0", "10.0.2.0/24",
            null, "10.0.2.3", "10.0.2.3", List.of()))),
        bad("host", "socket.host", "sock0", t -> t.replace(new Socket("sock0", "sock0", Socket.Transport.SOCKET,
            "127.0.0.1,fd=3", 8010, null))),
        bad("socketPath", "vde.socket-path", "vde0", t -> t.replace(new VdeSwitch("vde0", "vde0", "rel\n/x", false))));
  }

  private static Arguments bad(String field, String rule, String element, Consumer<Topology> inject) {
    return Arguments.of(field, rule, element, inject);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("injections")
  void checkReportsWhatTheCommandLinesRefuse(String field, String rule, String element, Consumer<Topology> inject) {
    Topology t = lab();
    assertTrue(StandardRules.validator().check(t).stream().noneMatch(d -> d.severity() == Severity.ERROR),
        "the intact lab is clean");
    inject.accept(t);
    Diagnostic d = StandardRules.validator().check(t).stream().filter(x -> x.rule().equals(rule)).findFirst()
        .orElseThrow(() -> new AssertionError(rule + " not reported"));
    assertEquals(Severity.ERROR, d.severity());
    assertTrue(d.elements().contains(element), d.elements().toString());
    assertTrue(d.explanation() != null && d.fixHint() != null, "why and fix");
    Guest g = (Guest) t.element("g1").orElseThrow();
    for (Runnable render : List.<Runnable>of(() -> new QemuCommandLine(t).arguments(g),
        () -> new LegacyCommandLine(t).arguments(g), () -> Planner.modern().full(t))) {
      RefusedValueException e = assertThrows(RefusedValueException.class, render::run);
      assertEquals(element, e.elementId(), e.getMessage());
      assertEquals(field, e.field(), e.getMessage());
      assertTrue(e.getMessage().contains("field " + field), e.getMessage());
    }
  }

  @Test
  void theIntactLabRendersEveryBackendAndEscapesCommasInPaths() {
    Topology t = lab();
    t.replace(new VdeSwitch("vde0", "vde0", "/run/a,b", false));
    List<String> a = new QemuCommandLine(t).arguments((Guest) t.element("g1").orElseThrow());
    assertTrue(a.contains("vde,id=net-n4,sock=/run/a,,b"), a.toString());
    assertTrue(a.contains("tap,id=net-n0,ifname=tap0,script=no,downscript=no"), a.toString());
    assertTrue(a.stream().anyMatch(s -> s.startsWith("user,id=net-n1,net=10.0.2.0/24,host=10.0.2.2")), a.toString());
  }

  @Test
  void guestsWhoseNamesShareAPidFileClash() {
    Topology t = lab();
    t.add(Guest.of("g2", "vm 1"), null);
    t.add(Guest.of("g3", "vm;1"), null);
    t.add(Guest.of("g4", "twin"), null);
    t.add(Guest.of("g5", "twin"), null);
    t.add(new VdeSwitch("vde1", "g1name", null, false), null);
    guest(t, g -> g.withIdentity(g.id(), "g1name"));
    List<Diagnostic> clashes = StandardRules.validator().check(t).stream().filter(d -> d.rule().equals("qemu.name-clash")).toList();
    assertEquals(3, clashes.size(), clashes.toString());
    assertTrue(clashes.stream().anyMatch(d -> d.elements().equals(List.of("g2", "g3")) && d.message().contains("vm_1")));
    assertTrue(clashes.stream().anyMatch(d -> d.elements().equals(List.of("g4", "g5"))));
    assertTrue(clashes.stream().anyMatch(d -> d.elements().equals(List.of("g1", "vde1"))));
  }

  @Test
  void aDiskPathWithAColonAfterASlashIsAFile() {
    assertTrue(QemuValues.diskProblem("./a:b.img").isEmpty());
    assertTrue(QemuValues.diskProblem("/images/x:y.qcow2").isEmpty());
    assertTrue(QemuValues.diskProblem("nbd:localhost:10809").isPresent());
  }

  @Test
  void everySampleStillRendersAndChecksClean() {
    for (String name : Samples.names()) {
      Topology t = Samples.load(name);
      assertFalse(Validator.hasErrors(StandardRules.validator().check(t)), name);
      t.elementsOf(Guest.class).forEach(g -> new QemuCommandLine(t).arguments(g));
    }
  }

  /** A guest g1 whose NICs reach a tap, a user net, a socket (listening), a hub and a VDE switch. */
  private static Topology lab() {
    Topology t = new Topology("lab", "", null);
    t.add(new Guest("g1", "g1", "x86_64", "pc", 128, null, List.of(nic("n0", "52:54:00:00:00:01"),
        nic("n1", "52:54:00:00:00:02"), nic("n2", "52:54:00:00:00:03"), nic("n4", "52:54:00:00:00:05"))), null);
    t.add(new Guest("g0", "g0", "x86_64", "pc", 128, null, List.of(nic("n0", "52:54:00:00:00:06"))), null);
    t.add(new Tap("tap0", "tap0", null, null), null);
    t.add(UserNet.defaults("user0", "user0").withHostfwd(List.of(new HostForward(HostForward.Protocol.TCP, null,
        5022, null, 22))), null);
    t.add(new Socket("sock0", "sock0", Socket.Transport.SOCKET, "127.0.0.1", 8010, null), null);
    t.add(new VdeSwitch("vde0", "vde0", null, false), null);
    t.connect(new dev.patchbay.model.topology.Link("l0", end("g1:n0"), end("tap0")));
    t.connect(new dev.patchbay.model.topology.Link("l1", end("g1:n1"), end("user0")));
    t.connect(new dev.patchbay.model.topology.Link("l2", end("g1:n2"), end("sock0:listen")));
    t.connect(new dev.patchbay.model.topology.Link("l3", end("g0:n0"), end("sock0:connect")));
    t.connect(new dev.patchbay.model.topology.Link("l4", end("g1:n4"), end("vde0")));
    return t;
  }

  private static dev.patchbay.model.topology.Endpoint end(String text) {
    return dev.patchbay.model.topology.Endpoint.parse(text);
  }

  private static Nic nic(String name, String mac) {
    return new Nic(name, null, mac, null);
  }

  private static void guest(Topology t, java.util.function.UnaryOperator<Guest> edit) {
    t.replace(edit.apply((Guest) t.element("g1").orElseThrow()));
  }

  /** Renames g1's NIC n0, moving its link along (a link names the NIC by name). */
  private static void renameNic(Topology t, String name) {
    t.disconnect("l0");
    guest(t, g -> g.withNics(Stream.concat(Stream.of(new Nic(name, null, "52:54:00:00:00:01", null)),
        g.nics().stream().skip(1)).toList()));
    t.connect(new dev.patchbay.model.topology.Link("l0", end("g1:" + name), end("tap0")));
  }
}
