package dev.patchbay.model.topology;

/** A free-text note placed on the canvas, saved with the file so colleagues see it. */
public record Note(String id, String text, double x, double y) {}
