package dev.ember4j.simd;

import dev.ember4j.core.ops.Conv2DParams;
import dev.ember4j.core.ops.DepthwiseConv2DParams;
import dev.ember4j.core.ops.FullyConnectedParams;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ref.ReferenceBackend;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;
import java.util.Objects;

/**
 * Vector API kernels for CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, AVERAGE_POOL_2D and
 * MAX_POOL_2D, bit-exact with {@link ReferenceBackend} (which supplies SOFTMAX, ADD and every case
 * these kernels do not cover).
 *
 * <p>Design: CONV_2D and FULLY_CONNECTED run as an int8 GEMM. On first use the weights of an
 * operator are repacked (cached by the identity of its parameter record) into int32 panels
 * {@code [channel block of 8][k][8]}, and the input offset is folded into the bias:
 * {@code sum(w * (x + off)) + b = sum(w * x) + (b + off * sum(w))}. Padding taps are written as the
 * input zero point (x + off = 0), so the folded form is exact everywhere; int32 addition wraps
 * exactly as in the reference, so the order of summation does not matter. 1x1 convolutions read
 * the input rows in place; larger filters are gathered (im2col) four output pixels at a time into
 * the caller's scratch. The micro-kernel computes 4 pixels x 16 channels with broadcast-multiply-add
 * on 256-bit int vectors. Convolution requantization (double rounding) runs 8 channels at a time
 * in 64-bit lanes ({@link #requantInts}, exact, checked against {@link FixedPoint} on extreme
 * accumulators); FC's single rounding and partial channel blocks use the reference's scalar
 * {@link FixedPoint} functions.
 *
 * <p>Calls allocate nothing once C2 has compiled them (the per-operator pack is built on the first
 * call; accumulators are spilled to a per-thread 64-int buffer); the backend holds no mutable
 * state except that cache, so one instance may serve many threads.
 *
 * <p>The constructor works wherever {@code jdk.incubator.vector} is present; use
 * {@link SimdBackends#bestAvailable()} to get it only where it is also fast.
 */
public class SimdBackend extends ReferenceBackend {
    static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    static final VectorSpecies<Byte> B16 = ByteVector.SPECIES_128;
    static final VectorSpecies<Byte> B32 = ByteVector.SPECIES_256;
    /** Int lanes per vector. */
    static final int L = 8;
    /** Output pixels (GEMM rows) per micro-kernel tile. */
    static final int TP = 4;

    static final VectorSpecies<Long> L4 = LongVector.SPECIES_256;

    private static final ThreadLocal<int[]> ACC = ThreadLocal.withInitial(() -> new int[TP * 2 * L]);

    private final IdentityCache<Object, Object> cache = new IdentityCache<>();

    public SimdBackend() {}

    @Override
    public String name() {
        return "simd";
    }

    // ------------------------------------------------------------------------------ REQUANTIZATION

    /**
     * Per-channel constants for {@link #requantInts}, the lane-wise form of
     * {@link FixedPoint#multiplyByQuantizedMultiplier} (padded to whole vectors; padding lanes are 0).
     * {@code ok} is false when a multiplier is {@code Integer.MIN_VALUE}: only then can the
     * doubling high multiply saturate, which the vector form does not model.
     */
    static final class Requant {
        final int[] leftShift;
        final int[] rightShift;
        final int[] mask;
        final int[] halfMask;
        /** Multipliers of the even (index 2i) and odd (2i+1) channels, as longs. */
        final long[] multEven;
        final long[] multOdd;
        final boolean ok;

        Requant(int[] multiplier, int[] shift, int n, int padded, int[] slotOf) {
            leftShift = new int[padded];
            rightShift = new int[padded];
            mask = new int[padded];
            halfMask = new int[padded];
            multEven = new long[padded / 2];
            multOdd = new long[padded / 2];
            boolean fine = true;
            for (int oc = 0; oc < n; oc++) {
                int q = multiplier.length == n ? oc : 0;
                int slot = slotOf == null ? oc : slotOf[oc];
                int sh = shift[q];
                leftShift[slot] = sh > 0 ? sh : 0;
                rightShift[slot] = sh > 0 ? 0 : -sh;
                mask[slot] = (int) ((1L << rightShift[slot]) - 1);
                halfMask[slot] = mask[slot] >> 1;
                if (slot % 2 == 0) {
                    multEven[slot / 2] = multiplier[q];
                } else {
                    multOdd[slot / 2] = multiplier[q];
                }
                fine &= multiplier[q] != Integer.MIN_VALUE && rightShift[slot] <= 31;
            }
            ok = fine;
        }
    }

    private static final IntVector ONE = IntVector.broadcast(I, 1);
    private static final LongVector NUDGE_POS = LongVector.broadcast(L4, 1L << 30);
    private static final LongVector NUDGE_NEG = LongVector.broadcast(L4, 1L - (1L << 30));

