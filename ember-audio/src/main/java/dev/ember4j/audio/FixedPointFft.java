/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

/**
 * Real-input FFT in 16-bit fixed point with the exact scaling and rounding of KissFFT built with
 * {@code FIXED_POINT 16} (the FFT TensorFlow Lite Micro's audio front end uses): every radix-{@code p} stage divides
 * its inputs by {@code p}, products are rounded Q15, and sums wrap to 16 bits as C stores them in {@code int16_t}.
 *
 * <p>The real FFT of size {@code n} runs a complex FFT of size {@code n/2} on the packed input, then splits it with
 * the "super twiddles". {@code n} must be a power of two, at least 4. Not thread-safe; no allocation after
 * construction.
 */
final class FixedPointFft {
    private static final int FRAC_BITS = 15;
    private static final int SAMP_MAX = 32767;

    private final int n;          // real FFT size
    private final int ncfft;      // complex FFT size n / 2
    private final short[] twR, twI;            // complex FFT twiddles, ncfft entries
    private final short[] superR, superI;      // real-split twiddles, ncfft / 2 entries
    private final int[] factors;               // p1, m1, p2, m2, ...
    private final short[] bufR, bufI;          // complex FFT output (tmpbuf)

    FixedPointFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT size must be a power of two >= 4: " + n);
        this.n = n;
        this.ncfft = n / 2;
        twR = new short[ncfft];
        twI = new short[ncfft];
        final double pi = 3.141592653589793238462643383279502884197169399375105820974944;
        for (int i = 0; i < ncfft; i++) {
            double phase = -2 * pi * i / ncfft;
            twR[i] = (short) Math.floor(.5 + SAMP_MAX * Math.cos(phase));
            twI[i] = (short) Math.floor(.5 + SAMP_MAX * Math.sin(phase));
        }
        superR = new short[ncfft / 2];
        superI = new short[ncfft / 2];
        for (int i = 0; i < ncfft / 2; i++) {
            double phase = -3.14159265358979323846264338327 * ((double) (i + 1) / ncfft + .5);
            superR[i] = (short) Math.floor(.5 + SAMP_MAX * Math.cos(phase));
            superI[i] = (short) Math.floor(.5 + SAMP_MAX * Math.sin(phase));
        }
        factors = factor(ncfft);
        bufR = new short[ncfft];
        bufI = new short[ncfft];
    }

    int size() {
        return n;
    }

    /** KissFFT's factorization: powers of 4 first, then 2, then odd primes. Pairs (p, m). */
    private static int[] factor(int num) {
        int[] buf = new int[64];
        int count = 0;
        int p = 4;
        double floorSqrt = Math.floor(Math.sqrt(num));
        do {
            while (num % p != 0) {
                switch (p) {
                    case 4: p = 2; break;
                    case 2: p = 3; break;
                    default: p += 2; break;
                }
                if (p > floorSqrt) p = num;
            }
            num /= p;
            buf[count++] = p;
            buf[count++] = num;
        } while (num > 1);
        return java.util.Arrays.copyOf(buf, count);
    }

    private static short sround(int x) {
        return (short) ((x + (1 << (FRAC_BITS - 1))) >> FRAC_BITS);
    }

    private static short fixdiv(short x, int k) {
        return sround(x * (SAMP_MAX / k));
    }

    /**
     * Transforms {@code input[0..n)} (int16 samples) into {@code n/2 + 1} complex bins.
     *
     * @param outR real parts, length at least n/2 + 1
     * @param outI imaginary parts, length at least n/2 + 1
     */
    void realForward(short[] input, short[] outR, short[] outI) {
        // Complex FFT of the input viewed as ncfft complex pairs (even samples real, odd imaginary).
        work(input, 0, 1, 0, 0);

        short tdcR = fixdiv(bufR[0], 2);
        short tdcI = fixdiv(bufI[0], 2);
        outR[0] = (short) (tdcR + tdcI);
        outR[ncfft] = (short) (tdcR - tdcI);
        outI[0] = 0;
        outI[ncfft] = 0;

        for (int k = 1; k <= ncfft / 2; k++) {
            short fpkR = fixdiv(bufR[k], 2);
            short fpkI = fixdiv(bufI[k], 2);
            short fpnkR = fixdiv(bufR[ncfft - k], 2);
            short fpnkI = fixdiv((short) -bufI[ncfft - k], 2);

            short f1kR = (short) (fpkR + fpnkR);
            short f1kI = (short) (fpkI + fpnkI);
            short f2kR = (short) (fpkR - fpnkR);
            short f2kI = (short) (fpkI - fpnkI);
            short sr = superR[k - 1], si = superI[k - 1];
            short twRk = sround(f2kR * sr - f2kI * si);
            short twIk = sround(f2kR * si + f2kI * sr);

            outR[k] = (short) ((f1kR + twRk) >> 1);
            outI[k] = (short) ((f1kI + twIk) >> 1);
            outR[ncfft - k] = (short) ((f1kR - twRk) >> 1);
            outI[ncfft - k] = (short) ((twIk - f1kI) >> 1);
        }
    }

    /**
     * kf_work: writes the DFT of the input (complex element j at input[2*(inStart + j*fstride)], +1) into
     * buf[outStart .. outStart + p*m).
     */
    private void work(short[] in, int inStart, int fstride, int factorIndex, int outStart) {
        final int p = factors[factorIndex];
        final int m = factors[factorIndex + 1];
        if (m == 1) {
            int f = inStart;
            for (int j = 0; j < p; j++) {
                bufR[outStart + j] = in[2 * f];
                bufI[outStart + j] = in[2 * f + 1];
                f += fstride;
            }
        } else {
            int f = inStart;
            for (int j = 0; j < p; j++) {
                work(in, f, fstride * p, factorIndex + 2, outStart + j * m);
                f += fstride;
            }
        }
        switch (p) {
            case 2: butterfly2(outStart, fstride, m); break;
            case 4: butterfly4(outStart, fstride, m); break;
            default: throw new IllegalStateException("radix " + p + " not used for power-of-two sizes");
        }
    }

    private void butterfly2(int out, int fstride, int m) {
        int tw = 0;
        for (int k = 0; k < m; k++) {
            int a = out + k, b = out + k + m;
            short aR = fixdiv(bufR[a], 2), aI = fixdiv(bufI[a], 2);
            short bR = fixdiv(bufR[b], 2), bI = fixdiv(bufI[b], 2);
            short tR = sround(bR * twR[tw] - bI * twI[tw]);
            short tI = sround(bR * twI[tw] + bI * twR[tw]);
            tw += fstride;
            bufR[b] = (short) (aR - tR);
            bufI[b] = (short) (aI - tI);
            bufR[a] = (short) (aR + tR);
            bufI[a] = (short) (aI + tI);
        }
    }

    private void butterfly4(int out, int fstride, int m) {
        int tw1 = 0, tw2 = 0, tw3 = 0;
        for (int k = 0; k < m; k++) {
            int i0 = out + k, i1 = i0 + m, i2 = i0 + 2 * m, i3 = i0 + 3 * m;
            short f0R = fixdiv(bufR[i0], 4), f0I = fixdiv(bufI[i0], 4);
            short f1R = fixdiv(bufR[i1], 4), f1I = fixdiv(bufI[i1], 4);
            short f2R = fixdiv(bufR[i2], 4), f2I = fixdiv(bufI[i2], 4);
            short f3R = fixdiv(bufR[i3], 4), f3I = fixdiv(bufI[i3], 4);

            short s0R = sround(f1R * twR[tw1] - f1I * twI[tw1]);
            short s0I = sround(f1R * twI[tw1] + f1I * twR[tw1]);
            short s1R = sround(f2R * twR[tw2] - f2I * twI[tw2]);
            short s1I = sround(f2R * twI[tw2] + f2I * twR[tw2]);
            short s2R = sround(f3R * twR[tw3] - f3I * twI[tw3]);
            short s2I = sround(f3R * twI[tw3] + f3I * twR[tw3]);

            short s5R = (short) (f0R - s1R), s5I = (short) (f0I - s1I);
            f0R = (short) (f0R + s1R);
            f0I = (short) (f0I + s1I);
            short s3R = (short) (s0R + s2R), s3I = (short) (s0I + s2I);
            short s4R = (short) (s0R - s2R), s4I = (short) (s0I - s2I);
            bufR[i2] = (short) (f0R - s3R);
            bufI[i2] = (short) (f0I - s3I);
            tw1 += fstride;
            tw2 += fstride * 2;
            tw3 += fstride * 3;
            bufR[i0] = (short) (f0R + s3R);
            bufI[i0] = (short) (f0I + s3I);
            // forward transform
            bufR[i1] = (short) (s5R + s4I);
            bufI[i1] = (short) (s5I - s4R);
            bufR[i3] = (short) (s5R - s4I);
            bufI[i3] = (short) (s5I + s4R);
        }
    }
}
