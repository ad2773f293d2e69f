package dev.patchbay.backends.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.net.Mac;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectedPcapCounterTest {
  private static final long NIC = 0x525400000010L;
  private static final long OTHER = 0x525400000011L;
  @TempDir
  Path dir;

  private DirectedPcapCounter counter(Path file) {
    return new DirectedPcapCounter(file, m -> m.equals(new Mac(NIC)));
  }

  @Test
  void splitsFramesAndBytesBySourceAddress() throws IOException {
    Path f = dir.resolve("d.pcap");
    PcapWriter w = new PcapWriter(f, ByteOrder.LITTLE_ENDIAN);
    w.frame(NIC, 98, 64);
    w.frame(NIC, 98, 64);
    w.frame(OTHER, 42, 64);

    assertEquals(new DirectedPcapCounter.Counts(2, 196, 1, 42), counter(f).poll().orElseThrow());
  }

  @Test
  void readsBigEndianFilesToo() throws IOException {
    Path f = dir.resolve("d.pcap");
    PcapWriter w = new PcapWriter(f, ByteOrder.BIG_ENDIAN);
    w.frame(OTHER, 60, 64);

    assertEquals(new DirectedPcapCounter.Counts(0, 0, 1, 60), counter(f).poll().orElseThrow());
  }

  @Test
  void countsOnlyRecordsAddedSinceTheLastPoll() throws IOException {
    Path f = dir.resolve("d.pcap");
    PcapWriter w = new PcapWriter(f, ByteOrder.LITTLE_ENDIAN);
    DirectedPcapCounter c = counter(f);
    w.frame(NIC, 60, 64);
    c.poll();
    w.frame(OTHER, 60, 64);

    assertEquals(new DirectedPcapCounter.Counts(1, 60, 1, 60), c.poll().orElseThrow());
  }

  @Test
  void leavesAHalfWrittenRecordForTheNextPoll() throws IOException {
    Path f = dir.resolve("d.pcap");
    PcapWriter w = new PcapWriter(f, ByteOrder.LITTLE_ENDIAN);
    DirectedPcapCounter c = counter(f);
    byte[] rec = w.record(NIC, 98, 64);
    w.raw(Arrays.copyOfRange(rec, 0, 30));
    assertEquals(0, c.poll().orElseThrow().frames());

    w.raw(Arrays.copyOfRange(rec, 30, rec.length));

    assertEquals(new DirectedPcapCounter.Counts(1, 98, 0, 0), c.poll().orElseThrow());
  }

  @Test
  void countsManyMoreRecordsThanOneChunkHolds() throws IOException {
    Path f = dir.resolve("d.pcap");
    PcapWriter w = new PcapWriter(f, ByteOrder.LITTLE_ENDIAN);
    byte[] rec = w.record(OTHER, 1514, 64);
    int n = 20_000;
    byte[] many = new byte[rec.length * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rec, 0, many, i * rec.length, rec.length);
    }
    w.raw(many);
    assertTrue(many.length > (1 << 20), "more than one 1 MiB chunk");

    assertEquals(new DirectedPcapCounter.Counts(0, 0, n, 1514L * n), counter(f).poll().orElseThrow());
  }

  @Test
  void aFileStartedAfreshIsCountedAfresh() throws IOException {
    Path f = dir.resolve("d.pcap");
    PcapWriter w = new PcapWriter(f, ByteOrder.LITTLE_ENDIAN);
    DirectedPcapCounter c = counter(f);
    w.frame(NIC, 60, 64);
    w.frame(NIC, 60, 64);
    c.poll();
    PcapWriter restarted = new PcapWriter(f, ByteOrder.LITTLE_ENDIAN);
    restarted.frame(OTHER, 42, 64);

    assertEquals(new DirectedPcapCounter.Counts(0, 0, 1, 42), c.poll().orElseThrow());
  }

  @Test
  void aMissingFileIsUnknownNotZero() throws IOException {
    assertTrue(counter(dir.resolve("none.pcap")).poll().isEmpty());
  }

  @Test
  void aFileWithoutCompleteHeaderIsUnknownNotZero() throws IOException {
    Path f = dir.resolve("d.pcap");
    Files.write(f, new byte[10]);
    assertTrue(counter(f).poll().isEmpty());
  }

  @Test
  void aFileThatIsNoPcapIsRefusedByName() throws IOException {
    Path f = dir.resolve("d.pcap");
    Files.write(f, new byte[40]);
    IOException e = assertThrows(IOException.class, () -> counter(f).poll());
    assertTrue(e.getMessage().contains("d.pcap is not a pcap file"), e.getMessage());
  }
}
