package dev.patchbay.app.designer.properties;

/** The value types of the property panel; each has its own editor class and its own check. */
public enum EditorKind {
  TEXT, NAME, IFNAME, CIDR, CIDR_OPTIONAL, ADDRESS_OPTIONAL, ADDRESS_LIST, MAC, INT, INT_OPTIONAL, BOOL,
  NIC_MODEL, CHOICE, HOSTFWD
}
