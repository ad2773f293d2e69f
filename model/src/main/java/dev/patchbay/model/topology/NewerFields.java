package dev.patchbay.model.topology;

import java.util.List;

/**
 * Fields that a newer minor version of the file format wrote and this version does not know. They
 * are kept as they were and written back in the same place on save, so opening and saving a
 * colleague's newer file loses nothing; the design itself never reads them.
 *
 * @param minor the file's minor version, written back with the fields so a reader knows they are new
 * @param fields in file order
 */
public record NewerFields(int minor, List<Field> fields) {
  public static final NewerFields NONE = new NewerFields(0, List.of());

  public NewerFields {
    fields = List.copyOf(fields);
  }

  /**
   * One field and where it belongs, by what holds it rather than by list position, so edits that
   * reorder or remove other elements do not move it.
   *
   * @param owner "" (the file's top), "host", "element:ID", "link:ID", "note:ID" or "layout:ID"
   * @param path JSON pointer inside the owner to the object holding the field ("" for the owner itself)
   * @param name the field's name
   * @param after the field before it in that object (null when it came first)
   * @param json its value as JSON text
   * @param where its JSON pointer in the file it was read from, for messages
   */
  public record Field(String owner, String path, String name, String after, String json, String where) {}

  public boolean isEmpty() {
    return fields.isEmpty();
  }
}
