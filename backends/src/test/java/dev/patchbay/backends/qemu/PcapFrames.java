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

  /**
   * An IPv4 frame as far as a test needs it: who sent it on the wire (source MAC), in whose name
   * (IPv4 source), the IP protocol, and for TCP its flags (RST 0x04, SYN 0x02, ACK 0x10).
   */
  record Ipv4Frame(String sourceMac, String source, int protocol, int tcpFlags) {
    static final int TCP = 6;
    static final int RST = 0x04;
    static final int SYN = 0x02;
  }

  private PcapFrames() {}

  /** Every complete IPv4 frame of the file. */
  static List<Ipv4Frame> ipv4(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<Ipv4Frame> frames = new ArrayList<>();
    for (int at = 24; b.limit() - at >= 16; at += 16 + b.getInt(at + 8)) {
      int frame = at + 16;
      int length = b.getInt(at + 8);
      if (frame + length > b.limit()) {
        break;
      }
      if (length < 34 || (b.get(frame + 12) & 0xff) != 0x08 || b.get(frame + 13) != 0) {
        continue;
      }
      int header = (b.get(frame + 14) & 0x0f) * 4;
      int protocol = b.get(frame + 23) & 0xff;
      int flags = protocol == Ipv4Frame.TCP && length >= 14 + header + 14 ? b.get(frame + 14 + header + 13) & 0xff : 0;
      frames.add(new Ipv4Frame(mac(b, frame + 6), (b.get(frame + 26) & 0xff) + "." + (b.get(frame + 27) & 0xff) + "."
          + (b.get(frame + 28) & 0xff) + "." + (b.get(frame + 29) & 0xff), protocol, flags));
    }
    return frames;
  }

  private static String mac(ByteBuffer b, int at) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sb.append(i == 0 ? "" : ":").append(String.format("%02x", b.get(at + i) & 0xff));
    }
    return sb.toString();
  }

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
