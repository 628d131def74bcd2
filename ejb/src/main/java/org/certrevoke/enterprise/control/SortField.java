package org.certrevoke.enterprise.control;

/** The columns the result table may be sorted by, each mapped to what the database sorts on (each indexed after the organisation). */
public enum SortField {
    NAME("c.holderSearchName"),
    EMAIL("c.holderSearchEmail"),
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
