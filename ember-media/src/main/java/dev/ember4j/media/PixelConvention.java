/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.media;

import java.util.Locale;

/**
 * How 8-bit pixel values {@code p} (0..255, after resizing and the gray/RGB conversion) become an
 * input tensor's values. Each constant has a CLI name ({@code ember run --pixels NAME}).
 */
public enum PixelConvention {
    /**
     * {@code bytes}: the pixel byte as it is. An INT8 tensor gets {@code (byte) p}, i.e. the byte
     * reinterpreted as signed (200 becomes -56); UINT8, INT16 and FLOAT32 tensors get {@code p}. No
     * scale or zero point is applied. This is how {@code ../shared/samples/person.input.bin} and
     * {@code no_person.input.bin} were made from their BMPs.
     */
    BYTES("bytes"),
    /**
     * {@code minus128}: {@code p - 128} (-128..127) as an integer for INT8, INT16 and FLOAT32 tensors;
     * refused for UINT8. No scale or zero point is applied.
     */
    MINUS_128("minus128"),
    /** {@code unit}: the real value {@code p / 255} in [0, 1], quantized with the tensor's scale and zero point. */
    UNIT("unit"),
    /** {@code symmetric}: the real value {@code p / 127.5 - 1} in [-1, 1], quantized with the tensor's scale and zero point. */
    SYMMETRIC("symmetric");

    private final String cliName;

    PixelConvention(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line: bytes, minus128, unit, symmetric. */
    public String cliName() {
        return cliName;
    }

    /** The constant for a CLI name (case-insensitive), or for the enum constant's name. */
    public static PixelConvention parse(String name) {
        for (PixelConvention c : values()) {
            if (c.cliName.equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown pixel convention '" + name + "'; expected one of "
                + String.join(", ", java.util.Arrays.stream(values()).map(PixelConvention::cliName).toList()));
    }

    /** Whether the values are real numbers quantized with the tensor's scale and zero point. */
    public boolean quantized() {
        return this == UNIT || this == SYMMETRIC;
    }

    /** The real value of pixel {@code p} (for {@link #UNIT} and {@link #SYMMETRIC}). */
    public float real(int p) {
        return switch (this) {
            case UNIT -> p / 255f;
            case SYMMETRIC -> p / 127.5f - 1f;
            case BYTES -> p;
            case MINUS_128 -> p - 128;
        };
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
