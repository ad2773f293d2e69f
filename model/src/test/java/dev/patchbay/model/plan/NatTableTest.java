package dev.patchbay.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each lab's NAT lives in its own nft table, named from the lab. */
class NatTableTest {
  private static final String FORTY = "a123456789-123456789-123456789-123456789";

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "nat-bridge", "lab-", "9-9", FORTY})
  void everyValidLabNameGivesAValidNftIdentifierWithPatchbaysPrefix(String lab) {
    String table = Planner.natTable(lab);
    assertTrue(table.matches("patchbay_[a-z0-9_]+") && table.length() <= 256, table);
    assertTrue(Planner.isNatTable(table));
  }

  @Test
  void differentLabsGetDifferentTables() {
    List<String> labs = List.of("a-b", "ab", "a-b-", "ab-", "a--b", "002-p2", "002p2", "0-02p2");
    Set<String> tables = new HashSet<>();
    labs.forEach(l -> tables.add(Planner.natTable(l)));
    assertEquals(labs.size(), tables.size(), tables.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-lab", "Lab", "lab_1", "lab;flush ruleset", "lab 1"})
  void namesThatAreNoLabNamesGetNoTable(String lab) {
    assertThrows(IllegalArgumentException.class, () -> Planner.natTable(lab));
  }

  @Test
  void patchbaysTablesAreRecognisedAndOthersAreNot() {
    assertTrue(Planner.isNatTable("patchbay"));
    assertTrue(Planner.isNatTable("patchbay_002_p2"));
    assertFalse(Planner.isNatTable("patchbayx"));
    assertFalse(Planner.isNatTable("filter"));
    assertFalse(Planner.isNatTable("patchbay_"));
  }

  @Test
  void aLabsPlanLoadsItsNatIntoItsOwnTable() {
    Plan plan = Planner.modern().forLab("two-labs").full(Samples.load("nat-bridge.json"));
    assertEquals(List.of("patchbay_two_labs"), plan.stepsOf(Step.LoadNat.class).stream().map(Step.LoadNat::table).toList());
  }
}
