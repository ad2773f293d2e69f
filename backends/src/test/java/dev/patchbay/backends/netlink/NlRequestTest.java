package dev.patchbay.backends.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes of requests, read back with the same parser the dumps use. */
class NlRequestTest {
  private static ByteBuffer bytes(NlRequest request, int seq) {
    ByteBuffer out = ByteBuffer.allocate(request.length()).order(ByteOrder.nativeOrder());
    request.writeTo(out, seq);
    return out;
  }

  @Test
  void headerCarriesLengthTypeFlagsAndSequence() {
    NlRequest r = NlRequest.change(Nl.RTM_NEWLINK, Nl.F_CREATE | Nl.F_EXCL, "x").ifinfomsg(0, 0, 0, 0);

    ByteBuffer b = bytes(r, 77);

    assertEquals(Nl.NLMSG_HDRLEN + Nl.IFINFOMSG_LEN, b.getInt(0));
    assertEquals(Nl.RTM_NEWLINK, b.getShort(4));
    assertEquals(Nl.F_REQUEST | Nl.F_ACK | Nl.F_CREATE | Nl.F_EXCL, b.getShort(6));
    assertEquals(77, b.getInt(8));
  }

  @Test
  void stringAttributeIsNulTerminatedAndPaddedToFourBytes() {
    NlRequest r = NlRequest.change(Nl.RTM_SETLINK, 0, "x").ifinfomsg(0, 0, 0, 0).attrString(Nl.IFLA_IFNAME, "br0");

    ByteBuffer b = bytes(r, 1);
    int attr = Nl.NLMSG_HDRLEN + Nl.IFINFOMSG_LEN;

    assertEquals(4 + 4, b.getShort(attr), "rta_len counts header + 'br0\\0', not the padding");
    assertEquals(attr + 8, r.length());
    assertEquals("br0", NlAttrs.parse(b, attr, r.length()).string(Nl.IFLA_IFNAME));
  }

  @Test
  void oddLengthAttributeIsPaddedSoTheNextOneStaysAligned() {
    NlRequest r = NlRequest.change(Nl.RTM_SETLINK, 0, "x").ifinfomsg(0, 0, 0, 0)
        .attr(Nl.IFLA_IFALIAS, new byte[] {'a', 'b', 'c', 'd', 'e'})
        .attrU32(Nl.IFLA_GROUP, 7);

    ByteBuffer b = bytes(r, 1);
    NlAttrs attrs = NlAttrs.parse(b, Nl.NLMSG_HDRLEN + Nl.IFINFOMSG_LEN, r.length());

    assertEquals("abcde", attrs.string(Nl.IFLA_IFALIAS));
    assertEquals(7, attrs.u32(Nl.IFLA_GROUP, -1));
    assertEquals(0, r.length() % 4);
  }

  @Test
  void nestedAttributesCoverTheirChildren() {
    NlRequest r = NewLink.bridge("pbbr").create();

    ByteBuffer b = bytes(r, 1);
    NlAttrs top = NlAttrs.parse(b, Nl.NLMSG_HDRLEN + Nl.IFINFOMSG_LEN, r.length());
    NlAttrs info = top.nested(Nl.IFLA_LINKINFO);

    assertEquals("bridge", info.string(Nl.IFLA_INFO_KIND));
    assertEquals(0, info.nested(Nl.IFLA_INFO_DATA).u32(Nl.IFLA_BR_STP_STATE, -1));
  }

  @Test
  void vethPeerIsNestedWithItsOwnInterfaceHeader() {
    NlRequest r = NewLink.veth("pbva", "pbvb").group(3).create();

    ByteBuffer b = bytes(r, 1);
    NlAttrs top = NlAttrs.parse(b, Nl.NLMSG_HDRLEN + Nl.IFINFOMSG_LEN, r.length());
    NlAttrs data = top.nested(Nl.IFLA_LINKINFO).nested(Nl.IFLA_INFO_DATA);
    ByteBuffer peerBytes = ByteBuffer.wrap(data.bytes(Nl.VETH_INFO_PEER)).order(ByteOrder.nativeOrder());
    NlAttrs peer = NlAttrs.parse(peerBytes, Nl.IFINFOMSG_LEN, peerBytes.limit());

    assertEquals("pbva", top.string(Nl.IFLA_IFNAME));
    assertEquals("pbvb", peer.string(Nl.IFLA_IFNAME));
    assertEquals(3, peer.u32(Nl.IFLA_GROUP, -1));
  }

  @Test
  void theCreateAsksForAnEchoAndItsFollowUpsAddressTheNewLinksByIfindexOnly() {
    NewLink veth = NewLink.veth("pbva", "pbvb").alias("lab:x").up();
    assertEquals(Nl.F_ECHO, bytes(veth.create(), 1).getShort(6) & Nl.F_ECHO);

    List<NlRequest> followUps = veth.followUps(new CreatedLink(41, 42));
    assertEquals(2, followUps.size());
    for (int k = 0; k < 2; k++) {
      NlRequest r = followUps.get(k);
      ByteBuffer b = bytes(r, 1);
      NlAttrs attrs = NlAttrs.parse(b, Nl.NLMSG_HDRLEN + Nl.IFINFOMSG_LEN, r.length());
      assertEquals(Nl.RTM_SETLINK, r.type());
      assertEquals(41 + k, b.getInt(Nl.NLMSG_HDRLEN + 4), "ifindex of request " + k);
      assertFalse(attrs.has(Nl.IFLA_IFNAME), "a name next to an ifindex would rename the link");
      assertEquals("lab:x", attrs.string(Nl.IFLA_IFALIAS));
    }
    assertEquals(List.of(), NewLink.bridge("pbbr").up().followUps(new CreatedLink(5, 0)));
  }

  @Test
  void setLinkOnlyTouchesTheUpFlagWhenAsked() {
    ByteBuffer quiet = bytes(SetLink.named("pbx").group(4).request(), 1);
    ByteBuffer down = bytes(SetLink.named("pbx").up(false).request(), 1);

    assertEquals(0, quiet.getInt(Nl.NLMSG_HDRLEN + 12), "ifi_change");
    assertEquals(Nl.IFF_UP, down.getInt(Nl.NLMSG_HDRLEN + 12), "ifi_change");
    assertEquals(0, down.getInt(Nl.NLMSG_HDRLEN + 8), "ifi_flags");
  }

  @Test
  void setLinkMulticastChangesOnlyTheMulticastFlag() {
    ByteBuffer on = bytes(SetLink.named("lo").multicast(true).request(), 1);

    assertEquals(Nl.IFF_MULTICAST, on.getInt(Nl.NLMSG_HDRLEN + 12), "ifi_change");
    assertEquals(Nl.IFF_MULTICAST, on.getInt(Nl.NLMSG_HDRLEN + 8), "ifi_flags");
  }

  @Test
  void attributeTypesBeyondTheTableAreSkippedNotMisread() {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
    b.putShort(0, (short) 8).putShort(2, (short) 200).putInt(4, 5);
    b.putShort(8, (short) 8).putShort(10, (short) Nl.IFLA_GROUP).putInt(12, 6);

    NlAttrs attrs = NlAttrs.parse(b, 0, 16);

    assertEquals(6, attrs.u32(Nl.IFLA_GROUP, -1));
    assertFalse(attrs.has(200 & 63));
    assertTrue(attrs.has(Nl.IFLA_GROUP));
  }
}
