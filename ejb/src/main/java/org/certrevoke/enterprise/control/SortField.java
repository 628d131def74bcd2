package org.certrevoke.enterprise.control;

/** The columns the result table may be sorted by, each mapped to what the database sorts on. */
public enum SortField {
    NAME("h.searchName"),
    EMAIL("h.searchEmail"),
    SERIAL("c.serial"),
    NOT_AFTER("c.notAfter"),
    STATE("c.revoked");

    private final String path;

    SortField(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
