package org.certrevoke.registry.api;

/** Spaces around a value are how it was typed or copied, not part of it; the records drop them. */
final class Trimmed {

    private Trimmed() {
    }

    static String of(String value) {
        return value == null ? null : value.strip();
    }
}
