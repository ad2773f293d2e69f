package dev.patchbay.backends.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An independent reading of a pcap file in tests: every complete frame, classified by what it carries. */
final class PcapFrames {
  enum Kind { ICMP4, ARP, IPV6, OTHER }

  private PcapFrames() {}

  static List<Kind> read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<Kind> kinds = new ArrayList<>();
    int at = 24;
    while (b.limit() - at >= 16) {
      int captured = b.getInt(at + 8);
      if (at + 16 + captured > b.limit()) {
        break;
      }
      kinds.add(kind(b, at + 16, captured));
      at += 16 + captured;
    }
    return kinds;
  }

  private static Kind kind(ByteBuffer b, int frame, int length) {
    if (length < 14) {
      return Kind.OTHER;
    }
    int type = ((b.get(frame + 12) & 0xff) << 8) | (b.get(frame + 13) & 0xff);
    if (type == 0x0806) {
      return Kind.ARP;
    }
    if (type == 0x86dd) {
      return Kind.IPV6;
    }
    if (type == 0x0800 && length >= 24 && b.get(frame + 23) == 1) {
      return Kind.ICMP4;
    }
    return Kind.OTHER;
  }
}
