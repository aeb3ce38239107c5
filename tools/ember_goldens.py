# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""The one place golden cases are written: testdata/generated/<operator>_<variant>/ holds model.tflite,
inputK[.P].bin / expectedK[.P].bin pairs (TFLite 2.21 BUILTIN_REF outputs) and manifest.json, which says
what the case tests (operator, tensor types), which script made it and with which TensorFlow.
New make_*_models.py scripts write through write_case; see docs/OPERATORS.md, "Adding an operator"."""
import json
import pathlib
import shutil

import numpy as np
import tensorflow as tf

OUT = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "generated"
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF


def random_input(rng, det, extremes):
    """A random tensor for an input: integers over their whole range (only the range's ends when
    `extremes`), floats normal with a few exact zeros."""
    dtype, shape = det["dtype"], det["shape"]
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        lo, hi = max(int(info.min), -(1 << 20)), min(int(info.max), 1 << 20)
        if extremes:
            return rng.choice(np.array([lo, hi], dtype=dtype), size=shape)
        return rng.integers(lo, hi, size=shape, endpoint=True).astype(dtype)
    if dtype == np.bool_:
        return rng.integers(0, 2, size=shape).astype(np.bool_)
    x = rng.standard_normal(shape).astype(dtype) * (1000 if extremes else 3)
    return x


def write_case(operator, variant, tflite, rng, script, inputs=None, pairs=3):
    """Writes testdata/generated/<operator>_<variant>/: the model, `pairs` input/expected pairs (the last
    with extreme values; `inputs(pair, details)` may supply the arrays) and the manifest."""
    name = f"{operator.lower()}_{variant}"
    d = OUT / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    (d / "model.tflite").write_bytes(tflite)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=REF)
    it.allocate_tensors()
    ins, outs = it.get_input_details(), it.get_output_details()
    ops = [o["op_name"] for o in it._get_ops_details()]
    if operator not in ops:
        raise SystemExit(f"{name}: {operator} missing, model has {ops}")
    for pair in range(pairs):
        sfx = "" if pair == 0 else f".{pair}"
        arrays = inputs(pair, ins) if inputs else [random_input(rng, det, pair == pairs - 1) for det in ins]
        for i, (det, x) in enumerate(zip(ins, arrays)):
            x = np.asarray(x, dtype=det["dtype"]).reshape(det["shape"])
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for k, det in enumerate(outs):
            it.get_tensor(det["index"]).tofile(d / f"expected{k}{sfx}.bin")
    manifest = {
        "operator": operator,
        "variant": variant,
        "operators": ops,
        "inputs": [str(np.dtype(det["dtype"])) for det in ins],
        "outputs": [str(np.dtype(det["dtype"])) for det in outs],
        "script": f"tools/{script}",
        "tensorflow": tf.__version__,
        "resolver": "BUILTIN_REF",
    }
    (d / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print("wrote", d, ops)
