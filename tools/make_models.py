#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Generates extra INT8 test models with TensorFlow Lite reference-kernel goldens.

Writes testdata/generated/CASE/{model.tflite,input0.bin,expected0.bin,...} in the layout of
../shared/conformance (3 input/expected pairs, suffixes "", ".1", ".2"). Goldens come from
tf.lite.Interpreter with the BUILTIN_REF op resolver, one thread.

Offline install of TensorFlow here:
  python3 -m venv V && V/bin/pip install --index-url file:///opt/pypi/simple \
      --extra-index-url file:///opt/pypi-more/simple tensorflow-cpu==2.21.0
Run: V/bin/python tools/make_models.py
"""
import os
import pathlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "generated"


def convert(model, input_shape, rng, per_channel=True):
    conv = tf.lite.TFLiteConverter.from_keras_model(model)
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = lambda: (
        [rng.standard_normal((1,) + input_shape).astype(np.float32) * 2] for _ in range(64))
    conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    conv.inference_input_type = tf.int8
    conv.inference_output_type = tf.int8
    conv._experimental_disable_per_channel_quantization_for_dense_layers = not per_channel
    return conv.convert()


def write_case(name, tflite, rng):
    d = case_dir(name, tflite)
    d.mkdir(parents=True, exist_ok=True)
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1,
                             experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_REF)
    it.allocate_tensors()
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(it.get_input_details()):
            if pair < 2:
                x = rng.integers(-128, 128, size=det["shape"], dtype=np.int8)
            else:  # extremes to stress saturation
                x = rng.choice(np.array([-128, 127], dtype=np.int8), size=det["shape"])
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
    print("wrote", d)


def dense(inputs, units, rng, activation=None):
    m = tf.keras.Sequential([tf.keras.Input((inputs,)), tf.keras.layers.Dense(units, activation=activation)])
    m.layers[0].set_weights([rng.standard_normal((inputs, units)).astype(np.float32) * 0.3,
                             rng.standard_normal(units).astype(np.float32)])
    return m


def main():
    rng = np.random.default_rng(20261122)
    # Wide FULLY_CONNECTED layers: 3x1024 outputs hit many rounding ties, which separate TFLite 2.21's
    # single-rounding FC requantization from the double-rounding one the convolutions use.
    write_case("fc_wide_ties_per_tensor", convert(dense(64, 1024, rng), (64,), rng, per_channel=False), rng)
    write_case("fc_wide_ties_per_channel", convert(dense(64, 1024, rng, "relu"), (64,), rng), rng)
    # A small CNN with a residual ADD of differently scaled branches and a max pool.
    inp = tf.keras.Input((20, 20, 3), batch_size=1)
    a = tf.keras.layers.Conv2D(12, 3, padding="same", activation="relu")(inp)
    b = tf.keras.layers.DepthwiseConv2D(3, padding="same", depth_multiplier=4)(inp)
    x = tf.keras.layers.Add()([a, b])
    x = tf.keras.layers.MaxPooling2D(2)(x)
    x = tf.keras.layers.Conv2D(16, 3, strides=2, padding="valid", activation="relu6")(x)
    x = tf.keras.layers.AveragePooling2D(2, padding="same")(x)
    x = tf.keras.layers.Reshape((-1,))(x)
    x = tf.keras.layers.Dense(10)(x)
    x = tf.keras.layers.Softmax()(x)
    write_case("cnn_residual_add_pools", convert(tf.keras.Model(inp, x), (20, 20, 3), rng), rng)


if __name__ == "__main__":
    main()
