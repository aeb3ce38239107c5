/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

/**
 * Parameters of the audio front end, named as in TensorFlow's {@code audio_microfrontend} op. Immutable; change a
 * value with the {@code with...} methods or a {@link Builder}.
 *
 * <p>Floating-point parameters are {@code float}s because the C library keeps them as {@code float}: its tables are
 * computed from the float values, and exactness depends on that.
 *
 * @param sampleRate           samples per second of the input PCM
 * @param windowSizeMs         analysis window length in milliseconds
 * @param windowStepMs         step between window starts in milliseconds
 * @param numChannels          filterbank channels (features per frame)
 * @param upperBandLimit       highest frequency of the filterbank, Hz
 * @param lowerBandLimit       lowest frequency of the filterbank, Hz
 * @param smoothingBits        noise estimate scale-up, bits
 * @param evenSmoothing        noise smoothing coefficient for even channels
 * @param oddSmoothing         noise smoothing coefficient for odd channels
 * @param minSignalRemaining   fraction of the signal kept after noise subtraction
 * @param enableNoiseReduction apply noise reduction (the op always does; false skips the stage)
 * @param enablePcan           apply PCAN automatic gain control
 * @param pcanStrength         PCAN gain normalization exponent
 * @param pcanOffset           PCAN offset added in the denominator
 * @param gainBits             fractional bits of the PCAN gain
 * @param enableLog            apply the logarithmic scale
 * @param scaleShift           log output scale, bits
 */
