package io.coherent.config;

/** A raw value as the user wrote it, with its origin. */
record Value(String text, Origin origin) {
}
