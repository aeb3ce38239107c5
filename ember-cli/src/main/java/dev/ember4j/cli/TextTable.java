/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Column-aligned plain-text table: columns marked numeric are right-aligned, the others left-aligned;
 * the last column is never padded. Cells of a column given a {@linkplain #wrap maximum width} continue
 * on following lines, broken after a space, comma, semicolon or slash where possible, so that tables of
 * models with long operand lists, parameters or tensor names stay readable in a terminal.
 */
final class TextTable {
    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();
    private final int[] maxWidth;

    /** @param columns header names; a leading '>' marks a right-aligned column (the '>' is not printed) */
    TextTable(String... columns) {
        headers = new String[columns.length];
        right = new boolean[columns.length];
        maxWidth = new int[columns.length];
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

    /** Cells of {@code column} longer than {@code width} characters continue on following lines. */
    TextTable wrap(int column, int width) {
        if (width < 8) {
            throw new IllegalArgumentException("wrap width " + width + " is too small");
        }
        maxWidth[column] = width;
        return this;
    }

    /**
     * Wraps the last column so that lines stay within {@code lineWidth} characters, or gives it
     * {@code minWidth} where the other columns leave less.
     */
    TextTable fitLastColumn(int lineWidth, int minWidth, String indent) {
        int used = indent.length();
        for (int i = 0; i < headers.length - 1; i++) {
            used += columnWidth(i) + 2;
        }
        return wrap(headers.length - 1, Math.max(minWidth, lineWidth - used));
    }

    private int columnWidth(int i) {
        int w = headers[i].length();
        for (String[] r : rows) {
            w = Math.max(w, maxWidth[i] > 0 ? Math.min(maxWidth[i], r[i].length()) : r[i].length());
        }
        return w;
    }

    /** {@code text} in pieces of at most {@code width} characters, broken after a separator where possible. */
    static List<String> pieces(String text, int width) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = -1;
            for (String separators : new String[] {" ", ",;/"}) { // a space first: keeps [a,b] lists whole
                for (int k = width; cut < 0 && k > width / 3; k--) {
                    if (separators.indexOf(rest.charAt(k - 1)) >= 0) {
                        cut = k;
                    }
                }
            }
            if (cut < 0) {
                cut = width;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    int rowCount() {
        return rows.size();
    }

    void print(PrintWriter out, String indent) {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = columnWidth(i);
        }
        line(out, indent, headers, width);
        for (String[] r : rows) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < r.length; i++) {
                List<String> p = maxWidth[i] > 0 ? pieces(r[i], maxWidth[i]) : List.of(r[i]);
                cells.add(p);
                lines = Math.max(lines, p.size());
            }
            for (int k = 0; k < lines; k++) {
                String[] physical = new String[r.length];
                for (int i = 0; i < r.length; i++) {
                    List<String> p = cells.get(i);
                    physical[i] = k < p.size() ? p.get(k) : "";
                }
                line(out, indent, physical, width);
            }
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
