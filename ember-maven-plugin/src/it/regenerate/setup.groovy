/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Copies the shared models and goldens into the cloned project (they are not committed with the plugin).
import java.nio.file.Files
import java.nio.file.Path

Path shared = Path.of(emberShared)
Path base = basedir.toPath()
def put = { String from, String to ->
    Path target = base.resolve(to)
    Files.createDirectories(target.parent)
    Files.write(target, Files.readAllBytes(shared.resolve(from)))
}
put('models/sine.tflite', 'src/main/tflite/sine.tflite')
put('models/speech.tflite', 'src/main/tflite/kws.tflite')
put('models/sine.tflite', 'replacement/kws.tflite')
put('samples/sine_sweep.input.bin', 'src/test/resources/sine_sweep.input.bin')
put('samples/sine_sweep.expected.bin', 'src/test/resources/sine_sweep.expected.bin')
put('samples/speech_yes.input.bin', 'src/test/resources/speech_yes.input.bin')
put('samples/speech_yes.expected.bin', 'src/test/resources/speech_yes.expected.bin')
return true
