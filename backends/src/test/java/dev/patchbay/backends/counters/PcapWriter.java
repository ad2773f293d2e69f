package dev.patchbay.backends.counters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes pcap files the way QEMU's filter-dump does (little-endian here), for the counters' tests. */
public final class PcapWriter {
  private final Path file;
  private final ByteOrder order;

  public PcapWriter(Path file, ByteOrder order) throws IOException {
    this.file = file;
    this.order = order;
    ByteBuffer h = ByteBuffer.allocate(24).order(order);
    h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(64).putInt(1);
    Files.write(file, h.array());
  }

  /** A frame from {@code sourceMac} of {@code length} bytes on the wire, {@code snap} of them kept. */
  public void frame(long sourceMac, int length, int snap) throws IOException {
    Files.write(file, record(sourceMac, length, snap), StandardOpenOption.APPEND);
  }

  byte[] record(long sourceMac, int length, int snap) {
    int kept = Math.min(length, snap);
    ByteBuffer r = ByteBuffer.allocate(16 + kept).order(order);
    r.putInt(1).putInt(0).putInt(kept).putInt(length);
    byte[] frame = new byte[kept];
    for (int i = 0; i < 6 && i < kept; i++) {
      frame[i] = (byte) 0xff;
    }
    for (int i = 0; i < 6 && 6 + i < kept; i++) {
      frame[6 + i] = (byte) (sourceMac >>> (40 - 8 * i));
    }
    r.put(frame);
    return r.array();
  }

  /** Appends raw bytes, e.g. half a record as QEMU may leave it between two writes. */
  void raw(byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }
}
