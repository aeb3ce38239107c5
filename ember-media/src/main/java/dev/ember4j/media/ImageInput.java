/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.media;

import dev.ember4j.core.TensorType;
import dev.ember4j.runtime.Tensor;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Images into image input tensors, in three documented steps:
 *
 * <ol>
 *   <li><b>Channels.</b> For a 1-channel tensor every pixel becomes one gray value 0..255: an image
 *       whose color space is gray (8-bit gray PNG, gray JPEG) gives its stored samples as they are
 *       (16-bit samples scaled as {@code round(v * 255 / 65535)}, 1/2/4-bit ones as {@code round(v * 255 /
 *       (2^bits - 1))}); any other image (RGB, palette, including a gray palette as in 8-bit BMPs) is
 *       read as sRGB {@code (r, g, b)} and converted with the integer BT.601 luma
 *       {@code (77 r + 150 g + 29 b + 128) >> 8}, which gives {@code p} for {@code r = g = b = p}. For a
 *       3-channel tensor the channels are sRGB {@code r, g, b} in that order (a gray image repeats its
 *       gray value). Alpha is ignored.</li>
 *   <li><b>Size.</b> If the image is not the tensor's height x width it is resized per channel with
 *       bilinear interpolation on half-pixel centers (TensorFlow's {@code resize_bilinear} with
 *       {@code half_pixel_centers=True}): output pixel {@code x} samples the source at
 *       {@code (x + 0.5) * srcW / dstW - 0.5}, clamped to the image, and the result is rounded half up to
 *       an integer 0..255. When the size already matches, the pixels are used as they are.</li>
 *   <li><b>Values.</b> Each pixel {@code p} becomes a tensor value with a {@link PixelConvention}.</li>
 * </ol>
 *
 * The tensor must be NHWC {@code [1, H, W, C]} or {@code [H, W, C]} with
 * {@code C} 1 or 3, of type INT8, UINT8, INT16 or FLOAT32. Values are written row by row, top row first.
 */
public final class ImageInput {
    private ImageInput() {}

    /** Height, width and channels of an image input tensor. */
    public record Layout(int height, int width, int channels) {}

