package dev.patchbay.backends.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.NewLink;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.backends.netlink.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which namespace /proc/sys/net and /proc/net show to a thread that entered a namespace with setns:
 * two throwaway namespaces with different values tell them apart (the root namespace is only read).
 */
@Tag("live")
class SysctlLiveTest {
  private TestNamespace first;
  private TestNamespace second;
  private NamespaceThread firstThread;
  private NamespaceThread secondThread;

  @BeforeEach
  void enterNamespaces() throws IOException {
    first = TestNamespace.create();
    second = TestNamespace.create();
    firstThread = NamespaceThread.enter(first.name());
    secondThread = NamespaceThread.enter(second.name());
  }

  @AfterEach
  void deleteNamespaces() throws IOException {
    firstThread.close();
    secondThread.close();
    try {
      first.close();
    } finally {
      second.close();
    }
  }

  @Test
  void eachThreadReadsTheSysctlsOfItsOwnNamespace() throws IOException {
    first.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
    second.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=0");

    assertEquals("1", Sysctl.in(firstThread).read("net.ipv4.ip_forward"));
    assertEquals("0", Sysctl.in(secondThread).read("net.ipv4.ip_forward"));
  }

  @Test
  void writeChangesOnlyTheThreadsNamespace() throws IOException {
    second.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=0");

    Sysctl.in(firstThread).write("net.ipv4.ip_forward", "1");

    assertEquals("1", first.exec("cat", "/proc/sys/net/ipv4/ip_forward").strip());
    assertEquals("0", second.exec("cat", "/proc/sys/net/ipv4/ip_forward").strip());
  }

  @Test
  void perInterfaceKeysWithSlashesReachTheInterfacesFile() throws IOException {
    try (RtNetlink nl = RtNetlink.openIn(firstThread)) {
      nl.create(NewLink.bridge("pb.br0"));
    }

    Sysctl.in(firstThread).write("net/ipv4/conf/pb.br0/proxy_arp", "1");

    assertEquals("1", first.exec("cat", "/proc/sys/net/ipv4/conf/pb.br0/proxy_arp").strip());
  }

  /** /proc/net follows /proc/self (the process), so a namespace thread must read /proc/thread-self/net. */
  @Test
  void procNetFollowsTheProcessWhileThreadSelfFollowsTheThread() throws IOException {
    try (RtNetlink nl = RtNetlink.openIn(firstThread)) {
      nl.create(NewLink.bridge("pbonlyhere"));
    }

    String threadSelf = firstThread.call(() -> Files.readString(Path.of("/proc/thread-self/net/dev")));
    String processSelf = firstThread.call(() -> Files.readString(Path.of("/proc/self/net/dev")));

    assertTrue(threadSelf.contains("pbonlyhere:"), threadSelf);
    assertFalse(processSelf.contains("pbonlyhere:"), processSelf);
  }
}
