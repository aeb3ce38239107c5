/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files holding 16-bit PCM mono audio (the front end's input). Anything else (other sample
 * formats, widths, channel counts or rates, or not a WAV file at all) is refused with a {@link WavFormatException}
 * that says what the file is and what is needed, with a conversion command line.
 */
public final class WavReader {
    private WavReader() {}

    /** PCM audio: 16-bit samples, one channel. */
    public record Pcm16(int sampleRate, short[] samples) {
        /** Duration in seconds. */
        public double seconds() {
            return samples.length / (double) sampleRate;
        }
    }

    /** The file is not a WAV file of the kind needed. */
    public static final class WavFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        public WavFormatException(String message) {
            super(message);
        }
    }

    /** Reads a 16-bit PCM mono WAV file of the given sample rate. */
    public static Pcm16 read(Path file, int requiredSampleRate) throws IOException {
        Pcm16 pcm = read(file);
        if (pcm.sampleRate() != requiredSampleRate) {
            throw new WavFormatException(file + ": WAV is 16-bit PCM mono at " + pcm.sampleRate()
                    + " Hz; need " + requiredSampleRate + " Hz. " + convertHint(file, requiredSampleRate));
        }
        return pcm;
    }

    /** Reads a 16-bit PCM mono WAV file (any sample rate). */
    public static Pcm16 read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses WAV bytes; {@code name} is used in error messages. */
    public static Pcm16 parse(byte[] bytes, String name) throws WavFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0, "RIFF") || !tag(bytes, 8, "WAVE")) {
            String what = bytes.length >= 4 && tag(bytes, 0, "RIFX") ? "a big-endian RIFX file"
                    : bytes.length >= 4 && tag(bytes, 0, "fLaC") ? "a FLAC file"
                    : bytes.length >= 4 && tag(bytes, 0, "OggS") ? "an Ogg file"
                    : bytes.length >= 3 && tag(bytes, 0, "ID3") ? "an MP3 file"
                    : "not a RIFF/WAVE file (" + bytes.length + " bytes)";
            throw new WavFormatException(name + ": " + what + "; need a WAV file with 16-bit PCM mono. "
                    + convertHint(name, 16000));
        }
        int format = -1, channels = 0, sampleRate = 0, bits = 0;
        int dataOffset = -1, dataLength = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > bytes.length) {
                    throw new WavFormatException(name + ": WAV 'fmt ' chunk is truncated (" + size + " bytes)");
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                sampleRate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == 0xFFFE && size >= 40 && body + 26 <= bytes.length) {
                    format = b.getShort(body + 24) & 0xFFFF; // WAVE_FORMAT_EXTENSIBLE: the subformat GUID's first 2 bytes
                }
            } else if (id.equals("data")) {
                dataOffset = body;
                // Streams written while recording may leave the size unset or too large: take what is there.
                dataLength = (int) Math.min(size, bytes.length - body);
                break;
            }
            pos = (int) Math.min((long) body + size + (size & 1), Integer.MAX_VALUE);
        }
        if (format < 0) throw new WavFormatException(name + ": WAV file has no 'fmt ' chunk");
        if (format != 1 || bits != 16 || channels != 1) {
            throw new WavFormatException(name + ": WAV is " + describe(format, bits, channels, sampleRate)
                    + "; need 16-bit PCM mono. " + convertHint(name, sampleRate > 0 ? sampleRate : 16000));
        }
        if (dataOffset < 0) throw new WavFormatException(name + ": WAV file has no 'data' chunk");
        short[] samples = new short[dataLength / 2];
        for (int i = 0; i < samples.length; i++) samples[i] = b.getShort(dataOffset + 2 * i);
        return new Pcm16(sampleRate, samples);
    }

    private static boolean tag(byte[] bytes, int at, String tag) {
        for (int i = 0; i < tag.length(); i++) {
            if (bytes[at + i] != tag.charAt(i)) return false;
        }
        return true;
    }

    private static String describe(int format, int bits, int channels, int sampleRate) {
        String kind = switch (format) {
            case 1 -> bits + "-bit PCM";
            case 3 -> bits + "-bit IEEE float";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 2 -> "ADPCM";
            case 0x11 -> "IMA ADPCM";
            case 0x55 -> "MP3";
            default -> "format 0x" + Integer.toHexString(format) + " (" + bits + "-bit)";
        };
        String ch = channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels";
        return kind + " " + ch + " at " + sampleRate + " Hz";
    }

    private static String convertHint(Object name, int rate) {
        return "Convert with e.g.: sox " + name + " -r " + rate + " -c 1 -b 16 -e signed-integer out.wav"
                + " (or ffmpeg -i " + name + " -ar " + rate + " -ac 1 -c:a pcm_s16le out.wav)";
    }
}
