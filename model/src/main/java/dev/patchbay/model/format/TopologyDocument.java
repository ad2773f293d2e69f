package dev.patchbay.model.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import java.util.List;
import java.util.Map;

/** The file's shape, field for field, in the order fields are written. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"format", "version", "minor", "name", "description", "seed", "host", "elements", "links", "layout", "notes"})
record TopologyDocument(
    String format,
    Integer version,
    Integer minor,
    String name,
    String description,
    String seed,
    HostSettings host,
    List<Element> elements,
    List<Link> links,
    Map<String, Point> layout,
    List<Note> notes) {}
