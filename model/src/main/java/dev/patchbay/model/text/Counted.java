package dev.patchbay.model.text;

/** A number with its noun in the right form: "1 error", "2 errors", "0 notes". */
public final class Counted {
  private Counted() {}

  /** The noun's plural is the noun plus "s". */
  public static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  public static String of(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
