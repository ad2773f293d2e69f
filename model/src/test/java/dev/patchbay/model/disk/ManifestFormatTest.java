package dev.patchbay.model.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestFormatTest {
  private static final String HASH = "a".repeat(64);

  private static BundleManifest parse(String json) throws ManifestException {
    return ManifestFormat.parse(json.getBytes(StandardCharsets.UTF_8), "m.json");
  }

  private static String withImage(String path) {
    return "{\"format\":\"patchbay-bundle\",\"version\":1,\"topology\":\"lab.json\",\"images\":[{\"path\":\""
        + path + "\",\"size\":3,\"sha256\":\"" + HASH + "\",\"included\":true}]}";
  }

  @Test
  void aManifestRoundTrips() throws Exception {
    BundleManifest m = BundleManifest.of("lab.json", List.of(new BundleManifest.Image("images/a.img", 3, HASH, false)));
    assertEquals(m, parse(ManifestFormat.write(m)));
    assertTrue(ManifestFormat.write(m).contains("\"format\" : \"patchbay-bundle\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil.img", "/etc/passwd", "a/../../b", "a//b", "./a", "c:\\\\x", "a\\\\b"})
  void pathsLeavingTheFolderAreRefused(String path) {
    ManifestException e = assertThrows(ManifestException.class, () -> parse(withImage(path)));
    assertTrue(e.getMessage().startsWith("m.json: images[0]: path"), e.getMessage());
  }

  @Test
  void aNewerVersionIsRefusedNamingIt() {
    ManifestException e = assertThrows(ManifestException.class,
        () -> parse(withImage("a.img").replace("\"version\":1", "\"version\":2")));
    assertTrue(e.getMessage().contains("manifest version 2"), e.getMessage());
  }

  @Test
  void aBadHashOrAnotherFormatIsRefused() {
    assertThrows(ManifestException.class, () -> parse(withImage("a.img").replace(HASH, "xyz")));
    assertThrows(ManifestException.class, () -> parse(withImage("a.img").replace("patchbay-bundle", "zip")));
    assertThrows(ManifestException.class, () -> parse(withImage("a.img").replace("lab.json", "../lab.json")));
    assertThrows(ManifestException.class, () -> parse("not json"));
  }
}
