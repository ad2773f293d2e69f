package dev.patchbay.backends.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Counts the frames in a pcap file while QEMU's {@code filter-dump} is still writing it. Each poll
 * reads only the 16-byte headers of records it has not seen; a record whose data has not fully
 * arrived is left for the next poll. Byte order comes from the file's magic number. The tests'
 * own count of what a guest's frame dump recorded, read independently of the lab's counters.
 */
public final class PcapCounter {
  private static final int GLOBAL_HEADER = 24;
  private static final int RECORD_HEADER = 16;

  /** Frames and their bytes on the wire ({@code orig_len}) recorded so far. */
  public record Counts(long frames, long bytes) {}

  private final Path file;
  private ByteOrder order;
  private long offset = GLOBAL_HEADER;
  private long frames;
  private long bytes;

  public PcapCounter(Path file) {
    this.file = file;
  }

  /** A counter of the frames the guest records on a netdev ({@link GuestLaunch#dumpFrames}). */
  public static PcapCounter of(GuestProcess guest, String netdevId) {
    return guest.launch().dumps().stream().filter(d -> d.netdev().equals(netdevId)).findFirst()
        .map(d -> new PcapCounter(d.file()))
        .orElseThrow(() -> new IllegalArgumentException("no frame dump on " + netdevId));
  }

  public Path file() {
    return file;
  }

  /**
   * The counts so far, or empty while the file does not exist or has no complete pcap header: a
   * link whose frames cannot be read shows nothing rather than zero.
   */
  public synchronized Optional<Counts> poll() throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (order == null && !readMagic(ch)) {
        return Optional.empty();
      }
      long size = ch.size();
      ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER).order(order);
      while (size - offset >= RECORD_HEADER) {
        header.clear();
        readFully(ch, header, offset);
        long captured = Integer.toUnsignedLong(header.getInt(8));
        long original = Integer.toUnsignedLong(header.getInt(12));
        if (offset + RECORD_HEADER + captured > size) {
          break;
        }
        offset += RECORD_HEADER + captured;
        frames++;
        bytes += original;
      }
      return Optional.of(new Counts(frames, bytes));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private boolean readMagic(FileChannel ch) throws IOException {
    if (ch.size() < GLOBAL_HEADER) {
      return false;
    }
    ByteBuffer magic = ByteBuffer.allocate(4);
    readFully(ch, magic, 0);
    int little = magic.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    int big = magic.order(ByteOrder.BIG_ENDIAN).getInt(0);
    if (isMagic(little)) {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (isMagic(big)) {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      throw new IOException(file + " is not a pcap file (magic " + Integer.toHexString(big) + ")");
    }
    return true;
  }

  /** Microsecond and nanosecond pcap. */
  private static boolean isMagic(int m) {
    return m == 0xa1b2c3d4 || m == 0xa1b23c4d;
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
    long pos = at;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("pcap file shrank under the counter");
      }
      pos += n;
    }
  }

  /** Whether the file exists yet (QEMU creates it when the filter is added). */
  public boolean exists() {
    return Files.exists(file);
  }
}
