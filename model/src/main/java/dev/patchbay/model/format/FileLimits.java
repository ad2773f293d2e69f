package dev.patchbay.model.format;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * How large a topology file may be. A file can come from anyone: without limits a 50 MB file of
 * half a million taps took 5 GB to check and printed 1.3 GB, and 10,000 nested brackets or a
 * 1,000-digit number met Jackson's own limits with Jackson's own words. These are far above any lab
 * a person draws (10,000 elements is the largest design benchmarked) and far below what hurts.
 */
public final class FileLimits {
  /** The file's size in bytes; the whole text is held in memory while it is read. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;
  /** Brackets inside brackets: the format needs five (elements, a guest, its NICs, a NIC, its DNS list). */
  public static final int MAX_DEPTH = 32;
  /** Digits (and sign, point, exponent) of one number: ports, sizes and coordinates need a handful. */
  public static final int MAX_NUMBER_LENGTH = 40;
  /** Characters of one text value (a description or a note is the longest). */
  public static final int MAX_STRING_LENGTH = 100_000;
  /**
   * The largest design the project benchmarks. Checking is about linear in elements, but
   * reachability (the DNS rule asks it) keeps a path tree per guest: 6,000 guests on one bridge
   * take 10 s and gigabytes, so the limit is not set higher than what was measured.
   */
  public static final int MAX_ELEMENTS = 10_000;
  /** Entries of any other list or object: links, notes, layout, a guest's NICs. */
  public static final int MAX_ENTRIES = 40_000;

  private FileLimits() {}

  static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNameLength(MAX_STRING_LENGTH)
        .maxDocumentLength(MAX_BYTES)
        .build();
  }

  /** "10,000": limits are read by people. */
  static String number(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