    /**
     * {@code clamp(multiplyByQuantizedMultiplier(src[si+i], mult[c+i], shift[c+i]) + zp)} for 8 lanes
     * into dst[di..di+8), exactly: {@code x = acc << left} (wrapping, as {@code x * (1 << left)}); the
     * doubling high multiply {@code (x*m + nudge) / 2^31} in 64-bit lanes, truncating toward zero
     * (negative sums get {@code 2^31 - 1} added before the arithmetic shift); then the rounding
     * right shift by {@code right}, rounding half away from zero via the mask/threshold rule.
     * Array in, array out: no vector crosses a call boundary, so nothing is boxed when C2 declines
     * to inline.
     */
    static void requantInts(int[] src, int si, Requant rq, int c /* even */, int zp, int amin, int amax, int[] dst, int di) {
        IntVector x = IntVector.fromArray(I, src, si)
                .lanewise(VectorOperators.LSHL, IntVector.fromArray(I, rq.leftShift, c));
        // Same-shape reinterpretation only (no lane-count-changing conversions, which C2 in JDK 17
        // does not always intrinsify): long lane i holds int lanes 2i (low half) and 2i+1 (high half).
        LongVector pairs = x.reinterpretAsLongs();
        // (x*m + nudge) / 2^31, truncating toward zero, written out for both halves (no helper:
        // a vector passed to a method C2 declines to inline would be boxed).
        LongVector abE = pairs.lanewise(VectorOperators.LSHL, 32).lanewise(VectorOperators.ASHR, 32)
                .mul(LongVector.fromArray(L4, rq.multEven, c / 2));
        LongVector abO = pairs.lanewise(VectorOperators.ASHR, 32).mul(LongVector.fromArray(L4, rq.multOdd, c / 2));
        LongVector sumE = abE.add(NUDGE_POS.blend(NUDGE_NEG, abE.compare(VectorOperators.LT, 0L)));
        LongVector sumO = abO.add(NUDGE_POS.blend(NUDGE_NEG, abO.compare(VectorOperators.LT, 0L)));
        LongVector even = sumE.add(sumE.lanewise(VectorOperators.ASHR, 63).and(0x7FFFFFFFL))
                .lanewise(VectorOperators.ASHR, 31);
        LongVector odd = sumO.add(sumO.lanewise(VectorOperators.ASHR, 63).and(0x7FFFFFFFL))
                .lanewise(VectorOperators.ASHR, 31);
        IntVector q = even.and(0xFFFFFFFFL).or(odd.lanewise(VectorOperators.LSHL, 32)).reinterpretAsInts();
        IntVector remainder = q.and(IntVector.fromArray(I, rq.mask, c));
        IntVector threshold = IntVector.fromArray(I, rq.halfMask, c).sub(q.lanewise(VectorOperators.ASHR, 31));
        q.lanewise(VectorOperators.ASHR, IntVector.fromArray(I, rq.rightShift, c))
                .add(ONE, remainder.compare(VectorOperators.GT, threshold))
                .add(zp).max(amin).min(amax).intoArray(dst, di);
    }

    /**
     * 8 ints (already in byte range) narrowed to bytes at out[o]. Scalar on purpose: JDK 17's C2
     * does not reliably intrinsify the Int256-to-Byte64 conversion, and a failed intrinsic allocates.
     */
    static void storeBytes8(int[] src, int si, byte[] out, int o) {
        for (int i = 0; i < L; i++) {
            out[o + i] = (byte) src[si + i];
        }
    }

    // ------------------------------------------------------------------------------------------ GEMM

    /** Packed int8 GEMM weights: int32 panels [nVec][k][L], folded bias, per-channel requantization. */
    static final class Gemm {
        final int k;
        final int n;
        final int nVec;
        final int[] w;
        final int[] bias;
        final int[] mult;
        final int[] shift;
        /** False when the input zero point does not fit in int8 (padding cannot be materialized). */
        final boolean padOk;
        final Requant rq;

        Gemm(byte[] filter, int n, int k, int[] bias, int inputOffset, int[] multiplier, int[] shift) {
            this.k = k;
            this.n = n;
            this.nVec = (n + L - 1) / L;
            this.w = new int[nVec * k * L];
            this.bias = new int[nVec * L];
            this.mult = new int[n];
            this.shift = new int[n];
            for (int oc = 0; oc < n; oc++) {
                int sum = 0;
                int base = (oc / L) * k * L + oc % L;
                for (int kk = 0; kk < k; kk++) {
                    int f = filter[oc * k + kk];
                    w[base + kk * L] = f;
                    sum += f;
                }
                this.bias[oc] = (bias == null ? 0 : bias[oc]) + inputOffset * sum;
                int q = multiplier.length == n ? oc : 0;
                this.mult[oc] = multiplier[q];
                this.shift[oc] = shift[q];
            }
            this.padOk = -inputOffset >= -128 && -inputOffset <= 127;
            this.rq = new Requant(multiplier, shift, n, nVec * L, null);
        }
    }

    private static Object packConv(Object o) {
        Conv2DParams p = (Conv2DParams) o;
        return new Gemm(p.filter(), p.outputDepth(), p.filterHeight() * p.filterWidth() * p.inputDepth(),
                p.bias(), p.inputOffset(), p.outputMultiplier(), p.outputShift());
    }

    private static Object packFc(Object o) {
        FullyConnectedParams p = (FullyConnectedParams) o;
        return new Gemm(p.filter(), p.outputDepth(), p.inputDepth(), p.bias(), p.inputOffset(),
                p.outputMultiplier(), p.outputShift());
    }

