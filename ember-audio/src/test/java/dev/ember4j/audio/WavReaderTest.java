/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    static byte[] wav(int format, int channels, int rate, int bits, byte[] data, boolean extraChunk) {
        int fmtSize = 16;
        int extra = extraChunk ? 8 + 5 + 1 : 0; // odd-sized LIST chunk plus pad byte
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + extra + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtSize).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extraChunk) b.put("LIST".getBytes()).putInt(5).put(new byte[] {1, 2, 3, 4, 5}).put((byte) 0);
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    @Test
    void readsPcm16MonoSkippingOtherChunks() throws IOException {
        byte[] data = {1, 0, (byte) 0xFF, (byte) 0xFF, 0, (byte) 0x80};
        WavReader.Pcm16 pcm = WavReader.parse(wav(1, 1, 16000, 16, data, true), "t.wav");
        assertEquals(16000, pcm.sampleRate());
        assertArrayEquals(new short[] {1, -1, -32768}, pcm.samples());
    }

    @Test
    void refusesOtherFormatsNamingWhatIsNeeded(@TempDir Path tmp) throws IOException {
        Path stereo = tmp.resolve("stereo.wav");
        Files.write(stereo, wav(1, 2, 44100, 16, new byte[8], false));
        IOException e = assertThrows(WavReader.WavFormatException.class, () -> WavReader.read(stereo, 16000));
        assertTrue(e.getMessage().contains("16-bit PCM stereo at 44100 Hz"), e.getMessage());
        assertTrue(e.getMessage().contains("need 16-bit PCM mono"), e.getMessage());
        assertTrue(e.getMessage().contains("stereo.wav"), e.getMessage());

        e = assertThrows(WavReader.WavFormatException.class,
                () -> WavReader.parse(wav(3, 1, 16000, 32, new byte[8], false), "f.wav"));
        assertTrue(e.getMessage().contains("32-bit IEEE float mono at 16000 Hz"), e.getMessage());

        Path rate = tmp.resolve("rate.wav");
        Files.write(rate, wav(1, 1, 8000, 16, new byte[8], false));
        e = assertThrows(WavReader.WavFormatException.class, () -> WavReader.read(rate, 16000));
        assertTrue(e.getMessage().contains("at 8000 Hz; need 16000 Hz"), e.getMessage());

        e = assertThrows(WavReader.WavFormatException.class,
                () -> WavReader.parse("ID3 not audio at all".getBytes(), "song.mp3"));
        assertTrue(e.getMessage().contains("an MP3 file"), e.getMessage());
        e = assertThrows(WavReader.WavFormatException.class, () -> WavReader.parse(new byte[3], "tiny"));
        assertTrue(e.getMessage().contains("not a RIFF/WAVE file"), e.getMessage());
    }
}
