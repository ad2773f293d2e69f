package dev.patchbay.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.layout.Geometry.Area;
import dev.patchbay.model.layout.Geometry.Side;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryTest {
  private static final Area BOX = new Area(100, 100, 140, 56);

  @Test
  void aWireLeavesByTheSideFacingItsOtherEnd() {
    assertEquals(Side.EAST, Geometry.facing(BOX, new Area(300, 90, 140, 56)));
    assertEquals(Side.WEST, Geometry.facing(BOX, new Area(-100, 120, 140, 56)));
    assertEquals(Side.NORTH, Geometry.facing(BOX, new Area(110, -40, 140, 56)), "the Internet above its LAN");
    assertEquals(Side.SOUTH, Geometry.facing(BOX, new Area(90, 300, 140, 56)));
  }

  @Test
  void twoDevicesTakeFacingSides() {
    Area other = new Area(280, 150, 140, 56);
    assertEquals(Side.EAST, Geometry.facing(BOX, other));
    assertEquals(Side.WEST, Geometry.facing(other, BOX));
    Area below = new Area(150, 240, 140, 56);
    assertEquals(Side.SOUTH, Geometry.facing(BOX, below));
    assertEquals(Side.NORTH, Geometry.facing(below, BOX));
  }

  @Test
  void aNicPortRightOfADeviceIsMetFromItsRightSideEvenWellBelowIt() {
    Area nic = new Area(320, 240, 0, 0); // a guest's NIC port, on the left edge of its box
    assertEquals(Side.SOUTH, Geometry.facing(BOX, nic), "as a box it would be met from below");
    assertEquals(Side.EAST, Geometry.facing(BOX, nic, Side.WEST));
    assertEquals(Side.SOUTH, Geometry.facing(BOX, new Area(200, 240, 0, 0), Side.WEST), "not right of the box");
  }

  @Test
  void eachSidePortSitsInTheMiddleOfItsEdge() {
    Bridge b = new Bridge("br0", "br0", null, false);
    double w = Geometry.width(b);
    assertEquals(new Geometry.Port(w / 2, 0, Side.NORTH), Geometry.side(b, Side.NORTH));
    assertEquals(new Geometry.Port(w / 2, Geometry.DEVICE_HEIGHT, Side.SOUTH), Geometry.side(b, Side.SOUTH));
    assertEquals(Geometry.east(b), Geometry.side(b, Side.EAST));
    assertEquals(Geometry.west(b), Geometry.side(b, Side.WEST));
  }

  @Test
  void aBoxGrowsForItsLongestAddressAndNoMore() {
    Bridge plain = new Bridge("br0", "br0", null, false);
    Bridge longest = new Bridge("br0", "br0", "255.255.255.254/31", false);
    assertEquals(Geometry.DEVICE_WIDTH, Geometry.width(plain));
    assertTrue(Geometry.width(longest) >= TextWidths.DEVICE_TEXT_X
        + TextWidths.of("255.255.255.254/31", TextWidths.DETAIL_PX, false) + TextWidths.RIGHT_MARGIN, "" + Geometry.width(longest));
    Bridge huge = new Bridge("br0", "x".repeat(200), null, false);
    assertEquals(TextWidths.MAX_WIDTH, Geometry.width(huge), "a name past the widest box is elided, not a wall");
  }

  @Test
  void aGuestsAddressesStartRightOfItsLongestNicName() {
    Nic shortName = new Nic("nic0", NicModel.E1000, "52:54:00:00:00:10", IpConfig.fixed("192.168.100.100/24", null));
    Nic longName = new Nic("uplink-nic-0", NicModel.E1000, "52:54:00:00:00:11", IpConfig.dhcp());
    Guest g = new Guest("g", "g", "x86_64", "pc", 128, null, List.of(shortName, longName));
    double column = TextWidths.addressColumn(g);
    assertTrue(column >= TextWidths.NIC_X + TextWidths.of("uplink-nic-0", TextWidths.NIC_PX, true), "" + column);
    assertTrue(Geometry.width(g) >= column + TextWidths.of("192.168.100.100/24", TextWidths.DETAIL_PX, false));
  }

  @Test
  void aMissingTextTakesNoRoom() {
    assertEquals(0, TextWidths.of(null, 11, false));
  }

  @Test
  void estimatesAreNoNarrowerThanDejaVuSans() {
    // DejaVu Sans advances (em): digit 0.636, '.' 0.318, '/' 0.337; "10.0.0.1/24" is 7 digits, 3 dots, 1 slash
    double real = (7 * 0.636 + 3 * 0.318 + 0.337) * 11;
    assertTrue(TextWidths.of("10.0.0.1/24", 11, false) >= real);
  }
}
