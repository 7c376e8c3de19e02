package com.qteria.shared;

/**
 * Makes text safe to put in a CSV cell that a spreadsheet will open: a cell starting with a character a spreadsheet
 * reads as the start of a formula ({@code = + - @}, tab, carriage return) gets a leading apostrophe, so it is shown
 * as text and never run (CSV formula injection).
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** {@code value}, with an apostrophe before it when a spreadsheet would take it for a formula; null stays null. */
    public static String safe(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
