package org.gawah.cli;

import org.gawah.Message;

/**
 * The lines of a report on stdout ({@code verify}, {@code doctor}): a label, such as "signer"
 * or "ok", in a column as wide as the longest label of the report in the run's language, then
 * its value. Laid out by {@link Table}, so that a Dari or Pashto label and value, each isolated,
 * keep the report's two columns on a terminal that applies the bidirectional algorithm, and a
 * long label (دفتر زنجیرهٔ نگهداری) widens the column instead of pushing one line out of it.
 */
final class ReportLines {
    private final Terminal terminal;
    private final String indent;
    private final Table table;

    /** {@code labels}: every label the report may show, to size the column. */
    ReportLines(Terminal terminal, int indent, Message... labels) {
        this.terminal = terminal;
        this.indent = " ".repeat(indent);
        int width = 0;
        for (Message label : labels) {
            width = Math.max(width, Columns.width(Table.cell(label)));
        }
        this.table = new Table(width, 0);
    }

    /** One line: its label, and its value (words of the program, or text from outside). */
    void line(Message label, Object value) {
        terminal.line(indent + table.row(label, value));
    }

    /** A line that goes on under the value column, without a label. */
    void more(Object value) {
        terminal.line(indent + table.row("", value));
    }
}
