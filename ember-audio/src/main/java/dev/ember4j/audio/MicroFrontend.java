/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

import java.util.Arrays;

/**
 * The TensorFlow Lite Micro audio front end ("microfrontend") in Java, bit-exact: Hann window, 16-bit fixed-point
 * real FFT (KissFFT arithmetic), mel-like triangular filterbank with square root, noise reduction, PCAN automatic
 * gain control and log scale. Output frames are {@code numChannels} unsigned 16-bit values (as {@code int}s), the
 * values of TensorFlow's {@code audio_microfrontend} op with {@code out_scale=1} and {@code out_type=uint16}.
 *
 * <p>Streaming: {@link #push(short[], int, int, FrameListener)} accepts PCM chunks of any size and calls the
 * listener once per completed frame, with a feature array that is reused (copy it to keep it). After construction
 * no method allocates. One instance is not thread-safe; {@link #reset()} starts a new stream.
 *
 * <p>Batch: {@link #features(FrontendConfig, short[])} and {@link #int8Features(FrontendConfig, short[])}.
 */
public final class MicroFrontend {
    /** Receives each completed frame. */
    @FunctionalInterface
    public interface FrameListener {
        /**
         * @param frameIndex 0-based index of the frame in the stream (frame i starts at sample i * step)
         * @param features   the frame's values, {@code numChannels} long; reused for the next frame
         */
        void onFrame(long frameIndex, int[] features);
    }

    static final int WINDOW_BITS = 12;
    static final int FILTERBANK_BITS = 12;
    static final int NOISE_REDUCTION_BITS = 14;
    static final int PCAN_SNR_BITS = 12;
    static final int PCAN_OUTPUT_BITS = 6;
    static final int WIDE_DYNAMIC_FUNCTION_BITS = 32;
    static final int WIDE_DYNAMIC_FUNCTION_LUT_SIZE = 4 * WIDE_DYNAMIC_FUNCTION_BITS - 3;
    static final int LOG_SCALE_LOG2 = 16;
    static final int LOG_SCALE = 1 << LOG_SCALE_LOG2;
    static final int LOG_SEGMENTS_LOG2 = 7;
    static final long LOG_COEFF = 45426;
    private static final int FILTERBANK_INDEX_ALIGNMENT = 2; // 4 bytes of int16
    private static final int FILTERBANK_CHANNEL_BLOCK_SIZE = 4;

    private static final int[] LOG_LUT = {
        0, 224, 442, 654, 861, 1063, 1259, 1450, 1636, 1817, 1992, 2163,
        2329, 2490, 2646, 2797, 2944, 3087, 3224, 3358, 3487, 3611, 3732, 3848,
        3960, 4068, 4172, 4272, 4368, 4460, 4549, 4633, 4714, 4791, 4864, 4934,
        5001, 5063, 5123, 5178, 5231, 5280, 5326, 5368, 5408, 5444, 5477, 5507,
        5533, 5557, 5578, 5595, 5610, 5622, 5631, 5637, 5640, 5641, 5638, 5633,
        5626, 5615, 5602, 5586, 5568, 5547, 5524, 5498, 5470, 5439, 5406, 5370,
        5332, 5291, 5249, 5203, 5156, 5106, 5054, 5000, 4944, 4885, 4825, 4762,
        4697, 4630, 4561, 4490, 4416, 4341, 4264, 4184, 4103, 4020, 3935, 3848,
        3759, 3668, 3575, 3481, 3384, 3286, 3186, 3084, 2981, 2875, 2768, 2659,
        2549, 2437, 2323, 2207, 2090, 1971, 1851, 1729, 1605, 1480, 1353, 1224,
        1094, 963, 830, 695, 559, 421, 282, 142, 0, 0};

    private final FrontendConfig config;

    // Window.
    private final int windowSize, windowStep;
    private final short[] windowCoefficients;
    private final short[] windowInput;
    private int inputUsed;
    private final short[] windowOutput;
    private int maxAbsOutput;

    // FFT.
    private final FixedPointFft fft;
    private final short[] fftInput;
    private final short[] fftR, fftI;

