#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Times one model on the TensorFlow Lite Python interpreter (one thread) for Ember4j's PeerHarness.

usage: peer_tflite.py MODEL INPUT_BIN ITERATIONS RESOLVER[,RESOLVER...] [--warmup N] [--warmup-ms MS]

RESOLVER: BUILTIN_REF (reference kernels), BUILTIN_WITHOUT_DEFAULT_DELEGATES (optimized kernels,
no XNNPACK) or BUILTIN (optimized kernels plus the default XNNPACK delegate).
INPUT_BIN holds the raw bytes of input tensor 0. Prints one JSON object per resolver and line:
{"resolver", "tf_version", "median_us", "p10_us", "p90_us", "output_hex"} or {"resolver", "error"};
or a single {"skipped": ...} line when tensorflow cannot be imported.
"""
import argparse
import json
import sys
import time


def percentile(sorted_values, p):
    rank = (len(sorted_values) - 1) * p / 100.0
    lo = int(rank)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (rank - lo)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("input")
    ap.add_argument("iterations", type=int)
    ap.add_argument("resolvers")
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--warmup-ms", type=float, default=5000)
    args = ap.parse_args()
    try:
        import numpy as np
        import tensorflow as tf
    except Exception as e:  # ImportError, or a broken install
        print(json.dumps({"skipped": "TFLite 2.21 (Python) skipped: tensorflow not installed (%s: %s)"
                          % (type(e).__name__, e)}))
        return 0
    with open(args.input, "rb") as f:
        raw = f.read()
    for name in args.resolvers.split(","):
        try:
            resolver = getattr(tf.lite.experimental.OpResolverType, name)
            interp = tf.lite.Interpreter(model_path=args.model, num_threads=1,
                                         experimental_op_resolver_type=resolver)
            interp.allocate_tensors()
            det = interp.get_input_details()[0]
            data = np.frombuffer(raw, dtype=det["dtype"]).reshape(det["shape"])
            interp.set_tensor(det["index"], data)
            end = time.perf_counter_ns() + int(args.warmup_ms * 1e6)
            i = 0
            while i < args.warmup or time.perf_counter_ns() < end:
                interp.invoke()
                i += 1
            samples = []
            clock = time.perf_counter_ns
            invoke = interp.invoke
            for _ in range(args.iterations):
                t0 = clock()
                invoke()
                samples.append(clock() - t0)
            samples.sort()
            out = interp.get_tensor(interp.get_output_details()[0]["index"])
            print(json.dumps({
                "resolver": name,
                "tf_version": tf.__version__,
                "median_us": percentile(samples, 50) / 1e3,
                "p10_us": percentile(samples, 10) / 1e3,
                "p90_us": percentile(samples, 90) / 1e3,
                "output_hex": out.tobytes().hex(),
            }), flush=True)
        except Exception as e:
            print(json.dumps({"resolver": name, "tf_version": tf.__version__,
                              "error": "%s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")}),
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
