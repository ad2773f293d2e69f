/**
 * Disk images of a design: where a guest's image is (DiskPaths), what the machine has of them
 * (DiskImages, filled by the caller) and the bundle manifest that lists them with size and hash.
 */
package dev.patchbay.model.disk;
