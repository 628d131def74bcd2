package org.certrevoke.enterprise.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.certrevoke.enterprise.control.CertificateRow;
import org.certrevoke.enterprise.control.SortField;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The result table's rows, fetched a page at a time: paging and sorting are done by the database,
 * the table only says which page and which column. One model per search: the count is taken once,
 * when the search is made, and kept for every page and sort of it. Columns are known by their id
 * (see {@link SortField}); anything else sorts by name.
 */
public class CertificateRows extends LazyDataModel<CertificateRow> {

    private static final long serialVersionUID = 1L;

    /** Where the rows come from: the backing bean, which knows who asks and for what. */
    public interface Source extends Serializable {

        List<CertificateRow> page(int first, int pageSize, SortField sort, boolean ascending);
    }

    private final Source source;
    private final int total;

    public CertificateRows(Source source, long total) {
        this.source = source;
        this.total = (int) Math.min(Integer.MAX_VALUE, total);
        setRowCount(this.total);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return total;
    }

    @Override
    public List<CertificateRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortField field = SortField.NAME;
        boolean ascending = true;
        for (SortMeta sort : sortBy.values()) {
            field = field(sort.getColumnKey());
            ascending = sort.getOrder() != SortOrder.DESCENDING;
        }
        return source.page(first, pageSize, field, ascending);
    }

    @Override
    public String getRowKey(CertificateRow row) {
        return row.serial();
    }

    @Override
    public CertificateRow getRowData(String rowKey) {
        return null;
    }

    private static SortField field(String columnKey) {
        String id = columnKey == null ? "" : columnKey.substring(columnKey.lastIndexOf(':') + 1);
        return switch (id) {
            case "email" -> SortField.EMAIL;
            case "serial" -> SortField.SERIAL;
            case "validity" -> SortField.NOT_AFTER;
            case "state" -> SortField.STATE;
            default -> SortField.NAME;
        };
    }
}
