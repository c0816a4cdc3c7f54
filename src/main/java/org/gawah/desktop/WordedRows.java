package org.gawah.desktop;

import java.util.List;
import java.util.function.Function;

import javax.swing.table.AbstractTableModel;

import org.gawah.Message;

/**
 * A table's rows, each a {@code T}: the columns' names are words of the bundle, said again in the
 * window's language each time the table asks; each cell is what its column's function makes of the
 * row (through the display path, where the value comes from outside: the function's to do).
 */
final class WordedRows<T> extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private final Message[] columns;
    private final transient List<Function<T, Object>> cells;
    private transient List<T> shown = List.of();

    /** One function a column, in the columns' order. */
    @SafeVarargs
    WordedRows(Message[] columns, Function<T, Object>... cells) {
        if (cells.length != columns.length) {
            throw new IllegalArgumentException(columns.length + " columns, " + cells.length + " cells");
        }
        this.columns = columns.clone();
        this.cells = List.of(cells);
    }

    /** Shows these rows, in order. */
    void show(List<T> rows) {
        shown = List.copyOf(rows);
        fireTableDataChanged();
    }

    /** The rows shown. */
    List<T> shown() {
        return shown;
    }

    @Override
    public int getRowCount() {
        return shown.size();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public String getColumnName(int column) {
        return columns[column].render();
    }

    @Override
    public Object getValueAt(int r, int column) {
        return cells.get(column).apply(shown.get(r));
    }
}
