package dev.patchbay.backends.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("live")
class NamespaceThreadLiveTest {
  @Test
  void socketMadeInsideANamespaceKeepsTalkingToItFromAnyThread() throws IOException {
    try (TestNamespace ns = TestNamespace.create(); RtNetlink nl = RtNetlink.openIn(ns.name())) {
      // The namespace thread has ended by now; this thread never entered the namespace.
      assertEquals(List.of("lo"), nl.links().stream().map(Link::name).toList());

      nl.create(NewLink.bridge("pbfromhere"));

      assertNotNull(ns.ipLink("pbfromhere"));
    }
  }

  @Test
  void missingNamespaceFailsWithTheKernelsReasonAndPath() {
    NetlinkException e = assertThrows(NetlinkException.class, () -> NamespaceThread.enter("pb-nl-no-such-ns"));

    assertEquals("ENOENT", e.errnoName());
    assertTrue(e.getMessage().startsWith(
        "open network namespace /var/run/netns/pb-nl-no-such-ns: ENOENT: No such file or directory"), e.getMessage());
  }
}
