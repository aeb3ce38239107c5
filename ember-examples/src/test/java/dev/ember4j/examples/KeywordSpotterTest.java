/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordSpotterTest {
    static Path shared() {
        return Path.of(System.getProperty("ember.shared", "../../shared")).toAbsolutePath().normalize();
    }

    @Test
    void hearsYesThenNoInALongWav() throws IOException {
        short[] pcm = KeywordSpotterExample.yesSilenceNo(shared().resolve("samples"));
        KeywordSpotter spotter = KeywordSpotter.forSpeechModel(
                Files.readAllBytes(shared().resolve("models/speech.tflite")), 1);
        for (int off = 0; off < pcm.length; off += 999) spotter.push(pcm, off, Math.min(999, pcm.length - off));
        List<KeywordSpotter.Detection> words = spotter.detections().stream()
                .filter(d -> d.label().equals("yes") || d.label().equals("no")).toList();
        spotter.detections().forEach(d -> System.out.println("KeywordSpotterTest: heard " + d));
        assertEquals(List.of("yes", "no"), words.stream().map(KeywordSpotter.Detection::label).toList(),
                spotter.detections().toString());
        // "yes" is heard during or just after its second (0.5-1.5 s), "no" after 2.5 s.
        long yesAt = words.get(0).timeMs(), noAt = words.get(1).timeMs();
        assertEquals(true, yesAt >= 500 && yesAt <= 2500, "yes at " + yesAt);
        assertEquals(true, noAt >= 2500 && noAt <= 4500, "no at " + noAt);
    }

    @Test
    void recognizerAveragesAndSuppresses() {
        RecognizeCommands rc = new RecognizeCommands(4);
        byte[] yes = {-128, -128, 127, -128};
        assertEquals(false, rc.process(yes, 0).isNewCommand);
        assertEquals(false, rc.process(yes, 100).isNewCommand);   // 2 results < minimum 3
        assertEquals(false, rc.process(yes, 200).isNewCommand);   // spans 200 ms < 250 ms
        RecognizeCommands.Result r = rc.process(yes, 300);
        assertEquals(true, r.isNewCommand);
        assertEquals(2, r.label);
        assertEquals(255, r.score);
        for (int t = 400; t <= 1800; t += 100) {
            assertEquals(false, rc.process(yes, t).isNewCommand, "same word within 1500 ms is suppressed: " + t);
        }
        assertEquals(true, rc.process(yes, 1900).isNewCommand);   // 1600 ms after the last report
    }
}
