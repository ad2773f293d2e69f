package dev.patchbay.backends.counters;

import dev.patchbay.model.net.Mac;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Counts the frames of a pcap that QEMU's {@code filter-dump} is still writing, split in two by each
 * frame's Ethernet source address. Each poll reads only the bytes added since the last one, in large
 * chunks; a record not yet fully written is left for the next poll.
 */
public final class DirectedPcapCounter {
  private static final int GLOBAL_HEADER = 24;
  private static final int RECORD_HEADER = 16;
  /** Destination and source MAC: the bytes of a frame this counter needs. */
  private static final int MAC_BYTES = 12;
  private static final int CHUNK = 1 << 20;

  /** Frames and bytes (on the wire) matching the predicate ({@code matching}) and the rest. */
  public record Counts(long matchingFrames, long matchingBytes, long otherFrames, long otherBytes) {
    public long frames() {
      return matchingFrames + otherFrames;
    }

    public long bytes() {
      return matchingBytes + otherBytes;
    }
  }

  private final Path file;
  private final Predicate<Mac> matches;
  private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
  private ByteOrder order;
  private long offset = GLOBAL_HEADER;
  private long matchingFrames;
  private long matchingBytes;
  private long otherFrames;
  private long otherBytes;

  public DirectedPcapCounter(Path file, Predicate<Mac> matches) {
    this.file = file;
    this.matches = matches;
  }

  public Path file() {
    return file;
  }

  /** The counts so far; empty while the file is missing or has no complete pcap header. */
  public synchronized Optional<Counts> poll() throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() < offset) {
        // A shorter file is a new one (the guest was restarted and QEMU truncated it): count afresh.
        reset();
      }
      if (order == null && !readMagic(ch)) {
        return Optional.empty();
      }
      long size = ch.size();
      while (size - offset >= RECORD_HEADER && readChunk(ch, size) > 0) {
        // each pass consumes the complete records of one chunk
      }
      return Optional.of(new Counts(matchingFrames, matchingBytes, otherFrames, otherBytes));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private void reset() {
    order = null;
    offset = GLOBAL_HEADER;
    matchingFrames = 0;
    matchingBytes = 0;
    otherFrames = 0;
    otherBytes = 0;
  }

  /** Reads up to one chunk from the offset and counts its complete records; returns how many. */
  private int readChunk(FileChannel ch, long size) throws IOException {
    chunk.clear().limit((int) Math.min(CHUNK, size - offset));
    long pos = offset;
    while (chunk.hasRemaining()) {
      int n = ch.read(chunk, pos);
      if (n < 0) {
        throw new IOException("pcap file " + file + " shrank under the counter");
      }
      pos += n;
    }
    chunk.flip().order(order);
    int at = 0;
    int records = 0;
    while (chunk.limit() - at >= RECORD_HEADER) {
      long captured = Integer.toUnsignedLong(chunk.getInt(at + 8));
      long original = Integer.toUnsignedLong(chunk.getInt(at + 12));
      if (captured > CHUNK - RECORD_HEADER) {
        throw new IOException(file + ": record of " + captured + " bytes at " + (offset + at) + " is not a frame");
      }
      if (at + RECORD_HEADER + captured > chunk.limit()) {
        break;
      }
      count(at + RECORD_HEADER, captured, original);
      at += RECORD_HEADER + (int) captured;
      records++;
    }
    offset += at;
    return records;
  }

  private void count(int frameStart, long captured, long original) {
    boolean match = false;
    if (captured >= MAC_BYTES) {
      long bits = 0;
      for (int i = 6; i < MAC_BYTES; i++) {
        bits = (bits << 8) | (chunk.get(frameStart + i) & 0xff);
      }
      match = matches.test(new Mac(bits));
    }
    if (match) {
      matchingFrames++;
      matchingBytes += original;
    } else {
      otherFrames++;
      otherBytes += original;
    }
  }

  private boolean readMagic(FileChannel ch) throws IOException {
    if (ch.size() < GLOBAL_HEADER) {
      return false;
    }
    ByteBuffer magic = ByteBuffer.allocate(4);
    while (magic.hasRemaining() && ch.read(magic, magic.position()) > 0) {
      // a regular file of >= 24 bytes yields its first 4
    }
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
}
