/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageInputTest {
    @TempDir
    Path tmp;

    static Path shared() {
        return Path.of(System.getProperty("ember.shared", "../../shared"));
    }

    static Interpreter person() {
        return Interpreter.builder(shared().resolve("models/person_detect.tflite")).backend("ref").build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"person", "no_person"})
    void personBmpGivesThePersonInputBytesAndOutput(String name) throws IOException {
        Path samples = shared().resolve("samples");
        try (Interpreter it = person()) {
            Tensor in = it.input(0);
            ImageInput.fill(in, ImageInput.read(samples.resolve(name + ".bmp")), PixelConvention.BYTES);
            byte[] got = new byte[in.byteSize()];
            in.copyTo(got);
            assertArrayEquals(Files.readAllBytes(samples.resolve(name + ".input.bin")), got);
            it.invoke();
            byte[] out = new byte[it.output(0).byteSize()];
            it.output(0).copyTo(out);
            assertArrayEquals(Files.readAllBytes(samples.resolve(name + ".expected.bin")), out);
        }
    }

    @Test
    void theOtherConventionsMapPixelsAsDocumented() throws IOException {
        BufferedImage img = ImageInput.read(shared().resolve("samples/person.bmp"));
        int[] px = ImageInput.pixels(img, 96, 96, 1);
        try (Interpreter it = person()) {
            Tensor in = it.input(0); // scale 1/127.5, zero point -1
            byte[] got = new byte[in.byteSize()];

            ImageInput.fill(in, img, PixelConvention.MINUS_128);
            in.copyTo(got);
            for (int i = 0; i < px.length; i++) assertEquals(px[i] - 128, got[i]);

            ImageInput.fill(in, img, PixelConvention.SYMMETRIC);
            in.copyTo(got);
            for (int i = 0; i < px.length; i++) {
                float real = px[i] / 127.5f - 1f;
                long q = Math.max(-128, Math.min(127, roundHalfAway(real / in.scale()) + in.zeroPoint()));
                assertEquals(q, got[i], "pixel " + px[i]);
            }

            ImageInput.fill(in, img, PixelConvention.UNIT);
            in.copyTo(got);
            for (int i = 0; i < px.length; i++) {
                float real = px[i] / 255f;
                long q = Math.max(-128, Math.min(127, roundHalfAway(real / in.scale()) + in.zeroPoint()));
                assertEquals(q, got[i], "pixel " + px[i]);
            }
        }
        // Spot values: symmetric 0 -> -1.0 -> -127.5 rounds away to -128, + zp -1 -> clamped -128; 255 -> 1.0 -> 127.5 -> 128 - 1 = 127.
        assertEquals(-1f, PixelConvention.SYMMETRIC.real(0));
        assertEquals(1f, PixelConvention.SYMMETRIC.real(255));
        assertEquals(1f, PixelConvention.UNIT.real(255));
    }

    private static long roundHalfAway(float x) {
        return (long) (x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5));
    }

    @Test
    void sameSizeIsNotResampledAndBilinearUsesHalfPixelCenters() {
        BufferedImage g = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        g.getRaster().setSample(0, 0, 0, 0);
        g.getRaster().setSample(1, 0, 0, 100);
        g.getRaster().setSample(0, 1, 0, 200);
        g.getRaster().setSample(1, 1, 0, 40);
        assertArrayEquals(new int[] {0, 100, 200, 40}, ImageInput.pixels(g, 2, 2, 1));
        // 2x2 -> 4x4: source coordinates -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
        int[] r = ImageInput.pixels(g, 4, 4, 1);
        assertEquals(0, r[0]);
        assertEquals(25, r[1]);           // 0.75*0 + 0.25*100
        assertEquals(75, r[2]);           // 0.25*0 + 0.75*100
        assertEquals(100, r[3]);
        assertEquals(200, r[12]);
        assertEquals(40, r[15]);
        // (1,1): y 0.25, x 0.25: top 25, bottom 0.75*200+0.25*40 = 160; 0.75*25 + 0.25*160 = 58.75 -> 59
        assertEquals(59, r[5]);
        // 4x4 -> 2x2 samples at 0.5, 2.5: averages of 2x2 blocks
        BufferedImage big = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 16; i++) big.getRaster().setSample(i % 4, i / 4, 0, i * 10);
        assertArrayEquals(new int[] {25, 45, 105, 125}, ImageInput.pixels(big, 2, 2, 1));
    }

    @Test
    void grayImagesKeepTheirSamplesAndRgbUsesIntegerLuma() throws IOException {
        // TYPE_BYTE_GRAY is a linear gray color space: getRGB would change the values; samples are taken as stored.
        BufferedImage g = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        g.getRaster().setSample(0, 0, 0, 10);
        g.getRaster().setSample(1, 0, 0, 128);
        g.getRaster().setSample(2, 0, 0, 250);
        Path png = tmp.resolve("g.png");
        ImageIO.write(g, "png", png.toFile());
        BufferedImage back = ImageInput.read(png);
        assertArrayEquals(new int[] {10, 128, 250}, ImageInput.pixels(back, 1, 3, 1));
        assertArrayEquals(new int[] {10, 10, 10, 128, 128, 128, 250, 250, 250}, ImageInput.pixels(back, 1, 3, 3));

        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff8040);
        rgb.setRGB(1, 0, 0x7f7f7f);
        assertArrayEquals(new int[] {255, 128, 64, 127, 127, 127}, ImageInput.pixels(rgb, 1, 2, 3));
        assertArrayEquals(new int[] {(77 * 255 + 150 * 128 + 29 * 64 + 128) >> 8, 127}, ImageInput.pixels(rgb, 1, 2, 1));
        for (int p = 0; p < 256; p++) assertEquals(p, ImageInput.luma(p, p, p));

        // 16-bit gray PNG: round(v * 255 / 65535)
        BufferedImage g16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(0, 0, 0, 65535);
        g16.getRaster().setSample(1, 0, 0, 257 * 100 + 128);
        assertArrayEquals(new int[] {255, 100}, ImageInput.pixels(g16, 1, 2, 1));
    }

    @Test
    void errorsSayWhatIsWrong() throws IOException {
        Path notImage = tmp.resolve("x.png");
        Files.writeString(notImage, "hello");
        IOException e = assertThrows(IOException.class, () -> ImageInput.read(notImage));
        assertTrue(e.getMessage().contains("x.png"), e.getMessage());
        try (Interpreter it = Interpreter.builder(shared().resolve("models/speech.tflite")).build()) {
            IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                    () -> ImageInput.fill(it.input(0), new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), PixelConvention.BYTES));
            assertTrue(a.getMessage().contains("not an image input"), a.getMessage());
        }
        assertEquals(PixelConvention.MINUS_128, PixelConvention.parse("minus128"));
        assertThrows(IllegalArgumentException.class, () -> PixelConvention.parse("raw"));
    }
}
