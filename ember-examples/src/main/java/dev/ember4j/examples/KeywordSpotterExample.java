/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.audio.WavReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Listens to a long WAV file (16-bit PCM mono 16 kHz) and prints the words the speech model hears, with times.
 * Arguments: [WAV] [speech.tflite]. Without a WAV it makes one from the shared samples: 0.5 s silence, yes.wav,
 * 1 s silence, no.wav, 1 s silence.
 */
public final class KeywordSpotterExample {
    private KeywordSpotterExample() {}

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(System.getProperty("ember.shared", "../shared"));
        Path model = args.length > 1 ? Path.of(args[1]) : shared.resolve("models/speech.tflite");
        short[] pcm = args.length > 0 ? WavReader.read(Path.of(args[0]), 16000).samples()
                : yesSilenceNo(shared.resolve("samples"));
        KeywordSpotter spotter = KeywordSpotter.forSpeechModel(Files.readAllBytes(model), 1);
        // Feed it as a microphone would: 100 ms at a time.
        for (int off = 0; off < pcm.length; off += 1600) spotter.push(pcm, off, Math.min(1600, pcm.length - off));
        System.out.printf("%.2f s of audio%n", pcm.length / 16000.0);
        for (KeywordSpotter.Detection d : spotter.detections()) System.out.println("heard " + d);
    }

    /** 0.5 s silence, yes.wav, 1 s silence, no.wav, 1 s silence. */
    static short[] yesSilenceNo(Path samples) throws IOException {
        short[] yes = WavReader.read(samples.resolve("yes.wav"), 16000).samples();
        short[] no = WavReader.read(samples.resolve("no.wav"), 16000).samples();
        short[] out = new short[8000 + yes.length + 16000 + no.length + 16000];
        System.arraycopy(yes, 0, out, 8000, yes.length);
        System.arraycopy(no, 0, out, 8000 + yes.length + 16000, no.length);
        return out;
    }
}
