package dev.ember4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Column-aligned plain-text table: columns marked numeric are right-aligned, the others left-aligned;
 * the last column is never padded (it may hold long free text).
 */
final class TextTable {
    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** @param columns header names; a leading '>' marks a right-aligned column (the '>' is not printed) */
    TextTable(String... columns) {
        headers = new String[columns.length];
        right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            headers[i] = right[i] ? columns[i].substring(1) : columns[i];
        }
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.length);
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(r);
        return this;
    }

    int rowCount() {
        return rows.size();
    }

    void print(PrintWriter out, String indent) {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        line(out, indent, headers, width);
        for (String[] r : rows) {
            line(out, indent, r, width);
        }
    }

    private void line(PrintWriter out, String indent, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String c = cells[i];
            int gap = width[i] - c.length();
            if (right[i]) {
                sb.append(" ".repeat(gap)).append(c);
            } else {
                sb.append(c);
                if (!last) {
                    sb.append(" ".repeat(gap));
                }
            }
            if (!last) {
                sb.append("  ");
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
