package dev.patchbay.app.designer.live;

/**
 * A link's rates over the last poll interval, each way and both ways: frames per second and bits per
 * second. Null is a rate that cannot be told (the first reading, a figure the link's counter does
 * not give, a counter that went back): shown as n/a, never as 0.
 */
public record LinkRates(Double framesAToB, Double framesBToA, Double frames, Double bitsAToB, Double bitsBToA,
    Double bits) {
  public static final LinkRates UNKNOWN = new LinkRates(null, null, null, null, null, null);

  /** Whether the rates each way are known (else only the rates both ways are, if any). */
  public boolean directed() {
    return framesAToB != null && framesBToA != null;
  }
}