    /**
     * Rows o0..o3 of a (each g.k bytes; rows past np repeat o0 and are not stored) times the packed
     * weights, requantized into out at q0..q3.
     */
    /**
     * Accumulators of rows o0..o3 of a (each g.k bytes) times the packed weights, bias included,
     * into acc[p * nVec*L + oc]. No requantization here: keeping this compilation unit small keeps
     * C2 intrinsifying every vector operation in it (a failed intrinsic would allocate).
     */
    private static void gemmTile(Gemm g, byte[] a, int o0, int o1, int o2, int o3, int[] acc) {
        final int k = g.k;
        final int[] w = g.w;
        final int[] bias = g.bias;
        final int panel = k * L;
        int v = 0;
        for (; v + 1 < g.nVec; v += 2) {
            final int wb0 = v * panel;
            final int wb1 = wb0 + panel;
            IntVector b0 = IntVector.fromArray(I, bias, v * L);
            IntVector b1 = IntVector.fromArray(I, bias, v * L + L);
            IntVector c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1, c30 = b0, c31 = b1;
            for (int kk = 0; kk < k; kk++) {
                IntVector w0 = IntVector.fromArray(I, w, wb0 + kk * L);
                IntVector w1 = IntVector.fromArray(I, w, wb1 + kk * L);
                int x0 = a[o0 + kk];
                int x1 = a[o1 + kk];
                int x2 = a[o2 + kk];
                int x3 = a[o3 + kk];
                c00 = c00.add(w0.mul(x0));
                c01 = c01.add(w1.mul(x0));
                c10 = c10.add(w0.mul(x1));
                c11 = c11.add(w1.mul(x1));
                c20 = c20.add(w0.mul(x2));
                c21 = c21.add(w1.mul(x2));
                c30 = c30.add(w0.mul(x3));
                c31 = c31.add(w1.mul(x3));
            }
            final int stride = g.nVec * L;
            final int col = v * L;
            c00.intoArray(acc, col);
            c01.intoArray(acc, col + L);
            c10.intoArray(acc, stride + col);
            c11.intoArray(acc, stride + col + L);
            c20.intoArray(acc, 2 * stride + col);
            c21.intoArray(acc, 2 * stride + col + L);
            c30.intoArray(acc, 3 * stride + col);
            c31.intoArray(acc, 3 * stride + col + L);
        }
        if (v < g.nVec) {
            final int wb0 = v * panel;
            IntVector b0 = IntVector.fromArray(I, bias, v * L);
            IntVector c0 = b0, c1 = b0, c2 = b0, c3 = b0;
            for (int kk = 0; kk < k; kk++) {
                IntVector w0 = IntVector.fromArray(I, w, wb0 + kk * L);
                c0 = c0.add(w0.mul((int) a[o0 + kk]));
                c1 = c1.add(w0.mul((int) a[o1 + kk]));
                c2 = c2.add(w0.mul((int) a[o2 + kk]));
                c3 = c3.add(w0.mul((int) a[o3 + kk]));
            }
            final int stride = g.nVec * L;
            final int col = v * L;
            c0.intoArray(acc, col);
            c1.intoArray(acc, stride + col);
            c2.intoArray(acc, 2 * stride + col);
            c3.intoArray(acc, 3 * stride + col);
        }
    }

    /** Requantizes np rows of gemmTile accumulators (all g.n channels) into out at q0, q0+n, ... */
    private static void requant(Gemm g, int[] acc, int np, byte[] out, int q0,
                                boolean singleRounding, int outZp, int amin, int amax) {
        final boolean vec = !singleRounding && g.rq.ok;
        final int n = g.n;
        final int stride = g.nVec * L;
        for (int p = 0; p < np; p++) {
            final int q = q0 + p * n;
            final int ab = p * stride;
            int j = 0;
            if (vec) {
                for (; j + L <= n; j += L) {
                    requantInts(acc, ab + j, g.rq, j, outZp, amin, amax, acc, ab + j);
                    storeBytes8(acc, ab + j, out, q + j);
                }
            }
            for (; j < n; j++) {
                int r = singleRounding
                        ? FixedPoint.multiplyByQuantizedMultiplierSingleRounding(acc[ab + j], g.mult[j], g.shift[j])
                        : FixedPoint.multiplyByQuantizedMultiplier(acc[ab + j], g.mult[j], g.shift[j]);
                r += outZp;
                out[q + j] = (byte) Math.min(Math.max(r, amin), amax);
            }
        }
    }

    /** The per-thread accumulator buffer, grown (once) to at least size ints. */
    private static int[] acc(int size) {
        int[] acc = ACC.get();
        if (acc.length < size) {
            acc = new int[size];
            ACC.set(acc);
        }
        return acc;
    }

    // -------------------------------------------------------------------------------------- CONV_2D

