#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Writes TFLite 2.21 BUILTIN_REF goldens for the public models listed in tools/public_models.txt.

The models themselves are never committed: obtain them from the repositories named in the list (the
file at that path), put them in DIR (default: ../public-models beside the checkout), then run
  V/bin/python tools/public_models.py [DIR]
For every "runs" model present and matching its sha256, this writes NAME.input<k>.bin (seeded random
bytes, or random floats for float inputs) and NAME.expected<k>.bin (the reference kernels' outputs);
for models with variable tensors (state) also NAME.step<s>.input<k>.bin / NAME.step<s>.expected<k>.bin
over 12 consecutive invokes of one interpreter.
PublicModelsTest then checks Ember4j against them, and that "refused" models are refused.
"""
import hashlib
import os
import pathlib
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def entries():
    for line in (ROOT / "tools" / "public_models.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, source, sha, expected = [p.strip() for p in line.split("|")]
            yield name, source, sha, expected


def main():
    directory = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "public-models")
    for name, source, sha, expected in entries():
        path = directory / name
        if not path.exists():
            print(f"absent: {name} (from {source})")
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            print(f"sha256 mismatch, skipped: {name}")
            continue
        if expected != "runs":
            continue
        interp = tf.lite.Interpreter(model_content=data,
                                     experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_REF)
        interp.allocate_tensors()
        rng = np.random.default_rng(int(sha[:8], 16))
        stem = name[: -len(".tflite")]
        shapes = []
        for k, inp in enumerate(interp.get_input_details()):
            if inp["dtype"] == np.float32:
                x = rng.uniform(-1, 1, inp["shape"]).astype(np.float32)
            else:
                info = np.iinfo(inp["dtype"])
                x = rng.integers(info.min, info.max + 1, inp["shape"], dtype=np.int64).astype(inp["dtype"])
            interp.set_tensor(inp["index"], x)
            (directory / f"{stem}.input{k}.bin").write_bytes(x.tobytes())
            shapes.append(x.shape)
        if has_detection_postprocess(data):
            # TFLite_Detection_PostProcess leaves some output entries unwritten; Ember4j writes 0 there
            for out in interp.get_output_details():
                interp.set_tensor(out["index"], np.zeros(out["shape"], out["dtype"]))
        interp.invoke()
        for k, out in enumerate(interp.get_output_details()):
            y = interp.get_tensor(out["index"])
            (directory / f"{stem}.expected{k}.bin").write_bytes(y.tobytes())
        print(f"golden: {name} inputs {shapes}")
        if has_variables(data):
            write_steps(data, directory, stem, rng)


STEPS = 12


def has_variables(data):
    """True when the main subgraph has variable tensors (state kept across invokes, e.g. SVDF, LSTM)."""
    from tensorflow.lite.python import schema_py_generated as fb
    sg = fb.Model.GetRootAs(data, 0).Subgraphs(0)
    return any(sg.Tensors(i).IsVariable() for i in range(sg.TensorsLength()))


def has_detection_postprocess(data):
    """True when an operator code is the custom TFLite_Detection_PostProcess."""
    from tensorflow.lite.python import schema_py_generated as fb
    m = fb.Model.GetRootAs(data, 0)
    return any(m.OperatorCodes(i).CustomCode() == b"TFLite_Detection_PostProcess"
               for i in range(m.OperatorCodesLength()))


def write_steps(data, directory, stem, rng):
    """Stateful models: NAME.step<k>.input<i>.bin / NAME.step<k>.expected<o>.bin over STEPS consecutive
    invokes of one interpreter (the state evolving), for PublicModelsTest's multi-step check."""
    interp = tf.lite.Interpreter(model_content=data,
                                 experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_REF)
    interp.allocate_tensors()
    for step in range(STEPS):
        for k, inp in enumerate(interp.get_input_details()):
            if inp["dtype"] == np.float32:
                x = rng.uniform(-1, 1, inp["shape"]).astype(np.float32)
            else:
                info = np.iinfo(inp["dtype"])
                x = rng.integers(info.min, info.max + 1, inp["shape"], dtype=np.int64).astype(inp["dtype"])
            interp.set_tensor(inp["index"], x)
            (directory / f"{stem}.step{step}.input{k}.bin").write_bytes(x.tobytes())
        interp.invoke()
        for k, out in enumerate(interp.get_output_details()):
            (directory / f"{stem}.step{step}.expected{k}.bin").write_bytes(interp.get_tensor(out["index"]).tobytes())
    print(f"golden: {stem} {STEPS} consecutive steps")


if __name__ == "__main__":
    main()
