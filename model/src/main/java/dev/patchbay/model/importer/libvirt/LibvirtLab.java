package dev.patchbay.model.importer.libvirt;

import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.topology.Topology;
import java.util.HashMap;
import java.util.Map;

/** A lab built from libvirt files: the shared builder, and the networks by name the domains join. */
final class LibvirtLab extends LabBuilder {
  final Map<String, LibvirtNetwork> networks = new HashMap<>();

  LibvirtLab(Topology topology) {
    super(topology);
  }
}
