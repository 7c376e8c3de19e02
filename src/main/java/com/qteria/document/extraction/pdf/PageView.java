package com.qteria.document.extraction.pdf;

/**
 * Maps PDF user space (crop box at the origin, y up) to the page as displayed: /Rotate applied, origin top-left,
 * coordinates as fractions of the displayed width and height.
 */
record PageView(int rotation, float width, float height) {

    static PageView of(int rotation, float width, float height) {
        int normalized = ((rotation % 360) + 360) % 360;
        return new PageView(normalized % 90 == 0 ? normalized : 0, Math.max(width, 1), Math.max(height, 1));
    }

    float displayX(float x, float y) {
        return switch (rotation) {
            case 90 -> y / height;
            case 180 -> (width - x) / width;
            case 270 -> (height - y) / height;
            default -> x / width;
        };
    }

    float displayY(float x, float y) {
        return switch (rotation) {
            case 90 -> x / width;
            case 180 -> y / height;
            case 270 -> (width - x) / width;
            default -> (height - y) / height;
        };
    }
}
