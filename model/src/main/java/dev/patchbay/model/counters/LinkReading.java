package dev.patchbay.model.counters;

/**
 * What one poll read for one link. Every figure is a Long or Double so that "unknown" is null and is
 * shown as n/a, never as an invented 0.
 *
 * @param aToB frames from end a to end b since the lab started (null if the direction cannot be told)
 * @param total frames both ways (null when the link cannot be read at all)
 * @param rate frames per second both ways over the last poll interval (null on the first poll)
 * @param aToBBytes bytes from a to b (null when the direction cannot be told), for bits/s each way
 * @param bToABytes bytes from b to a
 * @param errors receive + transmit errors (kernel interfaces only)
 * @param drops receive + transmit drops (kernel interfaces only)
 * @param source what was read, e.g. "kernel counters of tap0"
 * @param note why a figure is missing (the link's n/a reason, or why only the total is known)
 */
public record LinkReading(String linkId, String a, String b, Long aToB, Long bToA, Long total, Long bytes,
    Long errors, Long drops, Double rate, String source, String note, Long aToBBytes, Long bToABytes) {

  /** A reading whose bytes are known both ways only (or not at all). */
  public LinkReading(String linkId, String a, String b, Long aToB, Long bToA, Long total, Long bytes, Long errors,
      Long drops, Double rate, String source, String note) {
    this(linkId, a, b, aToB, bToA, total, bytes, errors, drops, rate, source, note, null, null);
  }

  /** The same reading with the bytes each way (null when the direction cannot be told). */
  public LinkReading withDirectedBytes(Long aToBBytes, Long bToABytes) {
    return new LinkReading(linkId, a, b, aToB, bToA, total, bytes, errors, drops, rate, source, note, aToBBytes,
        bToABytes);
  }

  /** A link nothing can read. */
  public static LinkReading unavailable(String linkId, String a, String b, String reason) {
    return new LinkReading(linkId, a, b, null, null, null, null, null, null, null, "n/a", reason);
  }

  public boolean available() {
    return total != null;
  }

  /** The same reading with the rate filled in. */
  public LinkReading withRate(Double framesPerSecond) {
    return new LinkReading(linkId, a, b, aToB, bToA, total, bytes, errors, drops, framesPerSecond, source, note,
        aToBBytes, bToABytes);
  }
}
