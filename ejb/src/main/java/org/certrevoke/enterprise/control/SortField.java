package org.certrevoke.enterprise.control;

/** The columns the result table may be sorted by, each mapped to the certificate column it sorts on (indexed after the organisation). */
public enum SortField {
    NAME("holder_search_name"),
    EMAIL("holder_search_email"),
    SERIAL("serial"),
    NOT_AFTER("not_after"),
    STATE("revoked");

    private final String column;

    SortField(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
