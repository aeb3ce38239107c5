#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""The remaining simple TFLM builtins: FLOOR, CEIL, ROUND, SQUARE, SIN, COS, LOGICAL_AND/OR/NOT, CUMSUM,
EMBEDDING_LOOKUP, BROADCAST_ARGS, L2_POOL_2D, REVERSE_V2 and GELU (int8, uint8, int16: Ember4j refuses
float32 GELU, which TFLite evaluates with Eigen's vectorized approximations), with TensorFlow Lite 2.21 goldens,
written to testdata/generated/rest_<case>/ (model.tflite, input<i>[.k].bin, expected<o>[.k].bin, case.json;
3 pairs: "", ".1", ".2", the third one with extreme values where the type has them).

Every model is one operator written directly with the flatbuffer schema (schema_py_generated), so each
tensor type and option is exactly the one meant (the converter folds or rewrites several of these ops).
Goldens come from tf.lite.Interpreter with the BUILTIN_REF resolver, one thread, except for CEIL and ROUND:
TFLite 2.21's BUILTIN_REF resolver has no kernel for them ("Didn't find op for builtin opcode"), so their
goldens come from the BUILTIN_WITHOUT_DEFAULT_DELEGATES resolver (TFLite's builtin kernels,
no XNNPACK; case.json says which). Inputs avoid what TFLite fails the inference
on (out-of-range embedding indices, incompatible BROADCAST_ARGS shapes): Ember4j's choices there are
documented in docs/OPERATORS.md and unit-tested instead.

Run: /work/V/bin/python tools/make_rest_models.py [substring-filter]
"""
import hashlib
import json
import os
import pathlib
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import flatbuffers  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.lite.python import schema_py_generated as fb  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "testdata" / "generated"
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF
BUILTIN = tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES
T = fb.TensorType
B = fb.BuiltinOperator
OPT = fb.BuiltinOptions
ACT = fb.ActivationFunctionType
NP = {T.FLOAT32: np.float32, T.INT8: np.int8, T.UINT8: np.uint8, T.INT16: np.int16, T.INT32: np.int32,
      T.INT64: np.int64, T.BOOL: np.bool_}


class Graph:
    """A one-subgraph model under construction: tensors, constant buffers, operators."""

    def __init__(self):
        self.tensors, self.buffers, self.ops, self.codes = [], [fb.BufferT()], [], []
        self.inputs = []

    def tensor(self, shape, ttype, q=None, data=None):
        """q: (scale, zero point) or (list of scales, list of zero points, quantized dimension)."""
        t = fb.TensorT()
        t.name, t.type, t.shape = f"t{len(self.tensors)}", ttype, list(shape)
        b = fb.BufferT()
        if data is not None:
            b.data = np.frombuffer(np.ascontiguousarray(np.asarray(data, dtype=NP[ttype])).tobytes(), dtype=np.uint8)
        self.buffers.append(b)
        t.buffer = len(self.buffers) - 1
        if q is not None:
            qp = fb.QuantizationParametersT()
            if isinstance(q[0], (list, tuple)):
                qp.scale, qp.zeroPoint, qp.quantizedDimension = [float(s) for s in q[0]], [int(z) for z in q[1]], q[2]
            else:
                qp.scale, qp.zeroPoint = [float(q[0])], [int(q[1])]
            t.quantization = qp
        self.tensors.append(t)
        return len(self.tensors) - 1

    def input(self, shape, ttype, q=None):
        i = self.tensor(shape, ttype, q)
        self.inputs.append(i)
        return i

    def op(self, builtin, ins, outs, opts_type=0, opts=None):
        if builtin not in self.codes:
            self.codes.append(builtin)
        o = fb.OperatorT()
        o.opcodeIndex = self.codes.index(builtin)
        o.inputs, o.outputs = list(ins), list(outs)
        o.builtinOptionsType, o.builtinOptions = opts_type, opts
        self.ops.append(o)

    def build(self, outputs):
        sg = fb.SubGraphT()
        sg.tensors, sg.operators, sg.inputs, sg.outputs, sg.name = self.tensors, self.ops, self.inputs, outputs, "main"
        codes = []
        for builtin in self.codes:
            c = fb.OperatorCodeT()
            c.builtinCode, c.deprecatedBuiltinCode, c.version = builtin, min(builtin, 127), 1
            codes.append(c)
        m = fb.ModelT()
        m.version, m.operatorCodes, m.subgraphs, m.buffers = 3, codes, [sg], self.buffers
        m.description = "ember4j make_rest_models.py"
        b = flatbuffers.Builder(1024)
        b.Finish(m.Pack(b), file_identifier=b"TFL3")
        return bytes(b.Output())


# ---------------------------------------------------------------- inputs

def floats(rng, shape, pair, specials=()):
    """Pair 0: N(0, 4^2); pair 1: halves and near-halves k/2 ± tiny; pair 2: extremes and specials."""
    n = int(np.prod(shape))
    if pair == 0:
        x = rng.standard_normal(n) * 4
    elif pair == 1:
        k = rng.integers(-20, 21, size=n) / 2.0
        x = k + rng.choice([0.0, 0.0, 1e-6, -1e-6, 0.25, -0.3], size=n)
    else:
        pool = [0.0, -0.0, np.inf, -np.inf, np.nan, 3e38, -3e38, 1e-40, -1e-40, 0.5, -0.5, 1.5, -2.5, 2.5,
                8388607.5, -8388608.5, 1e9, -1e9, 100.0, -0.3, 1e20] + list(specials)
        x = rng.choice(np.array(pool, dtype=np.float64), size=n)
        x[:min(n, len(pool))] = pool[:min(n, len(pool))]
    return x.astype(np.float32).reshape(shape)


def ints(rng, dtype, shape, pair):
    if dtype == np.bool_:
        return rng.random(shape) < 0.5
    info = np.iinfo(dtype)
    if pair == 2:
        return rng.choice(np.array([info.min, info.max, 0, -1 if info.min < 0 else 1, 1], dtype=dtype), size=shape)
    lo, hi = max(int(info.min), -1000), min(int(info.max), 1000)
    if pair == 1:
        lo, hi = int(info.min), int(info.max)
    return rng.integers(lo, hi, size=shape, endpoint=True, dtype=np.int64 if dtype != np.uint64 else np.uint64).astype(dtype)


def default_input(rng, det, pair):
    dt = det["dtype"]
    shape = tuple(det["shape"])
    if dt == np.float32:
        return floats(rng, shape, pair)
    return ints(rng, dt, shape, pair)


# ---------------------------------------------------------------- cases

CASES = []


def case(name, note, resolver=REF, inputs=None):
    """Registers the model returned by the decorated function; inputs(rng, i, det, pair) makes input i."""
    def wrap(fn):
        CASES.append((name, fn, note, resolver, inputs))
        return fn
    return wrap


def unary(builtin, shape, ttype=T.FLOAT32, q=None, opts_type=0, opts=None):
    g = Graph()
    x = g.input(shape, ttype, q)
    y = g.tensor(shape, ttype, q)
    g.op(builtin, [x], [y], opts_type, opts)
    return g.build([y])


def binary(builtin, s1, s2, out_shape, ttype, out_type=None):
    g = Graph()
    a = g.input(s1, ttype)
    b = g.input(s2, ttype)
    y = g.tensor(out_shape, out_type if out_type is not None else ttype)
    g.op(builtin, [a, b], [y])
    return g.build([y])


def register_unary_float():
    for name, builtin, resolver in [("floor", B.FLOOR, REF), ("ceil", B.CEIL, BUILTIN), ("round", B.ROUND, BUILTIN),
                                    ("square", B.SQUARE, REF)]:
        case(f"rest_{name}_f32", f"{name.upper()} float32 (halves, -0.3, ±0, ±inf, NaN, huge)",
             resolver)(lambda b=builtin: unary(b, (3, 4, 6)))
    # SIN / COS: see tools/make_rest_models.py trig_input and docs/OPERATORS.md (glibc sinf/cosf)
    for name, builtin in [("sin", B.SIN), ("cos", B.COS)]:
        case(f"rest_{name}_f32", f"{name.upper()} float32 over small, medium, large and special arguments",
             inputs=trig_input)(lambda b=builtin: unary(b, (4, 64)))


def trig_input(rng, i, det, pair):
    shape = tuple(det["shape"])
    n = int(np.prod(shape))
    if pair == 0:
        x = rng.standard_normal(n) * 4
    elif pair == 1:
        x = np.concatenate([rng.uniform(-1e-3, 1e-3, n // 4), rng.uniform(-120, 120, n // 4),
                            rng.uniform(-1e6, 1e6, n // 4), rng.uniform(-3e38, 3e38, n - 3 * (n // 4))])
    else:
        pool = [0.0, -0.0, np.inf, -np.inf, np.nan, 1e-40, -1e-45, np.pi, np.pi / 2, -np.pi / 4, 3 * np.pi / 4,
                1e-4, 2 ** -12, 2 ** -27, 120.0, 121.0, 1e5, 3.4e38, -3.4e38, 8e7, 0.78539, 2.356194]
        x = rng.choice(np.array(pool), size=n)
        x[:len(pool)] = pool
    return x.astype(np.float32).reshape(shape)


def register_logical():
    case("rest_logical_and_same", "LOGICAL_AND, equal shapes")(lambda: binary(B.LOGICAL_AND, (2, 3, 4), (2, 3, 4),
                                                                               (2, 3, 4), T.BOOL))
    case("rest_logical_and_bcast", "LOGICAL_AND broadcasting (2,1,3) with (4,1)")(
        lambda: binary(B.LOGICAL_AND, (2, 1, 3), (4, 1), (2, 4, 3), T.BOOL))
    case("rest_logical_or_bcast_rank4", "LOGICAL_OR broadcasting at rank 4")(
        lambda: binary(B.LOGICAL_OR, (2, 1, 3, 1), (1, 4, 1, 5), (2, 4, 3, 5), T.BOOL))
    case("rest_logical_or_same", "LOGICAL_OR, equal shapes")(lambda: binary(B.LOGICAL_OR, (7,), (7,), (7,), T.BOOL))
    case("rest_logical_not", "LOGICAL_NOT")(lambda: unary(B.LOGICAL_NOT, (3, 5), T.BOOL))


def cumsum(ttype, shape, axis, exclusive, reverse):
    g = Graph()
    x = g.input(shape, ttype)
    a = g.tensor((1,), T.INT32, data=[axis])
    y = g.tensor(shape, ttype)
    o = fb.CumsumOptionsT()
    o.exclusive, o.reverse = exclusive, reverse
    g.op(B.CUMSUM, [x, a], [y], OPT.CumsumOptions, o)
    return g.build([y])


def register_cumsum():
    for name, args in [("f32_axis1", (T.FLOAT32, (2, 5, 3), 1, False, False)),
                       ("f32_last_exclusive_reverse", (T.FLOAT32, (3, 40), -1, True, True)),
                       ("f32_axis0_reverse", (T.FLOAT32, (6, 2, 2), 0, False, True)),
                       ("i32_axis0_exclusive", (T.INT32, (4, 3), 0, True, False)),
                       ("i32_wrap_axis2", (T.INT32, (2, 2, 9), 2, False, False)),
                       ("i64_reverse_exclusive", (T.INT64, (3, 4, 2), 1, True, True))]:
        case(f"rest_cumsum_{name}", f"CUMSUM {args}")(lambda a=args: cumsum(*a))


def embedding(vtype, vshape, otype, lookups, q=None, seed=0):
    rng = np.random.default_rng(seed)
    g = Graph()
    ids = g.input((lookups,), T.INT32)
    if vtype == T.FLOAT32:
        data = rng.standard_normal(vshape).astype(np.float32)
    else:
        data = ints(rng, NP[vtype], vshape, 1)
    v = g.tensor(vshape, vtype, q, data=data)
    oshape = (lookups,) + tuple(vshape[1:])
    oq = q if otype == vtype else None
    y = g.tensor(oshape, otype, oq if oq is None or not isinstance(oq[0], (list, tuple)) else None)
    g.op(B.EMBEDDING_LOOKUP, [ids, v], [y])
    return g.build([y])


def embedding_ids(rows):
    def make(rng, i, det, pair):
        n = int(det["shape"][0])
        if pair == 2:
            return np.array([rows - 1, 0] * n, dtype=np.int32)[:n]
        return rng.integers(0, rows, size=n).astype(np.int32)
    return make


def register_embedding():
    case("rest_embedding_lookup_f32", "EMBEDDING_LOOKUP float32 rows", inputs=embedding_ids(10))(
        lambda: embedding(T.FLOAT32, (10, 4), T.FLOAT32, 6))
    case("rest_embedding_lookup_i8_rank3", "EMBEDDING_LOOKUP int8 rows of shape [3, 2] (copied)",
         inputs=embedding_ids(7))(lambda: embedding(T.INT8, (7, 3, 2), T.INT8, 5, (0.05, 3), 1))
    case("rest_embedding_lookup_i16", "EMBEDDING_LOOKUP int16 rows (copied)", inputs=embedding_ids(5))(
        lambda: embedding(T.INT16, (5, 3), T.INT16, 4, (0.001, 0), 2))
    case("rest_embedding_lookup_i64", "EMBEDDING_LOOKUP int64 rows", inputs=embedding_ids(4))(
        lambda: embedding(T.INT64, (4, 2), T.INT64, 7, None, 3))
    case("rest_embedding_lookup_bool", "EMBEDDING_LOOKUP bool rows", inputs=embedding_ids(6))(
        lambda: embedding(T.BOOL, (6, 5), T.BOOL, 3, None, 4))
    case("rest_embedding_lookup_hybrid_i8", "EMBEDDING_LOOKUP int8 values dequantized to float32 (one scale)",
         inputs=embedding_ids(9))(lambda: embedding(T.INT8, (9, 6), T.FLOAT32, 5, (0.0371, 0), 5))
    case("rest_embedding_lookup_hybrid_u8", "EMBEDDING_LOOKUP uint8 values dequantized (read as int8, as TFLite)",
         inputs=embedding_ids(8))(lambda: embedding(T.UINT8, (8, 2, 3), T.FLOAT32, 4, (0.5, 0), 6))
    scales = [0.01 * (k + 1) + 0.003 for k in range(6)]
    case("rest_embedding_lookup_hybrid_i8_per_row", "EMBEDDING_LOOKUP int8 values with one scale per row",
         inputs=embedding_ids(6))(lambda: embedding(T.INT8, (6, 4), T.FLOAT32, 8, (scales, [0] * 6, 0), 7))


def broadcast_args(ttype, n1, n2, const1=None):
    g = Graph()
    a = g.tensor((n1,), ttype, data=const1) if const1 is not None else g.input((n1,), ttype)
    b = g.input((n2,), ttype)
    y = g.tensor((max(n1, n2),), ttype)
    g.op(B.BROADCAST_ARGS, [a, b], [y])
    return g.build([y])


def compatible_shapes(n1, n2, fixed1=None):
    """Inputs: two shapes that broadcast (each dimension equal, or one of them 1)."""
    def make(_, i, det, pair):
        rng = np.random.default_rng(1000 + pair)  # both inputs of a pair from the same draw
        n = max(n1, n2)
        base = rng.integers(1, 9, size=n)
        if pair == 2:
            base[:] = [2 ** 20 + k for k in range(n)]
        s1 = base[n - n1:].copy() if fixed1 is None else np.array(fixed1)
        s2 = base[n - n2:].copy()
        if fixed1 is not None:  # follow the constant first input: its dimension, or anything against a 1
            for k in range(min(n1, n2)):
                d1 = s1[n1 - 1 - k]
                s2[n2 - 1 - k] = d1 if d1 != 1 else s2[n2 - 1 - k]
        ones = rng.random(n) < 0.4
        for k in range(n):
            if ones[k]:
                if fixed1 is None and k >= n - n1 and rng.random() < 0.5:
                    s1[k - (n - n1)] = 1
                elif k >= n - n2:
                    s2[k - (n - n2)] = 1
        want = s1 if i == 0 else s2
        return want.astype(NP[det_type(det)])
    return make


def det_type(det):
    return {np.dtype(np.int32): T.INT32, np.dtype(np.int64): T.INT64}[np.dtype(det["dtype"])]


def register_broadcast_args():
    case("rest_broadcast_args_i32", "BROADCAST_ARGS int32 shapes fed at run time (lengths 3 and 2)",
         inputs=compatible_shapes(3, 2))(lambda: broadcast_args(T.INT32, 3, 2))
    case("rest_broadcast_args_i64_longer_second", "BROADCAST_ARGS int64, second shape longer",
         inputs=compatible_shapes(2, 5))(lambda: broadcast_args(T.INT64, 2, 5))
    fixed = [4, 1, 3]
    case("rest_broadcast_args_i32_const_first", "BROADCAST_ARGS int32, constant first shape [4, 1, 3]",
         inputs=lambda rng, i, det, pair: compatible_shapes(3, 4, fixed)(rng, 1, det, pair))(
        lambda: broadcast_args(T.INT32, 3, 4, fixed))


def l2pool(shape, padding, stride, filt, act):
    g = Graph()
    x = g.input(shape, T.FLOAT32)
    o = fb.Pool2DOptionsT()
    o.padding, o.strideH, o.strideW = padding, stride[0], stride[1]
    o.filterHeight, o.filterWidth, o.fusedActivationFunction = filt[0], filt[1], act
    if padding == fb.Padding.SAME:
        oh, ow = -(-shape[1] // stride[0]), -(-shape[2] // stride[1])
    else:
        oh, ow = (shape[1] - filt[0]) // stride[0] + 1, (shape[2] - filt[1]) // stride[1] + 1
    y = g.tensor((shape[0], oh, ow, shape[3]), T.FLOAT32)
    g.op(B.L2_POOL_2D, [x], [y], OPT.Pool2DOptions, o)
    return g.build([y])


def register_l2pool():
    case("rest_l2_pool_same_s2", "L2_POOL_2D SAME 3x3 stride 2")(
        lambda: l2pool((2, 7, 6, 3), fb.Padding.SAME, (2, 2), (3, 3), ACT.NONE))
    case("rest_l2_pool_valid_relu6", "L2_POOL_2D VALID 2x3 stride (1, 2), RELU6")(
        lambda: l2pool((1, 5, 8, 2), fb.Padding.VALID, (1, 2), (2, 3), ACT.RELU6))
    case("rest_l2_pool_same_n1_to_1", "L2_POOL_2D SAME 2x2 stride 1, RELU_N1_TO_1")(
        lambda: l2pool((1, 4, 4, 4), fb.Padding.SAME, (1, 1), (2, 2), ACT.RELU_N1_TO_1))


def reverse(ttype, shape, axes, q=None):
    g = Graph()
    x = g.input(shape, ttype, q)
    a = g.tensor((len(axes),), T.INT32, data=axes)
    y = g.tensor(shape, ttype, q)
    g.op(B.REVERSE_V2, [x, a], [y])
    return g.build([y])


def register_reverse():
    for name, args in [("f32_axis1", (T.FLOAT32, (2, 3, 4), [1])),
                       ("i8_last_negative", (T.INT8, (3, 5), [-1], (0.1, 2))),
                       ("i16_axes_1_2", (T.INT16, (2, 3, 4, 2), [1, 2], (0.001, 0))),
                       ("u8_axes_2_1", (T.UINT8, (2, 3, 4), [2, 1], (0.1, 128))),
                       ("i32_axis0", (T.INT32, (5, 2), [0])),
                       ("i64_all", (T.INT64, (2, 3), [0, 1])),
                       ("bool_axis2_rank5", (T.BOOL, (2, 1, 3, 2, 2), [2]))]:
        case(f"rest_reverse_v2_{name}", f"REVERSE_V2 {args}")(lambda a=args: reverse(*a))


def gelu(ttype, shape, approximate, q_in=None, q_out=None):
    g = Graph()
    x = g.input(shape, ttype, q_in)
    y = g.tensor(shape, ttype, q_out)
    o = fb.GeluOptionsT()
    o.approximate = approximate
    g.op(B.GELU, [x], [y], OPT.GeluOptions, o)
    return g.build([y])


def all_int8(rng, i, det, pair):
    """Every int8 / uint8 value once (then random), so that the whole table is compared."""
    shape = tuple(det["shape"])
    info = np.iinfo(det["dtype"])
    n = int(np.prod(shape))
    x = rng.integers(int(info.min), int(info.max), size=n, endpoint=True)
    x[:256] = np.arange(int(info.min), int(info.max) + 1)
    return x.astype(det["dtype"]).reshape(shape)


def register_gelu():
    for appr in (False, True):
        tag = "approx" if appr else "erf"
        case(f"rest_gelu_i8_{tag}", f"GELU int8 table (approximate={appr})", inputs=all_int8)(
            lambda a=appr: gelu(T.INT8, (2, 160), a, (0.05, -3), (0.03, -100)))
        case(f"rest_gelu_u8_{tag}", f"GELU uint8 table (approximate={appr})", inputs=all_int8)(
            lambda a=appr: gelu(T.UINT8, (1, 300), a, (0.04, 120), (0.025, 40)))
    for appr in (False, True):
        tag = "approx" if appr else "erf"
        case(f"rest_gelu_i16_{tag}", f"GELU int16 interpolated table (approximate={appr})")(
            lambda a=appr: gelu(T.INT16, (3, 70), a, (0.0003, 0), (0.00025, 0)))
    case("rest_gelu_i8_wide_scale", "GELU int8 table, wide input scale", inputs=all_int8)(
        lambda: gelu(T.INT8, (256,), False, (0.11, 0), (0.1, -110)))


register_unary_float()
register_logical()
register_cumsum()
register_embedding()
register_broadcast_args()
register_l2pool()
register_reverse()
register_gelu()


# ---------------------------------------------------------------- goldens

def ops_of(tflite):
    m = fb.Model.GetRootAsModel(tflite, 0)
    names = {v: k for k, v in B.__dict__.items() if not k.startswith("_")}
    return [names[max(m.OperatorCodes(i).BuiltinCode(), m.OperatorCodes(i).DeprecatedBuiltinCode())]
            for i in range(m.OperatorCodesLength())]


def write_case(name, tflite, note, resolver, inputs, rng):
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=resolver)
    it.allocate_tensors()
    d = case_dir(name, tflite)
    d.mkdir(parents=True, exist_ok=True)
    for f in d.iterdir():
        f.unlink()
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(it.get_input_details()):
            x = inputs(rng, i, det, pair) if inputs else default_input(rng, det, pair)
            x = np.ascontiguousarray(x, dtype=det["dtype"]).reshape(det["shape"])
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")

    def io(dets):
        return [{"name": det["name"], "shape": [int(v) for v in det["shape"]], "dtype": np.dtype(det["dtype"]).name,
                 "scale": float(det["quantization"][0]), "zero_point": int(det["quantization"][1])} for det in dets]

    meta = {"name": name, "tier": "extended", "ops": ops_of(tflite), "note": note,
            "resolver": "BUILTIN_REF" if resolver == REF else "BUILTIN_WITHOUT_DEFAULT_DELEGATES (BUILTIN_REF has no kernel for this operator)",
            "inputs": io(it.get_input_details()), "outputs": io(it.get_output_details()),
            "model_sha256": hashlib.sha256(tflite).hexdigest(), "model_bytes": len(tflite)}
    (d / "case.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {name}: {meta['ops']} ({len(tflite)} bytes)")


def main():
    only = sys.argv[1:]
    ok = True
    for name, fn, note, resolver, inputs in CASES:
        if only and not any(o in name for o in only):
            continue
        rng = np.random.default_rng(int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "little"))
        try:
            write_case(name, fn(), note, resolver, inputs, rng)
        except Exception as e:  # noqa: BLE001
            print(f"FAIL {name}: {type(e).__name__}: {e}", file=sys.stderr)
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