    /**
     * Reads a PNG, JPEG, BMP or GIF (any format {@code javax.imageio} has a reader for).
     *
     * @throws IOException when the file cannot be read or is not an image {@code javax.imageio} can decode
     */
    public static BufferedImage read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a readable image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new IOException(file + " is not an image format javax.imageio can read (PNG, JPEG, BMP, GIF)");
        }
        return img;
    }

    /** The height, width and channels an input tensor takes, or an IllegalArgumentException saying why not. */
    public static Layout layout(Tensor t) {
        int[] s = t.shape();
        Layout l = switch (s.length) {
            case 4 -> s[0] == 1 ? new Layout(s[1], s[2], s[3]) : null;
            case 3 -> new Layout(s[0], s[1], s[2]);
            default -> null;
        };
        if (l == null || (l.channels() != 1 && l.channels() != 3) || l.height() < 1 || l.width() < 1) {
            throw new IllegalArgumentException("tensor " + describe(t) + " is not an image input: expected [1, H, W, C]"
                    + " or [H, W, C] with C = 1 (gray) or 3 (RGB)");
        }
        TensorType type = t.type();
        if (type != TensorType.INT8 && type != TensorType.UINT8 && type != TensorType.INT16 && type != TensorType.FLOAT32) {
            throw new IllegalArgumentException("tensor " + describe(t) + " is not an image input: type " + type
                    + " (expected INT8, UINT8, INT16 or FLOAT32)");
        }
        return l;
    }

    /**
     * The image's pixels for a {@code height x width x channels} tensor: channel conversion, then
     * resizing (steps 1 and 2 above), as values 0..255 in row-major HWC order.
     */
    public static int[] pixels(BufferedImage image, int height, int width, int channels) {
        Objects.requireNonNull(image, "image");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("height and width must be >= 1, got " + height + "x" + width);
        }
        int[] src = channels(image, channels);
        int sh = image.getHeight();
        int sw = image.getWidth();
        if (sh == height && sw == width) {
            return src;
        }
        return resizeBilinear(src, sh, sw, height, width, channels);
    }

    /** Fills an image input tensor from an image: {@link #pixels} then the convention (see the class comment). */
    public static void fill(Tensor tensor, BufferedImage image, PixelConvention convention) {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(convention, "convention");
        Layout l = layout(tensor);
        int[] px = pixels(image, l.height(), l.width(), l.channels());
        write(tensor, px, convention);
    }

    /** Writes pixel values 0..255 (exactly the tensor's element count) into the tensor with a convention. */
    public static void write(Tensor tensor, int[] pixels, PixelConvention convention) {
        if (pixels.length != tensor.elementCount()) {
            throw new IllegalArgumentException("tensor " + describe(tensor) + " holds " + tensor.elementCount()
                    + " values, got " + pixels.length + " pixels");
        }
        TensorType type = tensor.type();
        if (convention.quantized() || type == TensorType.FLOAT32) {
            if (convention.quantized() && type != TensorType.FLOAT32 && !(tensor.scale() > 0)) {
                throw new IllegalArgumentException("tensor " + describe(tensor) + " has no quantization scale: the "
                        + convention.cliName() + " convention needs one");
            }
            float[] v = new float[pixels.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = convention.real(pixels[i]);
            }
            tensor.quantize(v);
            return;
        }
        if (convention == PixelConvention.MINUS_128 && type == TensorType.UINT8) {
            throw new IllegalArgumentException("tensor " + describe(tensor) + " is UINT8: pixel - 128 does not fit;"
                    + " use the bytes, unit or symmetric convention");
        }
        int bias = convention == PixelConvention.MINUS_128 ? -128 : 0;
        byte[] out = new byte[tensor.byteSize()];
        if (type == TensorType.INT16) {
            for (int i = 0; i < pixels.length; i++) {
                int v = pixels[i] + bias;
                out[2 * i] = (byte) v;
                out[2 * i + 1] = (byte) (v >> 8);
            }
        } else {
            for (int i = 0; i < pixels.length; i++) {
                out[i] = (byte) (pixels[i] + bias); // INT8 bytes: (byte) p reinterprets, p - 128 fits exactly
            }
        }
        tensor.copyFrom(out);
    }

    /** Step 1: gray or RGB values 0..255 at the image's own size, row-major HWC. */
    static int[] channels(BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        int[] out = new int[h * w * channels];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        boolean gray = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && cm.getNumColorComponents() == 1 && !(cm instanceof java.awt.image.IndexColorModel);
        if (gray) {
            int bits = cm.getComponentSize(0);
            long max = (1L << bits) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    long s = raster.getSample(x, y, 0);
                    int v = bits == 8 ? (int) s : (int) ((s * 255 * 2 + max) / (2 * max)); // round(s * 255 / max)
                    for (int c = 0; c < channels; c++) {
                        out[(y * w + x) * channels + c] = v;
                    }
                }
            }
            return out;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                int at = (y * w + x) * channels;
                if (channels == 1) {
                    out[at] = luma(r, g, b);
                } else {
                    out[at] = r;
                    out[at + 1] = g;
                    out[at + 2] = b;
                }
            }
        }
        return out;
    }

    /** Integer BT.601 luma: {@code (77 r + 150 g + 29 b + 128) >> 8}; the weights sum to 256. */
    public static int luma(int r, int g, int b) {
        return (77 * r + 150 * g + 29 * b + 128) >> 8;
    }

    /** Step 2: bilinear resize on half-pixel centers, rounded half up, per channel. */
    static int[] resizeBilinear(int[] src, int sh, int sw, int dh, int dw, int channels) {
        int[] out = new int[dh * dw * channels];
        double sy = (double) sh / dh;
        double sx = (double) sw / dw;
        for (int y = 0; y < dh; y++) {
            double fy = Math.min(sh - 1, Math.max(0, (y + 0.5) * sy - 0.5));
            int y0 = (int) Math.floor(fy);
            int y1 = Math.min(y0 + 1, sh - 1);
            double wy = fy - y0;
            for (int x = 0; x < dw; x++) {
                double fx = Math.min(sw - 1, Math.max(0, (x + 0.5) * sx - 0.5));
                int x0 = (int) Math.floor(fx);
                int x1 = Math.min(x0 + 1, sw - 1);
                double wx = fx - x0;
                for (int c = 0; c < channels; c++) {
                    double top = src[(y0 * sw + x0) * channels + c] * (1 - wx) + src[(y0 * sw + x1) * channels + c] * wx;
                    double bottom = src[(y1 * sw + x0) * channels + c] * (1 - wx) + src[(y1 * sw + x1) * channels + c] * wx;
                    int v = (int) Math.floor(top * (1 - wy) + bottom * wy + 0.5);
                    out[(y * dw + x) * channels + c] = Math.max(0, Math.min(255, v));
                }
            }
        }
        return out;
    }

    private static String describe(Tensor t) {
        String name = t.name() == null || t.name().isEmpty() ? "" : "'" + t.name() + "' ";
        return name + t.type() + " " + Arrays.toString(t.shape());
    }
}