    // Filterbank.
    private final int numChannels;
    private final int startIndex, endIndex;
    private final int[] channelFrequencyStarts, channelWeightStarts, channelWidths;
    private final short[] weights, unweights;
    private final int[] energy;   // int32 energies (as C stores them), indexed by FFT bin
    private final long[] work;    // uint64 accumulators
    private final long[] signal;  // uint32 values held in longs

    // Noise reduction.
    private final int smoothingBits;
    private final long evenSmoothing, oddSmoothing, minSignalRemaining;
    private final long[] noiseEstimate; // uint32

    // PCAN.
    private final short[] gainLut;
    private final int snrShift;

    // Log scale / output.
    private final int correctionBits;
    private final int[] output;
    private long frameIndex;

    public MicroFrontend(FrontendConfig config) {
        this.config = config;
        int sampleRate = config.sampleRate();

        // Window: Hann, rounded to Q12.
        windowSize = config.windowSizeMs() * sampleRate / 1000;
        windowStep = config.windowStepMs() * sampleRate / 1000;
        windowCoefficients = new short[windowSize];
        final float arg = (float) (Math.PI * 2.0 / ((float) windowSize));
        for (int i = 0; i < windowSize; i++) {
            float floatValue = (float) (0.5 - (0.5 * Math.cos(arg * (i + 0.5))));
            windowCoefficients[i] = (short) Math.floor((float) (floatValue * (1 << WINDOW_BITS)) + 0.5);
        }
        windowInput = new short[windowSize];
        windowOutput = new short[windowSize];

        // FFT.
        int fftSize = 1;
        while (fftSize < windowSize) fftSize <<= 1;
        fft = new FixedPointFft(Math.max(fftSize, 4));
        fftSize = fft.size();
        fftInput = new short[fftSize];
        fftR = new short[fftSize / 2 + 1];
        fftI = new short[fftSize / 2 + 1];
        int spectrumSize = fftSize / 2 + 1;

        // Filterbank tables.
        numChannels = config.numChannels();
        int channelsPlus1 = numChannels + 1;
        channelFrequencyStarts = new int[channelsPlus1];
        channelWeightStarts = new int[channelsPlus1];
        channelWidths = new int[channelsPlus1];
        float[] centerMelFreqs = new float[channelsPlus1];
        int[] actualChannelStarts = new int[channelsPlus1];
        int[] actualChannelWidths = new int[channelsPlus1];
        {
            float melLow = freqToMel(config.lowerBandLimit());
            float melHi = freqToMel(config.upperBandLimit());
            float melSpan = melHi - melLow;
            float melSpacing = melSpan / ((float) channelsPlus1);
            for (int i = 0; i < channelsPlus1; i++) {
                centerMelFreqs[i] = melLow + (melSpacing * (i + 1));
            }
        }
        final float hzPerSbin = (float) (0.5 * sampleRate / ((double) ((float) spectrumSize - 1)));
        startIndex = (int) (1.5 + (config.lowerBandLimit() / hzPerSbin));
        int chanFreqIndexStart = startIndex;
        int weightIndexStart = 0;
        boolean needsZeros = false;
        for (int chan = 0; chan < channelsPlus1; chan++) {
            int freqIndex = chanFreqIndexStart;
            while (freqToMel(freqIndex * hzPerSbin) <= centerMelFreqs[chan]) {
                freqIndex++;
            }
            int width = freqIndex - chanFreqIndexStart;
            actualChannelStarts[chan] = chanFreqIndexStart;
            actualChannelWidths[chan] = width;
            if (width == 0) {
                channelFrequencyStarts[chan] = 0;
                channelWeightStarts[chan] = 0;
                channelWidths[chan] = FILTERBANK_CHANNEL_BLOCK_SIZE;
                if (!needsZeros) {
                    needsZeros = true;
                    for (int j = 0; j < chan; j++) channelWeightStarts[j] += FILTERBANK_CHANNEL_BLOCK_SIZE;
                    weightIndexStart += FILTERBANK_CHANNEL_BLOCK_SIZE;
                }
            } else {
                int alignedStart = (chanFreqIndexStart / FILTERBANK_INDEX_ALIGNMENT) * FILTERBANK_INDEX_ALIGNMENT;
                int alignedWidth = chanFreqIndexStart - alignedStart + width;
                int paddedWidth = (((alignedWidth - 1) / FILTERBANK_CHANNEL_BLOCK_SIZE) + 1)
                        * FILTERBANK_CHANNEL_BLOCK_SIZE;
                channelFrequencyStarts[chan] = alignedStart;
                channelWeightStarts[chan] = weightIndexStart;
                channelWidths[chan] = paddedWidth;
                weightIndexStart += paddedWidth;
            }
            chanFreqIndexStart = freqIndex;
        }
        weights = new short[weightIndexStart];
        unweights = new short[weightIndexStart];
        int end = 0;
        {
            float melLow = freqToMel(config.lowerBandLimit());
            for (int chan = 0; chan < channelsPlus1; chan++) {
                int frequency = actualChannelStarts[chan];
                int numFrequencies = actualChannelWidths[chan];
                int frequencyOffset = frequency - channelFrequencyStarts[chan];
                int weightStart = channelWeightStarts[chan];
                float denom = (chan == 0) ? melLow : centerMelFreqs[chan - 1];
                for (int j = 0; j < numFrequencies; j++, frequency++) {
                    float weight = (centerMelFreqs[chan] - freqToMel(frequency * hzPerSbin))
                            / (centerMelFreqs[chan] - denom);
                    int index = weightStart + frequencyOffset + j;
                    weights[index] = (short) Math.floor((float) (weight * (1 << FILTERBANK_BITS)) + 0.5);
                    unweights[index] = (short) Math.floor((1.0 - weight) * (1 << FILTERBANK_BITS) + 0.5);
                }
                if (frequency > end) end = frequency;
            }
        }
        endIndex = end;
        if (endIndex >= spectrumSize) {
            throw new IllegalArgumentException("filterbank reaches FFT bin " + endIndex + " but the spectrum has "
                    + spectrumSize + " bins: lower the upper band limit (" + config.upperBandLimit() + " Hz)");
        }
        int maxBin = 0;
        for (int chan = 0; chan < channelsPlus1; chan++) {
            maxBin = Math.max(maxBin, channelFrequencyStarts[chan] + channelWidths[chan]);
        }
        energy = new int[Math.max(maxBin, spectrumSize)];
        work = new long[channelsPlus1];
        signal = new long[numChannels];

        // Noise reduction (float * int in float, truncated, as C converts to uint32).
        smoothingBits = config.smoothingBits();
        evenSmoothing = (long) (config.evenSmoothing() * (1 << NOISE_REDUCTION_BITS));
        oddSmoothing = (long) (config.oddSmoothing() * (1 << NOISE_REDUCTION_BITS));
        minSignalRemaining = (long) (config.minSignalRemaining() * (1 << NOISE_REDUCTION_BITS));
        noiseEstimate = new long[numChannels];

        // PCAN gain table.
        int inputCorrectionBits = mostSignificantBit32(fftSize) - 1 - (FILTERBANK_BITS / 2);
        correctionBits = inputCorrectionBits;
        snrShift = config.gainBits() - inputCorrectionBits - PCAN_SNR_BITS;
        gainLut = new short[WIDE_DYNAMIC_FUNCTION_LUT_SIZE];
        if (config.enablePcan()) {
            int inputBits = smoothingBits - inputCorrectionBits;
            gainLut[0] = pcanGainLookup(config, inputBits, 0);
            gainLut[1] = pcanGainLookup(config, inputBits, 1);
            for (int interval = 2; interval <= WIDE_DYNAMIC_FUNCTION_BITS; interval++) {
                long x0 = 1L << (interval - 1);
                long x1 = x0 + (x0 >> 1);
                long x2 = (interval == WIDE_DYNAMIC_FUNCTION_BITS) ? x0 + (x0 - 1) : 2 * x0;
                short y0 = pcanGainLookup(config, inputBits, x0);
                short y1 = pcanGainLookup(config, inputBits, x1);
                short y2 = pcanGainLookup(config, inputBits, x2);
                int diff1 = y1 - y0;
                int diff2 = y2 - y0;
                int a1 = 4 * diff1 - diff2;
                int a2 = diff2 - a1;
                int base = 4 * interval - 6;
                gainLut[base] = y0;
                gainLut[base + 1] = (short) a1;
                gainLut[base + 2] = (short) a2;
            }
        }
        output = new int[numChannels];
    }

