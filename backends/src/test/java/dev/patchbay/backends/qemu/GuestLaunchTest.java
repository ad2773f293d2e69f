package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.ProbeGuest;
import dev.patchbay.backends.probe.ProbeSettings;
import dev.patchbay.model.topology.Guest;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuestLaunchTest {
  private static final Path RUN = Path.of("/run/pb/g1");
  private static final ProbeGuest PROBE = new ProbeGuest(Path.of("/c/vmlinuz"), Path.of("/c/initrd.gz"), "k", List.of());
  private static final List<String> NET = List.of("-netdev", "tap,id=net-nic0,ifname=t0,script=no,downscript=no",
      "-device", "e1000,netdev=net-nic0");

  private static GuestLaunch probeLaunch(Guest g) {
    return new GuestLaunch(g, NET, RUN).probe(PROBE, ProbeSettings.of(g, List.of(), 5));
  }

  @Test
  void namespaceGuestStartsThroughNsenterWithQemuAsTheProgramItExecs() {
    List<String> cmd = probeLaunch(Guest.of("g1", "g1")).inNamespace("pb-lab1").command();
    assertEquals(List.of("/usr/bin/nsenter", "--net=/var/run/netns/pb-lab1", "--", "/usr/bin/qemu-system-x86_64"),
        cmd.subList(0, 4), "every program by its absolute path, never through PATH or the working folder");
  }

  @Test
  void probeGuestBootsKernelAndInitrdWithSettingsAndNeverReboots() {
    List<String> cmd = probeLaunch(Guest.of("g1", "g1")).command();
    int k = cmd.indexOf("-kernel");
    assertEquals(List.of("-kernel", "/c/vmlinuz", "-initrd", "/c/initrd.gz", "-append"), cmd.subList(k, k + 5));
    assertTrue(cmd.get(k + 5).contains("pb.name=g1"));
    assertTrue(cmd.contains("-no-reboot"));
  }

  @Test
  void probeGuestsE1000sComeUpWithoutAutonegotiationWhileADiskGuestsKeepIt() {
    List<String> probe = probeLaunch(Guest.of("g1", "g1")).command();
    assertEquals("e1000.autonegotiation=off", probe.get(probe.indexOf("-global") + 1));
    assertFalse(new GuestLaunch(Guest.of("g1", "g1").withDisk("/images/a.qcow2"), NET, RUN).command().contains("-global"));
  }

  @Test
  void probeGuestGetsAtLeast96MiB() {
    List<String> cmd = probeLaunch(Guest.of("g1", "g1").withMemory(64)).command();
    assertEquals("96", cmd.get(cmd.indexOf("-m") + 1));
  }

  @Test
  void diskGuestBootsItsImageWithItsOwnMemory() {
    Guest g = Guest.of("g1", "g1").withDisk("/images/a,b.qcow2").withMemory(64);
    List<String> cmd = new GuestLaunch(g, NET, RUN).command();
    assertEquals("file=/images/a,,b.qcow2,format=qcow2", cmd.get(cmd.indexOf("-drive") + 1));
    assertEquals("64", cmd.get(cmd.indexOf("-m") + 1));
    assertFalse(cmd.contains("-kernel"));
  }

  @Test
  void consoleQmpAndPidFileLiveInTheRunFolder() {
    List<String> cmd = probeLaunch(Guest.of("g1", "g1")).command();
    assertEquals("file:/run/pb/g1/serial.log", cmd.get(cmd.indexOf("-serial") + 1));
    assertEquals("unix:/run/pb/g1/qmp.sock,server=on,wait=off", cmd.get(cmd.indexOf("-qmp") + 1));
    assertEquals("/run/pb/g1/qemu.pid", cmd.get(cmd.indexOf("-pidfile") + 1));
    assertEquals(NET, cmd.subList(cmd.size() - NET.size(), cmd.size()));
  }

  @Test
  void consoleInputMakesTheSerialASocketThatStillLogsToTheSerialLog() {
    List<String> cmd = probeLaunch(Guest.of("g1", "g1")).withConsoleInput().command();
    assertEquals("chardev:pbconsole", cmd.get(cmd.indexOf("-serial") + 1));
    assertEquals("socket,id=pbconsole,path=/run/pb/g1/console.sock,server=on,wait=off,logfile=/run/pb/g1/serial.log",
        cmd.get(cmd.indexOf("-chardev") + 1));
  }

  @Test
  void consoleInputRefusesARunFolderTooLongForItsSocket() {
    // qmp.sock fits in sun_path here, console.sock (4 bytes longer) does not.
    Path run = Path.of("/tmp/" + "x".repeat(107 - "/tmp/".length() - "/qmp.sock".length()));
    GuestLaunch l = new GuestLaunch(Guest.of("g1", "g1"), NET, run);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, l::withConsoleInput);
    assertTrue(e.getMessage().contains("console socket path"), e.getMessage());
  }

  @Test
  void frameDumpIsAFilterObjectOnTheNetdev() {
    List<String> cmd = probeLaunch(Guest.of("g1", "g1")).dumpFrames("net-nic0", 96).command();
    assertEquals("filter-dump,id=dump-net-nic0,netdev=net-nic0,file=/run/pb/g1/frames-net-nic0.pcap,maxlen=96",
        cmd.get(cmd.indexOf("-object") + 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "a/b", "lab one", "x;y"})
  void badNamespaceNamesAreRefused(String name) {
    GuestLaunch l = probeLaunch(Guest.of("g1", "g1"));
    assertThrows(IllegalArgumentException.class, () -> l.inNamespace(name));
  }

  @Test
  void runFolderTooLongForAUnixSocketIsRefused() {
    Path deep = Path.of("/tmp", String.join("/", Collections.nCopies(20, "abcdef")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GuestLaunch(Guest.of("g1", "g1"), NET, deep));
    assertTrue(e.getMessage().contains("QMP socket path"), e.getMessage());
  }

  @Test
  void runFolderWithACommaIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new GuestLaunch(Guest.of("g1", "g1"), NET, Path.of("/tmp/a,b")));
  }

  /** What a colleague's file could put into QEMU's argument list: each is refused, naming the field. */
  @ParameterizedTest
  @ValueSource(strings = {"arch=x/../evil.sh", "machine=pc,dumpdtb=/tmp/x,firmware=/etc/shadow",
      "name=g1,debug-threads=on", "disk=json:{\"file.driver\":\"file\"}"})
  void aValueThatWouldBeReadAsMoreThanItselfIsRefusedBeforeQemuStarts(String fieldAndValue) {
    String field = fieldAndValue.substring(0, fieldAndValue.indexOf('='));
    String value = fieldAndValue.substring(field.length() + 1);
    Guest g = new Guest("g1", field.equals("name") ? value : "g1", field.equals("arch") ? value : "x86_64",
        field.equals("machine") ? value : "pc", 128, field.equals("disk") ? value : null, List.of());
    var e = assertThrows(dev.patchbay.model.qemu.RefusedValueException.class, () -> new GuestLaunch(g, NET, RUN).command());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }
}