    @Override
    public void conv2d(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                       byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        Gemm g = (Gemm) cache.computeIfAbsent(p, SimdBackend::packConv);
        final int fh = p.filterHeight();
        final int fw = p.filterWidth();
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int outH = p.outputHeight();
        final int outW = p.outputWidth();
        final int sh = p.strideHeight();
        final int sw = p.strideWidth();
        final int padT = p.padTop();
        final int padL = p.padLeft();
        final boolean direct = fh == 1 && fw == 1 && padT == 0 && padL == 0
                && (outH - 1) * sh < inH && (outW - 1) * sw < inW;
        if (!direct) {
            if (!g.padOk) {
                super.conv2d(p, input, inputOffset, output, outputOffset, scratch);
                return;
            }
            if (scratch == null || scratch.length < TP * g.k) {
                throw new IllegalArgumentException("conv2d needs " + TP * g.k + " scratch bytes");
            }
        }
        final int[] acc = acc(TP * g.nVec * L);
        final int n = g.n;
        final int k = g.k;
        final int plane = outH * outW;
        final int total = p.batches() * plane;
        final int outZp = p.outputOffset();
        final int amin = p.activationMin();
        final int amax = p.activationMax();
        final byte zp = (byte) -p.inputOffset();
        int o0 = 0, o1 = 0, o2 = 0, o3 = 0;
        for (int t = 0; t < total; t += TP) {
            final int np = Math.min(TP, total - t);
            for (int j = 0; j < np; j++) {
                int pix = t + j;
                int b = pix / plane;
                int rem = pix - b * plane;
                int y = rem / outW;
                int x = rem - y * outW;
                int off;
                if (direct) {
                    off = inputOffset + ((b * inH + y * sh) * inW + x * sw) * inC;
                } else {
                    off = j * k;
                    im2col(p, input, inputOffset, b, y * sh - padT, x * sw - padL, scratch, off, zp);
                }
                switch (j) {
                    case 0 -> o0 = off;
                    case 1 -> o1 = off;
                    case 2 -> o2 = off;
                    default -> o3 = off;
                }
            }
            if (np < 2) {
                o1 = o0;
            }
            if (np < 3) {
                o2 = o0;
            }
            if (np < 4) {
                o3 = o0;
            }
            int q0 = outputOffset + t * n;
            gemmTile(g, direct ? input : scratch, o0, o1, o2, o3, acc);
            requant(g, acc, np, output, q0, false, outZp, amin, amax);
        }
    }

    /** One im2col row [fy][fx][c] for the window at (y0, x0); taps outside the input get the zero point. */
    private static void im2col(Conv2DParams p, byte[] input, int inputOffset, int b, int y0, int x0,
                               byte[] s, int so, byte zp) {
        final int fh = p.filterHeight();
        final int fw = p.filterWidth();
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int dh = p.dilationHeight();
        final int dw = p.dilationWidth();
        final int rowBytes = fw * inC;
        final boolean xInside = x0 >= 0 && x0 + (fw - 1) * dw < inW;
        for (int fy = 0; fy < fh; fy++) {
            int inY = y0 + fy * dh;
            int dst = so + fy * rowBytes;
            if (inY < 0 || inY >= inH) {
                Arrays.fill(s, dst, dst + rowBytes, zp);
                continue;
            }
            int row = inputOffset + ((b * inH + inY) * inW) * inC;
            if (xInside && dw == 1) {
                System.arraycopy(input, row + x0 * inC, s, dst, rowBytes);
                continue;
            }
            for (int fx = 0; fx < fw; fx++) {
                int inX = x0 + fx * dw;
                if (inX < 0 || inX >= inW) {
                    Arrays.fill(s, dst, dst + inC, zp);
                } else if (inC == 1) {
                    s[dst] = input[row + inX];
                } else {
                    System.arraycopy(input, row + inX * inC, s, dst, inC);
                }
                dst += inC;
            }
        }
    }

    // ------------------------------------------------------------------------------ FULLY_CONNECTED

    @Override
    public void fullyConnected(FullyConnectedParams p, byte[] input, int inputOffset,
                               byte[] output, int outputOffset, byte[] scratch) {
        if (p.filterOffset() != 0) {
            super.fullyConnected(p, input, inputOffset, output, outputOffset, scratch);
            return;
        }
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        Gemm g = (Gemm) cache.computeIfAbsent(p, SimdBackend::packFc);
        final int[] acc = acc(TP * g.nVec * L);
        final int k = g.k;
        final int n = g.n;
        final int rows = p.batches();
        for (int t = 0; t < rows; t += TP) {
            int np = Math.min(TP, rows - t);
            int o0 = inputOffset + t * k;
            int o1 = np > 1 ? o0 + k : o0;
            int o2 = np > 2 ? o0 + 2 * k : o0;
            int o3 = np > 3 ? o0 + 3 * k : o0;
            int q0 = outputOffset + t * n;
            gemmTile(g, input, o0, o1, o2, o3, acc);
            requant(g, acc, np, output, q0, true, p.outputOffset(), p.activationMin(), p.activationMax());
        }
    }

    // ---------------------------------------------------------------------------- DEPTHWISE_CONV_2D

    /** Bytes per depthwise channel block: one 256-bit load, split into 4 int vectors by shifts. */
    static final int CB = 32;

