/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

String log = new File(basedir, 'build.log').text
String path = new File(basedir, 'src/main/tflite/nested/broken.tflite').canonicalPath
if (!log.contains('Ember: cannot compile model ' + path + ': ')) {
    throw new AssertionError('failure names the model: ' + path)
}
return true