    /** The configuration this front end was built with. */
    public FrontendConfig config() {
        return config;
    }

    /** Features per frame. */
    public int numChannels() {
        return numChannels;
    }

    /** Frames completed so far in this stream. */
    public long framesProduced() {
        return frameIndex;
    }

    /** Forgets all buffered samples and the noise estimate: the next sample starts a new stream. */
    public void reset() {
        Arrays.fill(windowInput, (short) 0);
        Arrays.fill(windowOutput, (short) 0);
        inputUsed = 0;
        maxAbsOutput = 0;
        Arrays.fill(noiseEstimate, 0);
        Arrays.fill(work, 0);
        frameIndex = 0;
    }

    /**
     * Feeds PCM samples; calls {@code listener} for each frame they complete, in order. Does not allocate.
     *
     * @return the number of frames completed by this chunk
     */
    public int push(short[] samples, int offset, int length, FrameListener listener) {
        if (offset < 0 || length < 0 || offset > samples.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array "
                    + samples.length);
        }
        int frames = 0;
        while (length > 0) {
            int n = Math.min(windowSize - inputUsed, length);
            System.arraycopy(samples, offset, windowInput, inputUsed, n);
            inputUsed += n;
            offset += n;
            length -= n;
            if (inputUsed < windowSize) break;
            applyWindow();
            computeFrame();
            frames++;
            listener.onFrame(frameIndex++, output);
        }
        return frames;
    }

    /** Feeds a whole array; see {@link #push(short[], int, int, FrameListener)}. */
    public int push(short[] samples, FrameListener listener) {
        return push(samples, 0, samples.length, listener);
    }

    // ---- stages ----

    private void applyWindow() {
        int maxAbs = 0;
        for (int i = 0; i < windowSize; i++) {
            short v = (short) ((windowInput[i] * windowCoefficients[i]) >> WINDOW_BITS);
            windowOutput[i] = v;
            if (v < 0) v = (short) -v;
            if (v > maxAbs) maxAbs = v;
        }
        System.arraycopy(windowInput, windowStep, windowInput, 0, windowSize - windowStep);
        inputUsed -= windowStep;
        maxAbsOutput = maxAbs;
    }

    private void computeFrame() {
        final int inputShift = 15 - mostSignificantBit32(maxAbsOutput);
        for (int i = 0; i < windowSize; i++) {
            fftInput[i] = (short) (windowOutput[i] << inputShift);
        }
        // The rest of fftInput stays zero.
        fft.realForward(fftInput, fftR, fftI);

        // Energy: int32 (real^2 + imag^2 may wrap, as in C).
        for (int i = startIndex; i < endIndex; i++) {
            int re = fftR[i], im = fftI[i];
            energy[i] = re * re + im * im;
        }

        // Accumulate channels (uint64; magnitudes sign-extended from int32 as C's cast does).
        long weightAcc = 0, unweightAcc = 0;
        for (int chan = 0; chan <= numChannels; chan++) {
            int mag = channelFrequencyStarts[chan];
            int w = channelWeightStarts[chan];
            int width = channelWidths[chan];
            for (int j = 0; j < width; j++) {
                long m = energyAt(mag + j);
                weightAcc += weights[w + j] * m;
                unweightAcc += unweights[w + j] * m;
            }
            work[chan] = weightAcc;
            weightAcc = unweightAcc;
            unweightAcc = 0;
        }

        // Square root, scaled back down by the FFT input shift.
        for (int i = 0; i < numChannels; i++) {
            signal[i] = (sqrt64(work[i + 1]) & 0xFFFFFFFFL) >>> inputShift;
        }

        if (config.enableNoiseReduction()) noiseReduction();
        if (config.enablePcan()) pcan();

        for (int i = 0; i < numChannels; i++) {
            long value = signal[i];
            if (config.enableLog()) {
                if (correctionBits < 0) {
                    value >>>= -correctionBits;
                } else {
                    value = (value << correctionBits) & 0xFFFFFFFFL;
                }
                value = value > 1 ? log(value, config.scaleShift()) : 0;
            }
            output[i] = (int) Math.min(value, 0xFFFF);
        }
    }

    /** Energy of a bin; bins outside [start, end) only ever meet zero weights. */
    private long energyAt(int bin) {
        return (bin >= startIndex && bin < endIndex) ? energy[bin] : 0;
    }

    private void noiseReduction() {
        for (int i = 0; i < numChannels; i++) {
            long smoothing = ((i & 1) == 0) ? evenSmoothing : oddSmoothing;
            long oneMinus = (1L << NOISE_REDUCTION_BITS) - smoothing;
            long scaledUp = (signal[i] << smoothingBits) & 0xFFFFFFFFL;
            long estimate = ((scaledUp * smoothing + noiseEstimate[i] * oneMinus) >>> NOISE_REDUCTION_BITS)
                    & 0xFFFFFFFFL;
            noiseEstimate[i] = estimate;
            if (estimate > scaledUp) estimate = scaledUp;
            long floor = ((signal[i] * minSignalRemaining) >>> NOISE_REDUCTION_BITS) & 0xFFFFFFFFL;
            long subtracted = (scaledUp - estimate) >>> smoothingBits;
            signal[i] = Math.max(subtracted, floor);
        }
    }

    private void pcan() {
        for (int i = 0; i < numChannels; i++) {
            long gain = wideDynamicFunction(noiseEstimate[i]) & 0xFFFFFFFFL; // int16 -> uint32 as C converts
            long snr = multiplyHighShift(signal[i], gain, snrShift);
            signal[i] = pcanShrink(snr);
        }
    }

    /** ((uint64) a * b) >> shift, truncated to uint32; a and b are uint32. */
    private static long multiplyHighShift(long a, long b, int shift) {
        long product = a * b; // may exceed 2^63: treat as unsigned
        return (product >>> shift) & 0xFFFFFFFFL;
    }

    private int wideDynamicFunction(long x) {
        if (x <= 2) return gainLut[(int) x];
        int interval = mostSignificantBit32((int) x);
        int base = 4 * interval - 6;
        int frac = (int) (((interval < 11) ? (x << (11 - interval)) : (x >>> (interval - 11))) & 0x3FF);
        int result = (gainLut[base + 2] * frac) >> 5;
        result += gainLut[base + 1] << 5;
        result *= frac;
        result = (result + (1 << 14)) >> 15;
        result += gainLut[base];
        return (short) result;
    }

    private static long pcanShrink(long x) {
        if (x < (2 << PCAN_SNR_BITS)) {
            return ((x * x) & 0xFFFFFFFFL) >>> (2 + 2 * PCAN_SNR_BITS - PCAN_OUTPUT_BITS);
        }
        return ((x >>> (PCAN_SNR_BITS - PCAN_OUTPUT_BITS)) - (1 << PCAN_OUTPUT_BITS)) & 0xFFFFFFFFL;
    }

    private static short pcanGainLookup(FrontendConfig config, int inputBits, long x) {
        float xAsFloat = ((float) x) / ((float) ((1L << inputBits) & 0xFFFFFFFFL));
        float gainAsFloat = ((float) ((1L << config.gainBits()) & 0xFFFFFFFFL))
                * powf(xAsFloat + config.pcanOffset(), -config.pcanStrength());
        if (gainAsFloat > 0x7FFF) return 0x7FFF;
        return (short) (int) (gainAsFloat + 0.5f);
    }

    /** C's powf: the exact power rounded once to float. */
    private static float powf(float base, float exponent) {
        return (float) Math.pow(base, exponent);
    }

    private static long log(long x, int scaleShift) {
        int integer = mostSignificantBit32((int) x) - 1;
        long fraction = log2FractionPart(x, integer);
        long log2 = (((long) integer << LOG_SCALE_LOG2) + fraction) & 0xFFFFFFFFL;
        long round = LOG_SCALE / 2;
        long loge = ((LOG_COEFF * log2 + round) >>> LOG_SCALE_LOG2) & 0xFFFFFFFFL;
        return (((loge << scaleShift) & 0xFFFFFFFFL) + round & 0xFFFFFFFFL) >>> LOG_SCALE_LOG2;
    }

    private static long log2FractionPart(long x, int log2x) {
        int frac = (int) (x - (1L << log2x));
        if (log2x < LOG_SCALE_LOG2) {
            frac <<= LOG_SCALE_LOG2 - log2x;
        } else {
            frac >>= log2x - LOG_SCALE_LOG2;
        }
        int baseSeg = frac >>> (LOG_SCALE_LOG2 - LOG_SEGMENTS_LOG2);
        int segUnit = (1 << LOG_SCALE_LOG2) >>> LOG_SEGMENTS_LOG2;
        int c0 = LOG_LUT[baseSeg];
        int c1 = LOG_LUT[baseSeg + 1];
        int segBase = segUnit * baseSeg;
        int relPos = ((c1 - c0) * (frac - segBase)) >> LOG_SCALE_LOG2;
        return (frac + c0 + relPos) & 0xFFFFFFFFL;
    }

    /** Integer square root of an unsigned 64-bit value, rounded, as the C filterbank computes it. */
    static long sqrt64(long num) {
        if ((num >>> 32) == 0) return sqrt32(num);
        long res = 0;
        int maxBitNumber = 64 - (64 - Long.numberOfLeadingZeros(num));
        maxBitNumber |= 1;
        long bit = 1L << (63 - maxBitNumber);
        int iterations = (63 - maxBitNumber) / 2 + 1;
        while (iterations-- > 0) {
            if (Long.compareUnsigned(num, res + bit) >= 0) {
                num -= res + bit;
                res = (res >>> 1) + bit;
            } else {
                res >>>= 1;
            }
            bit >>>= 2;
        }
        if (Long.compareUnsigned(num, res) > 0 && res != 0xFFFFFFFFL) res++;
        return res & 0xFFFFFFFFL;
    }

    private static long sqrt32(long num) {
        if (num == 0) return 0;
        long res = 0;
        int maxBitNumber = 32 - mostSignificantBit32((int) num);
        maxBitNumber |= 1;
        long bit = 1L << (31 - maxBitNumber);
        int iterations = (31 - maxBitNumber) / 2 + 1;
        while (iterations-- > 0) {
            if (num >= res + bit) {
                num -= res + bit;
                res = (res >>> 1) + bit;
            } else {
                res >>>= 1;
            }
            bit >>>= 2;
        }
        if (num > res && res != 0xFFFF) res++;
        return res & 0xFFFF;
    }

    static int mostSignificantBit32(int n) {
        return 32 - Integer.numberOfLeadingZeros(n);
    }

    private static float freqToMel(float freq) {
        return (float) (1127.0 * Math.log1p(freq / 700.0));
    }

    // ---- batch API and int8 conversion ----

    /** All frames of {@code pcm}, [frames][numChannels], uint16 values. */
    public static int[][] features(FrontendConfig config, short[] pcm) {
        MicroFrontend frontend = new MicroFrontend(config);
        int[][] frames = new int[config.frameCount(pcm.length)][];
        frontend.push(pcm, (index, values) -> frames[(int) index] = values.clone());
        return frames;
    }

    /** All frames of {@code pcm} converted with {@link #toInt8(int)}, row-major [frames][numChannels]. */
    public static byte[] int8Features(FrontendConfig config, short[] pcm) {
        MicroFrontend frontend = new MicroFrontend(config);
        int channels = config.numChannels();
        byte[] out = new byte[config.frameCount(pcm.length) * channels];
        frontend.push(pcm, (index, values) -> toInt8(values, out, (int) index * channels));
        return out;
    }

    /**
     * The micro_speech model's input value for a front-end output: {@code clamp((v * 256 + 333) / 666 - 128)}
     * with integer division, clamped to [-128, 127] (TFLM's feature provider).
     */
    public static byte toInt8(int value) {
        int v = (value * 256 + 333) / 666 - 128;
        return (byte) Math.max(-128, Math.min(127, v));
    }

    /** Converts a frame with {@link #toInt8(int)} into {@code dst[offset ..]}. */
    public static void toInt8(int[] frame, byte[] dst, int offset) {
        for (int i = 0; i < frame.length; i++) dst[offset + i] = toInt8(frame[i]);
    }
}