    /**
     * Depthwise weights widened to int32. For depth multiplier 1 (channel blocks of 32), block
     * {@code c} tap {@code t} lane {@code s*8+j} holds channel {@code c + 4j + s}: a 32-byte input load
     * reinterpreted as 8 ints carries channel {@code c+4j+s} in byte s of int j, which
     * {@code (v << (24 - 8s)) >> 24} extracts. For depth multiplier &ge; 8 the layout is plain
     * [tap][channel]. The bias has {@code inputOffset * sum(w)} folded in; padding taps read the zero point.
     */
    static final class Depthwise {
        final int cp;
        final int[] w;
        final int[] bias;
        final int[] tapY;
        final int[] tapX;
        final boolean padOk;
        /** Vector requantization constants, in the same lane layout as the weights. */
        final Requant rq;

        /**
         * For depth multiplier 1 with 8 or 16 channels and horizontal stride 1: the same kernel
         * over 32 "virtual" channels {@code v} = (pixel {@code v / C}, channel {@code v % C}), so one
         * 32-byte load covers 32/C adjacent output pixels; null otherwise.
         */
        final Depthwise packed;

        Depthwise(DepthwiseConv2DParams p) {
            this(p, false);
        }

        private Depthwise(DepthwiseConv2DParams p, boolean replicate) {
            int c = p.outputDepth();
            int vc = replicate ? CB : c;
            int fw = p.filterWidth();
            int taps = p.filterHeight() * fw;
            boolean permuted = p.depthMultiplier() == 1;
            int blk = permuted ? CB : L;
            this.cp = (vc + blk - 1) / blk * blk;
            this.w = new int[taps * cp];
            this.bias = new int[cp];
            this.tapY = new int[taps];
            this.tapX = new int[taps];
            byte[] f = p.filter();
            int off = p.inputOffset();
            int[] slotOf = new int[vc];
            int[] mult = new int[vc];
            int[] shift = new int[vc];
            for (int v = 0; v < vc; v++) {
                int oc = v % c;
                int slot = permuted ? (v / CB) * CB + (v % 4) * L + (v % CB) / 4 : v;
                slotOf[v] = slot;
                int q = p.outputMultiplier().length == c ? oc : 0;
                mult[v] = p.outputMultiplier()[q];
                shift[v] = p.outputShift()[q];
                int sum = 0;
                for (int t = 0; t < taps; t++) {
                    w[t * cp + slot] = f[t * c + oc];
                    sum += f[t * c + oc];
                }
                bias[slot] = (p.bias() == null ? 0 : p.bias()[oc]) + off * sum;
            }
            for (int t = 0; t < taps; t++) {
                tapY[t] = (t / fw) * p.dilationHeight();
                tapX[t] = (t % fw) * p.dilationWidth();
            }
            this.padOk = -off >= -128 && -off <= 127;
            this.rq = new Requant(mult, shift, vc, cp, slotOf);
            this.packed = !replicate && p.depthMultiplier() == 1 && (c == 8 || c == 16) && p.strideWidth() == 1
                    ? new Depthwise(p, true) : null;
        }
    }

    private static Object packDepthwise(Object o) {
        return new Depthwise((DepthwiseConv2DParams) o);
    }

    @Override
    public int scratchBytes(OperatorParams params) {
        if (params instanceof Conv2DParams p) {
            return TP * p.filterHeight() * p.filterWidth() * p.inputDepth();
        }
        if (params instanceof DepthwiseConv2DParams) {
            return CB;
        }
        return super.scratchBytes(params);
    }

