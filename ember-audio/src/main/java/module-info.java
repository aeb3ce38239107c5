/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** The TensorFlow Lite Micro speech front end (bit-exact feature frames from 16 kHz audio) and a WAV reader. */
module dev.ember4j.audio {
    exports dev.ember4j.audio;
}
