package org.certrevoke.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table's rows fetched a page at a time in a fixed order: the table says which page, the source (a
 * backing bean that calls its boundary) reads it from the database.
 */
public class LazyRows<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Where the rows come from. */
    public interface Source<T> extends Serializable {

        long count();

        List<T> page(int first, int pageSize);

        String key(T row);
    }

    private final Source<T> source;

    public LazyRows(Source<T> source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, source.count());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return source.page(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return source.key(row);
    }

    @Override
    public T getRowData(String rowKey) {
        return getWrappedData() == null ? null
                : getWrappedData().stream().filter(row -> source.key(row).equals(rowKey)).findFirst().orElse(null);
    }
}