    @Override
    public void depthwiseConv2d(DepthwiseConv2DParams p, byte[] input, int inputOffset,
                                byte[] output, int outputOffset, byte[] scratch) {
        final int dm = p.depthMultiplier();
        if (dm != 1 && dm < L) {
            super.depthwiseConv2d(p, input, inputOffset, output, outputOffset, scratch);
            return;
        }
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        Depthwise d = (Depthwise) cache.computeIfAbsent(p, SimdBackend::packDepthwise);
        if (!d.padOk) {
            super.depthwiseConv2d(p, input, inputOffset, output, outputOffset, scratch);
            return;
        }
        if (scratch == null || scratch.length < CB) {
            throw new IllegalArgumentException("depthwiseConv2d needs " + CB + " scratch bytes");
        }
        Arrays.fill(scratch, 0, CB, (byte) -p.inputOffset());
        final int[] acc = ACC.get();
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int outC = p.outputDepth();
        final int fh = p.filterHeight();
        final int fw = p.filterWidth();
        final int lastDy = (fh - 1) * p.dilationHeight();
        final int lastDx = (fw - 1) * p.dilationWidth();
        final int rowStride = inW * inC;
        int out = outputOffset;
        for (int b = 0; b < p.batches(); b++) {
            final int inBatch = inputOffset + b * inH * rowStride;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                final int y0 = oy * p.strideHeight() - p.padTop();
                final int yLast = Math.max(0, Math.min(inH - 1, y0 + lastDy));
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    final int x0 = ox * p.strideWidth() - p.padLeft();
                    final Depthwise pk = d.packed;
                    if (pk != null && pk.rq.ok && x0 >= 0 && ox + CB / outC <= p.outputWidth()
                            && x0 + CB / outC - 1 + lastDx < inW) {
                        // CB / outC adjacent output pixels, every tap inside the row: one block.
                        depthwiseBlock32(p, pk, input, inBatch, y0, x0, 0, scratch, acc);
                        for (int k = 0; k < CB; k += L) {
                            requantInts(acc, k, pk.rq, k, p.outputOffset(), p.activationMin(),
                                    p.activationMax(), acc, k);
                        }
                        for (int i = 0; i < CB; i++) {
                            output[out + i] = (byte) acc[(i % 4) * L + i / 4];
                        }
                        ox += CB / outC - 1;
                        out += CB;
                        continue;
                    }
                    if (dm == 1) {
                        final int lastPixel = inBatch + (yLast * inW + Math.max(0, Math.min(inW - 1, x0 + lastDx))) * inC;
                        for (int c = 0; c < outC; c += CB) {
                            if (c + CB > outC && lastPixel + c + CB > input.length) {
                                for (int oc = c; oc < outC; oc++) {
                                    output[out + oc] = scalarDepthwise(p, d, input, inBatch, oc, oc, y0, x0);
                                }
                                break;
                            }
                            int n = Math.min(CB, outC - c);
                            depthwiseBlock32(p, d, input, inBatch, y0, x0, c, scratch, acc);
                            if (d.rq.ok) {
                                for (int k = 0; k < CB; k += L) {
                                    requantInts(acc, k, d.rq, c + k, p.outputOffset(), p.activationMin(),
                                            p.activationMax(), acc, k);
                                }
                                // Lane s*8+j holds channel c+4j+s (see Depthwise).
                                for (int i = 0; i < n; i++) {
                                    output[out + c + i] = (byte) acc[(i % 4) * L + i / 4];
                                }
                                continue;
                            }
                            for (int i = 0; i < n; i++) {
                                int slot = (i % 4) * L + i / 4;
                                int oc = c + i;
                                output[out + oc] = requantByte(acc[slot], p.outputMultiplier()[oc], p.outputShift()[oc],
                                        p.outputOffset(), p.activationMin(), p.activationMax());
                            }
                        }
                    } else {
                        final int sw = p.strideWidth();
                        if (d.rq.ok && dm % L == 0 && ox + 4 <= p.outputWidth() && x0 >= 0 && y0 >= 0
                                && y0 + lastDy < inH && x0 + 3 * sw + lastDx < inW) {
                            // Four output pixels whose taps all lie inside the input: one pass per
                            // 8-channel block, each weight vector used four times.
                            for (int ic = 0; ic < inC; ic++) {
                                for (int m = 0; m < dm; m += L) {
                                    final int c = ic * dm + m; // even: dm is a multiple of 8
                                    depthwiseBroadcast8x4(p, d, input, inBatch + (y0 * inW + x0) * inC + ic,
                                            sw * inC, c, acc);
                                    for (int k = 0; k < 4; k++) {
                                        requantInts(acc, k * L, d.rq, c, p.outputOffset(), p.activationMin(),
                                                p.activationMax(), acc, k * L);
                                        storeBytes8(acc, k * L, output, out + k * outC + c);
                                    }
                                }
                            }
                            ox += 3;
                            out += 4 * outC;
                            continue;
                        }
                        final int fullM = dm - dm % L;
                        for (int ic = 0; ic < inC; ic++) {
                            for (int m = 0; m < fullM; m += L) {
                                final int c = ic * dm + m;
                                depthwiseBroadcast8(p, d, input, inBatch, y0, x0, ic, c, scratch, acc);
                                if (d.rq.ok && (c & 1) == 0) { // requantInts pairs lanes from an even channel
                                    requantInts(acc, 0, d.rq, c, p.outputOffset(), p.activationMin(),
                                            p.activationMax(), acc, 0);
                                    storeBytes8(acc, 0, output, out + c);
                                    continue;
                                }
                                for (int j = 0; j < L; j++) {
                                    output[out + c + j] = requantByte(acc[j], p.outputMultiplier()[c + j],
                                            p.outputShift()[c + j], p.outputOffset(), p.activationMin(), p.activationMax());
                                }
                            }
                            for (int m = fullM; m < dm; m++) {
                                int oc = ic * dm + m;
                                output[out + oc] = scalarDepthwise(p, d, input, inBatch, ic, oc, y0, x0);
                            }
                        }
                    }
                    out += outC;
                }
            }
        }
    }

    private static byte requantByte(int acc, int m, int s, int zp, int amin, int amax) {
        int r = FixedPoint.multiplyByQuantizedMultiplier(acc, m, s) + zp;
        return (byte) Math.min(Math.max(r, amin), amax);
    }

    /** 32 channels from c at one output pixel; one flat loop over taps (padding taps read the zero point from scratch). */
    private static void depthwiseBlock32(DepthwiseConv2DParams p, Depthwise d, byte[] input, int inBatch,
                                         int y0, int x0, int c, byte[] zpRow, int[] acc) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int cp = d.cp;
        final int[] w = d.w;
        final int[] tapY = d.tapY;
        final int[] tapX = d.tapX;
        final int taps = tapY.length;
        IntVector a0 = IntVector.fromArray(I, d.bias, c);
        IntVector a1 = IntVector.fromArray(I, d.bias, c + L);
        IntVector a2 = IntVector.fromArray(I, d.bias, c + 2 * L);
        IntVector a3 = IntVector.fromArray(I, d.bias, c + 3 * L);
        for (int t = 0; t < taps; t++) {
            int iy = y0 + tapY[t];
            int ix = x0 + tapX[t];
            boolean valid = iy >= 0 && iy < inH && ix >= 0 && ix < inW;
            byte[] src = valid ? input : zpRow;
            int idx = valid ? inBatch + (iy * inW + ix) * inC + c : 0;
            IntVector v = ByteVector.fromArray(B32, src, idx).reinterpretAsInts();
            int wo = t * cp + c;
            a0 = a0.add(v.lanewise(VectorOperators.LSHL, 24).lanewise(VectorOperators.ASHR, 24)
                    .mul(IntVector.fromArray(I, w, wo)));
            a1 = a1.add(v.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 24)
                    .mul(IntVector.fromArray(I, w, wo + L)));
            a2 = a2.add(v.lanewise(VectorOperators.LSHL, 8).lanewise(VectorOperators.ASHR, 24)
                    .mul(IntVector.fromArray(I, w, wo + 2 * L)));
            a3 = a3.add(v.lanewise(VectorOperators.ASHR, 24).mul(IntVector.fromArray(I, w, wo + 3 * L)));
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, L);
        a2.intoArray(acc, 2 * L);
        a3.intoArray(acc, 3 * L);
    }

    /** Depth multiplier &ge; 8: 8 output channels of one input channel, input value broadcast. */
    private static void depthwiseBroadcast8(DepthwiseConv2DParams p, Depthwise d, byte[] input, int inBatch,
                                            int y0, int x0, int ic, int c, byte[] zpRow, int[] acc) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int cp = d.cp;
        final int[] w = d.w;
        final int[] tapY = d.tapY;
        final int[] tapX = d.tapX;
        final int taps = tapY.length;
        IntVector a = IntVector.fromArray(I, d.bias, c);
        for (int t = 0; t < taps; t++) {
            int iy = y0 + tapY[t];
            int ix = x0 + tapX[t];
            boolean valid = iy >= 0 && iy < inH && ix >= 0 && ix < inW;
            int x = valid ? input[inBatch + (iy * inW + ix) * inC + ic] : zpRow[0];
            a = a.add(IntVector.fromArray(I, w, t * cp + c).mul(x));
        }
        a.intoArray(acc, 0);
    }

    /**
     * {@link #depthwiseBroadcast8} for four output pixels {@code step} bytes apart whose taps all
     * lie inside the input (no padding checks); accumulators to acc[0..32), pixel k at k*8.
     */
    private static void depthwiseBroadcast8x4(DepthwiseConv2DParams p, Depthwise d, byte[] input, int base,
                                              int step, int c, int[] acc) {
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int cp = d.cp;
        final int[] w = d.w;
        final int[] tapY = d.tapY;
        final int[] tapX = d.tapX;
        final int taps = tapY.length;
        IntVector a0 = IntVector.fromArray(I, d.bias, c);
        IntVector a1 = a0;
        IntVector a2 = a0;
        IntVector a3 = a0;
        for (int t = 0; t < taps; t++) {
            int i = base + (tapY[t] * inW + tapX[t]) * inC;
            IntVector wv = IntVector.fromArray(I, w, t * cp + c);
            a0 = a0.add(wv.mul(input[i]));
            a1 = a1.add(wv.mul(input[i + step]));
            a2 = a2.add(wv.mul(input[i + 2 * step]));
            a3 = a3.add(wv.mul(input[i + 3 * step]));
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, L);
        a2.intoArray(acc, 2 * L);
        a3.intoArray(acc, 3 * L);
    }

    /** One output channel exactly as the reference (raw weights, offset per valid tap). */
    private static byte scalarDepthwise(DepthwiseConv2DParams p, Depthwise d, byte[] input, int inBatch, int ic,
                                        int oc, int y0, int x0) {
        final int inC = p.inputDepth();
        final int oD = p.outputDepth();
        final byte[] f = p.filter();
        int a = p.bias() == null ? 0 : p.bias()[oc];
        for (int t = 0; t < d.tapY.length; t++) {
            int iy = y0 + d.tapY[t];
            int ix = x0 + d.tapX[t];
            if (iy >= 0 && iy < p.inputHeight() && ix >= 0 && ix < p.inputWidth()) {
                a += f[t * oD + oc] * (input[inBatch + (iy * p.inputWidth() + ix) * inC + ic] + p.inputOffset());
            }
        }
        return requantByte(a, p.outputMultiplier()[oc], p.outputShift()[oc], p.outputOffset(),
                p.activationMin(), p.activationMax());
    }

    // ---------------------------------------------------------------------------------------- POOLS

    @Override
    public void maxPool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                          byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int depth = p.depth();
        final int rowStride = inW * depth;
        final int full = depth - depth % 16;
        final byte amin = (byte) p.activationMin();
        final byte amax = (byte) p.activationMax();
        final ByteVector lo = ByteVector.broadcast(B16, amin);
        final ByteVector hi = ByteVector.broadcast(B16, amax);
        int out = outputOffset;
        for (int b = 0; b < p.batches(); b++) {
            final int inBatch = inputOffset + b * inH * rowStride;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                final int y0 = oy * p.strideHeight() - p.padTop();
                final int fy0 = Math.max(0, -y0);
                final int fy1 = Math.min(p.filterHeight(), inH - y0);
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    final int x0 = ox * p.strideWidth() - p.padLeft();
                    final int fx0 = Math.max(0, -x0);
                    final int fx1 = Math.min(p.filterWidth(), inW - x0);
                    final int window = inBatch + y0 * rowStride + x0 * depth;
                    final int ny = Math.max(0, fy1 - fy0);
                    final int nx = Math.max(0, fx1 - fx0);
                    final int first = window + fy0 * rowStride + fx0 * depth;
                    for (int c = 0; c < full; c += 16) {
                        maxBlock16(input, first + c, rowStride, depth, ny, nx).max(lo).min(hi).intoArray(output, out + c);
                    }
                    for (int c = full; c < depth; c++) {
                        int m = -128;
                        for (int fy = fy0; fy < fy1; fy++) {
                            final int row = window + fy * rowStride + c;
                            for (int fx = fx0; fx < fx1; fx++) {
                                m = Math.max(m, input[row + fx * depth]);
                            }
                        }
                        output[out + c] = (byte) Math.min(Math.max(m, amin), amax);
                    }
                    out += depth;
                }
            }
        }
    }

    private static ByteVector maxBlock16(byte[] input, int base, int rowStride, int depth, int ny, int nx) {
        ByteVector m = ByteVector.broadcast(B16, (byte) -128);
        final int n = ny * nx;
        int fy = 0;
        int fx = 0;
        for (int t = 0; t < n; t++) {
            m = m.max(ByteVector.fromArray(B16, input, base + fy * rowStride + fx * depth));
            if (++fx == nx) {
                fx = 0;
                fy++;
            }
        }
        return m;
    }

    @Override
    public void averagePool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                              byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        final int[] acc = ACC.get();
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int depth = p.depth();
        final int rowStride = inW * depth;
        final int full = depth - depth % CB;
        final int amin = p.activationMin();
        final int amax = p.activationMax();
        int out = outputOffset;
        for (int b = 0; b < p.batches(); b++) {
            final int inBatch = inputOffset + b * inH * rowStride;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                final int y0 = oy * p.strideHeight() - p.padTop();
                final int fy0 = Math.max(0, -y0);
                final int fy1 = Math.min(p.filterHeight(), inH - y0);
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    final int x0 = ox * p.strideWidth() - p.padLeft();
                    final int fx0 = Math.max(0, -x0);
                    final int fx1 = Math.min(p.filterWidth(), inW - x0);
                    final int ny = Math.max(0, fy1 - fy0);
                    final int nx = Math.max(0, fx1 - fx0);
                    final int count = ny * nx;
                    final int window = inBatch + (y0 + fy0) * rowStride + (x0 + fx0) * depth;
                    for (int c = 0; c < full; c += CB) {
                        sumBlock32(input, window + c, rowStride, depth, ny, nx, acc);
                        for (int i = 0; i < CB; i++) {
                            output[out + c + i] = average(acc[(i % 4) * L + i / 4], count, amin, amax);
                        }
                    }
                    for (int c = full; c < depth; c++) {
                        int s = 0;
                        for (int fy = 0; fy < ny; fy++) {
                            final int row = window + fy * rowStride + c;
                            for (int fx = 0; fx < nx; fx++) {
                                s += input[row + fx * depth];
                            }
                        }
                        output[out + c] = average(s, count, amin, amax);
                    }
                    out += depth;
                }
            }
        }
    }

    /** Sums 32 channels over an ny x nx window in one flat loop; lane s*8+j holds channel 4j+s. */
    private static void sumBlock32(byte[] input, int base, int rowStride, int depth, int ny, int nx, int[] acc) {
        IntVector a0 = IntVector.zero(I);
        IntVector a1 = a0;
        IntVector a2 = a0;
        IntVector a3 = a0;
        final int n = ny * nx;
        int fy = 0;
        int fx = 0;
        for (int t = 0; t < n; t++) {
            IntVector v = ByteVector.fromArray(B32, input, base + fy * rowStride + fx * depth).reinterpretAsInts();
            a0 = a0.add(v.lanewise(VectorOperators.LSHL, 24).lanewise(VectorOperators.ASHR, 24));
            a1 = a1.add(v.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 24));
            a2 = a2.add(v.lanewise(VectorOperators.LSHL, 8).lanewise(VectorOperators.ASHR, 24));
            a3 = a3.add(v.lanewise(VectorOperators.ASHR, 24));
            if (++fx == nx) {
                fx = 0;
                fy++;
            }
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, L);
        a2.intoArray(acc, 2 * L);
        a3.intoArray(acc, 3 * L);
    }

    private static byte average(int acc, int count, int amin, int amax) {
        int avg;
        if (count == 0) {
            avg = 0;
        } else if (acc > 0) {
            avg = (acc + count / 2) / count;
        } else {
            avg = (acc - count / 2) / count;
        }
        return (byte) Math.min(Math.max(avg, amin), amax);
    }
}
