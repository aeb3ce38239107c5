/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Runs after the three invocations (their output is in build.log, in order).
import java.nio.file.Files

File base = basedir
String log = new File(base, 'build.log').text
def count = { String s -> log.split(java.util.regex.Pattern.quote(s), -1).length - 1 }
def check = { boolean ok, String what -> if (!ok) throw new AssertionError(what) }

// 1: both models generated, both golden tests passed.
check(log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0'), 'golden tests ran and passed')
// SineModel generated once only (invocation 1); KwsModel in invocations 1 and 3.
check(count('Ember: sine.tflite -> com.example.SineModel') == 1, 'SineModel generated exactly once')
check(count('Ember: kws.tflite -> com.example.KwsModel') == 2, 'KwsModel generated in invocations 1 and 3')
// 2: nothing regenerated, so the compiler had nothing to do.
check(count('Ember: 2 model(s) up to date, nothing generated') == 1, 'no-change rebuild regenerated nothing')
check(log.contains('Nothing to compile - all classes are up to date'), 'no-change rebuild recompiled nothing')
// 3: the replaced model's class has the new model's constants and was compiled.
check(count('Ember: generated 1 model(s), 1 up to date') == 1, 'only the replaced model regenerated')
File gen = new File(base, 'target/generated-sources/ember/com/example')
String kws = new File(gen, 'KwsModel.java').text
check(kws.contains('INPUT_LENGTH = 1;') && !kws.contains('INPUT_LENGTH = 1960;'), 'KwsModel has the sine constants')
File sine = new File(gen, 'SineModel.java')
check(sine.lastModified() < new File(gen, 'KwsModel.java').lastModified(), 'SineModel.java not rewritten')
File classes = new File(base, 'target/classes/com/example')
check(new File(classes, 'KwsModel.class').lastModified() >= new File(gen, 'KwsModel.java').lastModified(),
        'KwsModel recompiled')
check(Arrays.equals(new File(classes, 'KwsModel.weights').bytes,
        new File(base, 'target/generated-resources/ember/com/example/KwsModel.weights').bytes),
        'new weights on the class path')
return true
