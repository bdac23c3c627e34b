package org.geoprospect.evaluate.chart;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Pixel scans of rendered charts. */
final class Pixels {
    private Pixels() {
    }

    /** How many pixels have exactly this colour. */
    static int count(BufferedImage image, Color colour) {
        int rgb = colour.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** How many pixels have a hue, i.e. are not a shade of grey from black to white. */
    static int coloured(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() != c.getGreen() || c.getGreen() != c.getBlue()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The smallest rectangle holding every pixel of exactly this colour, or an empty one when there is none. */
    static Rectangle bounds(BufferedImage image, Color colour) {
        int rgb = colour.getRGB() & 0xFFFFFF;
        Rectangle bounds = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    if (bounds == null) {
                        bounds = new Rectangle(x, y, 1, 1);
                    } else {
                        bounds.add(new Rectangle(x, y, 1, 1));
                    }
                }
            }
        }
        return bounds == null ? new Rectangle() : bounds;
    }

    /** Relative luminance in 0–1 of the pixel at (x, y). */
    static double luminance(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y));
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
