/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Audio front end: {@link dev.ember4j.audio.MicroFrontend}, a bit-exact port of the TensorFlow Lite Micro
 * speech feature generator (windowing, fixed-point FFT, filterbank, noise reduction, gain control, log
 * scale) configured by {@link dev.ember4j.audio.FrontendConfig}, and {@link dev.ember4j.audio.WavReader}
 * for 16-bit PCM WAV files.
 */
package dev.ember4j.audio;
