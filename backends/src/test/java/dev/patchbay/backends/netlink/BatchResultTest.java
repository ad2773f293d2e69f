package dev.patchbay.backends.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BatchResultTest {
  private final NetlinkException second = new NetlinkException("create bridge 'b1'", Errno.EEXIST, null);
  private final NetlinkException fourth = new NetlinkException("create bridge 'b3'", Errno.EBUSY, null);

  private BatchResult result() {
    TreeMap<Integer, NetlinkException> failures = new TreeMap<>();
    failures.put(3, fourth);
    failures.put(1, second);
    return new BatchResult(5, failures);
  }

  @Test
  void tellsWhichRequestsTookEffect() {
    BatchResult r = result();

    assertTrue(r.succeeded(0));
    assertFalse(r.succeeded(1));
    assertTrue(r.succeeded(2));
    assertFalse(r.succeeded(3));
    assertFalse(r.succeeded(5), "outside the batch");
  }

  @Test
  void throwsTheFirstFailureWithTheOthersAttached() {
    NetlinkException thrown = assertThrows(NetlinkException.class, () -> result().throwIfFailed());

    assertSame(second, thrown);
    assertEquals(1, thrown.getSuppressed().length);
    assertSame(fourth, thrown.getSuppressed()[0]);
    assertEquals("create bridge 'b1': EEXIST: File exists", thrown.getMessage());
  }
}