public record FrontendConfig(
        int sampleRate,
        int windowSizeMs,
        int windowStepMs,
        int numChannels,
        float upperBandLimit,
        float lowerBandLimit,
        int smoothingBits,
        float evenSmoothing,
        float oddSmoothing,
        float minSignalRemaining,
        boolean enableNoiseReduction,
        boolean enablePcan,
        float pcanStrength,
        float pcanOffset,
        int gainBits,
        boolean enableLog,
        int scaleShift) {

    /**
     * TensorFlow Lite Micro's micro_speech settings: 16 kHz, 30 ms window, 20 ms step, 40 channels, 125-7500 Hz,
     * noise reduction (10 bits, 0.025 / 0.06, 0.05), PCAN (0.95, 80, 21 bits), log scale shift 6.
     */
    public static final FrontendConfig MICRO_SPEECH = new FrontendConfig(16000, 30, 20, 40, 7500.0f, 125.0f,
            10, 0.025f, 0.06f, 0.05f, true, true, 0.95f, 80.0f, 21, true, 6);

    /** The defaults of TensorFlow's {@code audio_microfrontend} op (25 ms window, 10 ms step, 32 channels). */
    public static final FrontendConfig TF_OP_DEFAULTS = new FrontendConfig(16000, 25, 10, 32, 7500.0f, 125.0f,
            10, 0.025f, 0.06f, 0.05f, true, true, 0.95f, 80.0f, 21, true, 6);

    public FrontendConfig {
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
        if (windowSizeMs <= 0 || windowStepMs <= 0) {
            throw new IllegalArgumentException("window size and step must be positive: " + windowSizeMs + " ms, "
                    + windowStepMs + " ms");
        }
        int size = windowSizeMs * sampleRate / 1000;
        int step = windowStepMs * sampleRate / 1000;
        if (size < 4) throw new IllegalArgumentException("window too short: " + size + " samples (need at least 4)");
        if (step < 1 || step > size) {
            throw new IllegalArgumentException("window step must be 1.." + size + " samples, is " + step);
        }
        if (numChannels < 1) throw new IllegalArgumentException("numChannels must be positive: " + numChannels);
        if (!(lowerBandLimit >= 0.0f) || !(upperBandLimit > lowerBandLimit)) {
            throw new IllegalArgumentException("band limits must satisfy 0 <= lower < upper: " + lowerBandLimit
                    + " .. " + upperBandLimit);
        }
        if (smoothingBits < 0 || smoothingBits > 31) {
            throw new IllegalArgumentException("smoothingBits out of range: " + smoothingBits);
        }
        if (gainBits < 0 || gainBits > 31) throw new IllegalArgumentException("gainBits out of range: " + gainBits);
        if (scaleShift < 0 || scaleShift > 16) {
            throw new IllegalArgumentException("scaleShift out of range: " + scaleShift);
        }
    }

    /** Samples per analysis window. */
    public int windowSamples() {
        return windowSizeMs * sampleRate / 1000;
    }

    /** Samples between window starts. */
    public int stepSamples() {
        return windowStepMs * sampleRate / 1000;
    }

    /** Frames produced for {@code samples} input samples (0 when shorter than one window). */
    public int frameCount(long samples) {
        int size = windowSamples();
        return samples < size ? 0 : (int) (1 + (samples - size) / stepSamples());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(MICRO_SPEECH);
    }

    public FrontendConfig withWindow(int sizeMs, int stepMs) {
        return toBuilder().windowSizeMs(sizeMs).windowStepMs(stepMs).build();
    }

    public FrontendConfig withNumChannels(int channels) {
        return toBuilder().numChannels(channels).build();
    }

    /** Mutable builder, starting from a given configuration. */
    public static final class Builder {
        private int sampleRate, windowSizeMs, windowStepMs, numChannels, smoothingBits, gainBits, scaleShift;
        private float upperBandLimit, lowerBandLimit, evenSmoothing, oddSmoothing, minSignalRemaining;
        private float pcanStrength, pcanOffset;
        private boolean enableNoiseReduction, enablePcan, enableLog;

        private Builder(FrontendConfig c) {
            sampleRate = c.sampleRate;
            windowSizeMs = c.windowSizeMs;
            windowStepMs = c.windowStepMs;
            numChannels = c.numChannels;
            upperBandLimit = c.upperBandLimit;
            lowerBandLimit = c.lowerBandLimit;
            smoothingBits = c.smoothingBits;
            evenSmoothing = c.evenSmoothing;
            oddSmoothing = c.oddSmoothing;
            minSignalRemaining = c.minSignalRemaining;
            enableNoiseReduction = c.enableNoiseReduction;
            enablePcan = c.enablePcan;
            pcanStrength = c.pcanStrength;
            pcanOffset = c.pcanOffset;
            gainBits = c.gainBits;
            enableLog = c.enableLog;
            scaleShift = c.scaleShift;
        }

        public Builder sampleRate(int v) { sampleRate = v; return this; }
        public Builder windowSizeMs(int v) { windowSizeMs = v; return this; }
        public Builder windowStepMs(int v) { windowStepMs = v; return this; }
        public Builder numChannels(int v) { numChannels = v; return this; }
        public Builder upperBandLimit(float v) { upperBandLimit = v; return this; }
        public Builder lowerBandLimit(float v) { lowerBandLimit = v; return this; }
        public Builder smoothingBits(int v) { smoothingBits = v; return this; }
        public Builder evenSmoothing(float v) { evenSmoothing = v; return this; }
        public Builder oddSmoothing(float v) { oddSmoothing = v; return this; }
        public Builder minSignalRemaining(float v) { minSignalRemaining = v; return this; }
        public Builder enableNoiseReduction(boolean v) { enableNoiseReduction = v; return this; }
        public Builder enablePcan(boolean v) { enablePcan = v; return this; }
        public Builder pcanStrength(float v) { pcanStrength = v; return this; }
        public Builder pcanOffset(float v) { pcanOffset = v; return this; }
        public Builder gainBits(int v) { gainBits = v; return this; }
        public Builder enableLog(boolean v) { enableLog = v; return this; }
        public Builder scaleShift(int v) { scaleShift = v; return this; }

        public FrontendConfig build() {
            return new FrontendConfig(sampleRate, windowSizeMs, windowStepMs, numChannels, upperBandLimit,
                    lowerBandLimit, smoothingBits, evenSmoothing, oddSmoothing, minSignalRemaining,
                    enableNoiseReduction, enablePcan, pcanStrength, pcanOffset, gainBits, enableLog, scaleShift);
        }
    }
}
