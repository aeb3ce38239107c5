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
from tensorflow.lite.python import schema_py_generated as fb_schema

OUT = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "generated"
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF

# Short operator words the older scripts used in case names, by TFLite operator.
_ALIASES = {
    "conv": "CONV_2D", "dwconv": "DEPTHWISE_CONV_2D", "fc": "FULLY_CONNECTED", "avgpool": "AVERAGE_POOL_2D",
    "maxpool": "MAX_POOL_2D", "l2norm": "L2_NORMALIZATION", "l2_pool": "L2_POOL_2D",
    "resize_nearest": "RESIZE_NEAREST_NEIGHBOR", "concat": "CONCATENATION", "reducemax": "REDUCE_MAX",
    "reducemin": "REDUCE_MIN", "leakyrelu": "LEAKY_RELU", "hardswish": "HARD_SWISH", "stridedslice": "STRIDED_SLICE",
    "expanddims": "EXPAND_DIMS", "argmax": "ARG_MAX", "argmin": "ARG_MIN", "gathernd": "GATHER_ND",
    "splitv": "SPLIT_V", "select_where": "SELECT",
}
# Batch prefixes of the older scripts' case names: the tensor-type word they stood for ("" where the name says it).
_PREFIXES = [("i16a_u8_", "u8"), ("i16a_", "i16"), ("i16b_", "i16"), ("i16c_", "i16"), ("i16d_", "i16"),
             ("f32_", "f32"), ("u8_", "u8"), ("op_", ""), ("rest_", ""), ("move2_", ""), ("elem_", ""),
             ("unary_", ""), ("spatial_", ""), ("div_", "")]


def operators_of(tflite):
    it = tf.lite.Interpreter(model_content=tflite)
    return [o["op_name"] for o in it._get_ops_details()]


def canonical(name, tflite):
    """`<operator>_<variant>` for a case an older script names `<batch>_<op>_<variant>`: the batch prefix
    becomes the tensor-type word after the operator (f32, i16, u8); the operator is the longest TFLite
    operator name (or short word) the name starts with that the model really contains; a model of several
    operators none of which the name starts with is `model_<...>`; detect_* cases are detection_postprocess_*."""
    if name.startswith("detect_"):
        return "detection_postprocess_" + name[len("detect_"):]
    tag, rest = "", name
    for prefix, t in _PREFIXES:
        if name.startswith(prefix):
            tag, rest = t, name[len(prefix):]
            break
    ops = operators_of(tflite)
    words = {k.lower(): k for k in dir(fb_schema.BuiltinOperator) if k.isupper()}
    words.update(_ALIASES)
    for word in sorted((w for w in words if rest == w or rest.startswith(w + "_")), key=len, reverse=True):
        if words[word] in ops:
            op, variant = words[word].lower(), rest[len(word) + 1:]
            break
    else:
        op, variant = "model", rest[len("model_"):] if rest.startswith("model_") else rest
    return "_".join(x for x in (op, tag, variant) if x)


def case_dir(name, tflite):
    """Where a case an older script names `name` lives: testdata/generated/{canonical(name)}."""
    return OUT / canonical(name, tflite)


def write_manifest(d, tflite, script, operator=None, resolver=None):
    """manifest.json of case `d`: what it tests (operator, the model's operators, tensor types), which script
    made it and with which TensorFlow."""
    it = tf.lite.Interpreter(model_content=tflite)
    ops = [o["op_name"] for o in it._get_ops_details()]
    if operator is None:
        first = d.name.split("_")[0]
        operator = next((o for o in ops if d.name.startswith(o.lower() + "_") or d.name == o.lower()),
                        "TFLite_Detection_PostProcess" if d.name.startswith("detection_postprocess") else first)
    manifest = {
        "operator": operator,
        "operators": ops,
        "inputs": [str(np.dtype(x["dtype"])) for x in it.get_input_details()],
        "outputs": [str(np.dtype(x["dtype"])) for x in it.get_output_details()],
        "script": f"tools/{pathlib.Path(script).name}",
        "tensorflow": tf.__version__,
    }
    if resolver:
        manifest["resolver"] = resolver
    (d / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")


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
    write_manifest(d, tflite, script, operator=operator, resolver="BUILTIN_REF")
    print("wrote", d, ops)
