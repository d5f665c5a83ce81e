package dev.plimsoll.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object of an environment and the component or app it belongs to ({@code unit}, its directory). The object is the
 * resolved JSON tree; treat it as read-only.
 */
public record PlacedObject(String unit, ObjectNode object) {}
