package dev.patchbay.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountedTest {
  @ParameterizedTest
  @CsvSource({"0, 0 errors", "1, 1 error", "2, 2 errors", "21, 21 errors"})
  void oneIsSingularEveryOtherCountPlural(long n, String expected) {
    assertEquals(expected, Counted.of(n, "error"));
  }

  @ParameterizedTest
  @CsvSource({"1, 1 entry", "3, 3 entries"})
  void anIrregularPluralIsGiven(long n, String expected) {
    assertEquals(expected, Counted.of(n, "entry", "entries"));
  }
}
