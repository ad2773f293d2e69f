package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapCounterTest {
  @TempDir Path dir;

  private static byte[] globalHeader(ByteOrder order) {
    return ByteBuffer.allocate(24).order(order).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4)
        .putInt(0).putInt(0).putInt(96).putInt(1).array();
  }

  /** A record captured to {@code captured} bytes of a frame {@code original} bytes long. */
  private static byte[] record(ByteOrder order, int captured, int original) {
    ByteBuffer b = ByteBuffer.allocate(16 + captured).order(order);
    b.putInt(1).putInt(2).putInt(captured).putInt(original);
    return b.array();
  }

  private Path write(byte[]... parts) throws IOException {
    Path f = dir.resolve("x.pcap");
    for (byte[] p : parts) {
      Files.write(f, p, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    return f;
  }

  @Test
  void countsRecordsAndTheirWireLength() throws IOException {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    Path f = write(globalHeader(le), record(le, 60, 60), record(le, 96, 1514), record(le, 42, 42));
    assertEquals(new PcapCounter.Counts(3, 1616), new PcapCounter(f).poll().orElseThrow());
  }

  @Test
  void trailingPartialRecordWaitsUntilItIsComplete() throws IOException {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    byte[] second = record(le, 96, 200);
    Path f = write(globalHeader(le), record(le, 60, 60), Arrays.copyOf(second, 50));
    PcapCounter c = new PcapCounter(f);
    assertEquals(1, c.poll().orElseThrow().frames());
    write(Arrays.copyOfRange(second, 50, second.length));
    assertEquals(new PcapCounter.Counts(2, 260), c.poll().orElseThrow());
  }

  @Test
  void laterPollsAddOnlyNewRecords() throws IOException {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    Path f = write(globalHeader(le), record(le, 60, 60));
    PcapCounter c = new PcapCounter(f);
    c.poll();
    write(record(le, 60, 60), record(le, 60, 60));
    assertEquals(3, c.poll().orElseThrow().frames());
  }

  @Test
  void bigEndianFileIsReadInItsOwnOrder() throws IOException {
    ByteOrder be = ByteOrder.BIG_ENDIAN;
    Path f = write(globalHeader(be), record(be, 60, 70));
    assertEquals(new PcapCounter.Counts(1, 70), new PcapCounter(f).poll().orElseThrow());
  }

  @Test
  void missingFileOrHeaderIsNoCountNotZero() throws IOException {
    assertTrue(new PcapCounter(dir.resolve("none.pcap")).poll().isEmpty());
    Path f = write(Arrays.copyOf(globalHeader(ByteOrder.LITTLE_ENDIAN), 10));
    assertTrue(new PcapCounter(f).poll().isEmpty());
  }

  @Test
  void fileThatIsNotPcapIsAnError() throws IOException {
    Path f = write(new byte[40]);
    assertThrows(IOException.class, () -> new PcapCounter(f).poll());
  }
}
