package dev.patchbay.backends.tun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.backends.netlink.LibC;
import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.Native;
import dev.patchbay.backends.netlink.NetlinkException;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.backends.netlink.TestNamespace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Taps made through /dev/net/tun inside a throwaway namespace. */
@Tag("live")
class TapLiveTest {
  private TestNamespace ns;
  private NamespaceThread thread;

  @BeforeEach
  void enterNamespace() throws IOException {
    ns = TestNamespace.create();
    thread = NamespaceThread.enter(ns.name());
  }

  @AfterEach
  void deleteNamespace() throws IOException {
    try {
      thread.close();
    } finally {
      ns.close();
    }
  }

  @Test
  void persistentTapOutlivesItsFileDescriptorAndBelongsToTheGivenUser() throws IOException {
    Tap.createPersistent(thread, "pbtap0", 1234);

    JsonNode info = ns.ipLink("pbtap0").path("linkinfo");
    assertEquals("tun", info.path("info_kind").asText());
    assertEquals("tap", info.path("info_data").path("type").asText());
    assertFalse(info.path("info_data").path("pi").asBoolean(true));
    assertTrue(info.path("info_data").path("persist").asBoolean());
    assertEquals(1234, info.path("info_data").path("user").asInt());
  }

  @Test
  void persistentTapIsDeletedThroughRtnetlink() throws IOException {
    Tap.createPersistent(thread, "pbtap1", 0);
    try (RtNetlink nl = RtNetlink.openIn(thread)) {
      assertEquals("tun", nl.link("pbtap1").orElseThrow().kind());

      nl.delete("pbtap1");
    }
    assertNull(ns.ipLink("pbtap1"));
  }

  @Test
  void tapThatIsNotPersistentGoesAwayWithItsFileDescriptor() throws IOException {
    Tap tap = Tap.createIn(thread, "pbtap2");
    assertNotNull(ns.ipLink("pbtap2"));

    tap.close();

    assertNull(ns.ipLink("pbtap2"));
  }

  @Test
  void existingTapIsNotTakenOver() throws IOException {
    Tap.createPersistent(thread, "pbtap3", 0);

    NetlinkException e = assertThrows(NetlinkException.class, () -> Tap.createIn(thread, "pbtap3"));

    assertEquals("EBUSY", e.errnoName());
    assertTrue(e.getMessage().startsWith("create tap 'pbtap3': EBUSY: Device or resource busy"), e.getMessage());
  }

  @Test
  void nameWithShellMetacharactersIsRefusedBeforeTheKernelSeesIt() throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tap.createIn(thread, "tap;reboot"));

    assertTrue(e.getMessage().contains("'tap;reboot' contains ';'"), e.getMessage());
    assertEquals(1, ns.ipJson("link", "show").size(), "only lo exists");
  }

  /**
   * Finding recorded in Tap's Javadoc: the namespace of a tap is the one of the thread that OPENED
   * /dev/net/tun, not of the thread that issues TUNSETIFF.
   */
  @Test
  void tapIsCreatedInTheNamespaceOfTheThreadThatOpenedTheTunDevice() throws IOException {
    LibC libc = Native.libc();
    try (TestNamespace other = TestNamespace.create(); NamespaceThread otherThread = NamespaceThread.enter(other.name())) {
      int fd = thread.call(() -> libc.open("/dev/net/tun", Native.O_RDWR | Native.O_CLOEXEC));
      try {
        ByteBuffer ifreq = ByteBuffer.allocateDirect(40).order(ByteOrder.nativeOrder());
        ifreq.put(0, "pbwhere".getBytes(StandardCharsets.US_ASCII));
        ifreq.putShort(16, (short) 0x1002);
        assertEquals(0, (int) otherThread.call(() -> libc.ioctl(fd, 0x400454caL, ifreq)));

        assertNotNull(ns.ipLink("pbwhere"), "tap is in the namespace that opened /dev/net/tun");
        assertNull(other.ipLink("pbwhere"), "not in the namespace that issued TUNSETIFF");
      } finally {
        libc.close(fd);
      }
    }
  }

  @Test
  void tapMadeInANamedNamespaceCarriesItsGroupAndOwner() throws IOException {
    try (Tap tap = Tap.createIn(ns.name(), "pbtap4")) {
      tap.owner(54321); // ids without a passwd/group entry: ip prints names for known ids
      tap.group(54322);
      tap.persist(true);
    }

    JsonNode data = ns.ipLink("pbtap4").path("linkinfo").path("info_data");
    assertEquals(54321, data.path("user").asInt());
    assertEquals(54322, data.path("group").asInt());
  }
}
