#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Full-float32 models (no quantization) with TensorFlow Lite 2.21 BUILTIN_REF goldens, written to
testdata/generated/f32_<case>/ (3 input/expected pairs: "", ".1", ".2").

One small model per operator and fused activation (NONE, RELU, RELU6, RELU_N1_TO_1 where the converter
fuses them), plus whole small float MLP and CNN models. Pairs 0 and 1 hold ordinary values; pair 2
mixes in the values where float arithmetic is delicate: ±0, ±inf, NaN, denormals, ±FLT_MAX, values
beyond the logistic/tanh/exp cut-offs. The script checks that the intended operator is in the
converted model and that every tensor is float32 (or int32 shapes/axes).
Run: /work/V/bin/python tools/make_float_models.py [substring-filter]
"""
import os
import pathlib
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "generated"
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF
f32 = tf.float32


def convert(fn, specs):
    concrete = tf.function(fn).get_concrete_function(*[tf.TensorSpec(s, f32) for s in specs])
    return tf.lite.TFLiteConverter.from_concrete_functions([concrete], fn).convert()


def op_names(tflite):
    from tensorflow.lite.python import schema_py_generated as s
    m = s.Model.GetRootAsModel(tflite, 0)
    names = {v: k for k, v in s.BuiltinOperator.__dict__.items() if not k.startswith("_")}
    codes = [max(m.OperatorCodes(i).BuiltinCode(), m.OperatorCodes(i).DeprecatedBuiltinCode())
             for i in range(m.OperatorCodesLength())]
    g = m.Subgraphs(0)
    types = {g.Tensors(i).Type() for i in range(g.TensorsLength())}
    return [names[codes[g.Operators(i).OpcodeIndex()]] for i in range(g.OperatorsLength())], types


SPECIALS = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e-45, -1e-45, 1e-39, -3e-39, 3.4e38, -3.4e38,
                     1e20, -1e20, 88.8, -104.0, 16.7, -9.5, 22.5, -30.0, 3.0, -3.0, 6.0, 1.0, -1.0],
                    dtype=np.float32)


def values(rng, shape, pair, scale):
    """Ordinary normal values times scale; the third pair takes about a third of its values from SPECIALS."""
    x = (rng.standard_normal(shape) * scale).astype(np.float32)
    if pair == 2:
        mask = rng.random(shape) < 0.35
        x[mask] = rng.choice(SPECIALS, size=int(mask.sum()))
    return x


def weights(rng, shape, scale=0.5):
    """Constant weights, made inside the traced function (C(w)) so that the converter folds them."""
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def C(w):
    return tf.constant(w)


def bind(f, **kw):
    """f with keyword values fixed, traced with positional tensors only."""
    def g(*xs):
        return f(*xs, **kw)
    return g


def write_case(name, want, fn, specs, rng, scale=2.0, extremes=True, pair2=None):
    """pair2: fixed values for input 0 of the third pair (instead of random ones)."""
    tflite = convert(fn, specs)
    ops, types = op_names(tflite)
    missing = [w for w in want if w not in ops]
    if missing:
        print(f"SKIP {name}: converter produced {ops}, wanted {want}", file=sys.stderr)
        return False
    if not types <= {0, 2}:  # FLOAT32, INT32 (shapes, axes)
        print(f"SKIP {name}: tensor types {types} beyond float32/int32", file=sys.stderr)
        return False
    d = case_dir(name, tflite)
    d.mkdir(parents=True, exist_ok=True)
    for f in d.iterdir():
        f.unlink()
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=REF)
    it.allocate_tensors()
    dets = it.get_input_details()
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(dets):
            x = values(rng, tuple(det["shape"]), pair if extremes else 0, scale)
            if pair == 2 and i == 0 and pair2 is not None:
                x = np.asarray(pair2, dtype=np.float32).reshape(x.shape)
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
    print("wrote", d, ops)
    return True


ACTS = {"none": lambda x: x, "relu": tf.nn.relu, "relu6": tf.nn.relu6,
        "relu_n1_to_1": lambda x: tf.clip_by_value(x, -1.0, 1.0)}


def main():
    rng = np.random.default_rng(20260701)
    only = sys.argv[1:]
    cases = []

    def case(name, want, fn, specs, **kw):
        cases.append((name, want, fn, specs, kw))

    # CONV_2D: fused activations, SAME/VALID, strides, dilation, several output channels
    for act, a in ACTS.items():
        w = weights(rng, (3, 3, 4, 5))
        b = weights(rng, (5,))
        case(f"f32_conv_same_{act}", ["CONV_2D"],
             bind(lambda x, w, b, a: a(tf.nn.conv2d(x, C(w), 1, "SAME") + C(b)), w=w, b=b, a=a), [(1, 6, 7, 4)])
    w = weights(rng, (2, 3, 3, 6))
    b = weights(rng, (6,))
    case("f32_conv_valid_stride2", ["CONV_2D"], bind(lambda x, w, b: tf.nn.conv2d(x, C(w), 2, "VALID") + C(b), w=w, b=b), [(2, 9, 8, 3)])
    w2 = weights(rng, (3, 3, 2, 3))
    case("f32_conv_dilation2_nobias", ["CONV_2D"],
         bind(lambda x, w2: tf.nn.conv2d(x, C(w2), 1, "SAME", dilations=2), w2=w2), [(1, 8, 8, 2)])
    # DEPTHWISE_CONV_2D: multipliers 1 and 2, activations
    for act in ["none", "relu6", "relu"]:
        w = weights(rng, (3, 3, 4, 1))
        b = weights(rng, (4,))
        case(f"f32_dwconv_{act}", ["DEPTHWISE_CONV_2D"],
             bind(lambda x, w, b, a: a(tf.nn.depthwise_conv2d(x, C(w), [1, 1, 1, 1], "SAME") + C(b)), w=w, b=b, a=ACTS[act]),
             [(1, 7, 6, 4)])
    w = weights(rng, (3, 2, 3, 2))
    b = weights(rng, (6,))
    case("f32_dwconv_mult2_stride2", ["DEPTHWISE_CONV_2D"],
         bind(lambda x, w, b: tf.nn.depthwise_conv2d(x, C(w), [1, 2, 2, 1], "VALID") + C(b), w=w, b=b), [(2, 7, 8, 3)])
    # FULLY_CONNECTED
    for act, a in ACTS.items():
        w = weights(rng, (12, 7))
        b = weights(rng, (7,))
        case(f"f32_fc_{act}", ["FULLY_CONNECTED"], bind(lambda x, w, b, a: a(tf.matmul(x, C(w)) + C(b)), w=w, b=b, a=a), [(3, 12)])
    w = weights(rng, (40, 10), 0.2)
    case("f32_fc_deep_nobias", ["FULLY_CONNECTED"], bind(lambda x, w: tf.matmul(x, C(w)), w=w), [(2, 40)])
    # pools
    for act in ["none", "relu", "relu6"]:
        case(f"f32_avgpool_same_{act}", ["AVERAGE_POOL_2D"],
             bind(lambda x, a: a(tf.nn.avg_pool2d(x, 3, 2, "SAME")), a=ACTS[act]), [(1, 7, 8, 3)])
        case(f"f32_maxpool_same_{act}", ["MAX_POOL_2D"],
             bind(lambda x, a: a(tf.nn.max_pool2d(x, 3, 2, "SAME")), a=ACTS[act]), [(1, 7, 8, 3)])
    case("f32_avgpool_valid", ["AVERAGE_POOL_2D"], lambda x: tf.nn.avg_pool2d(x, [2, 3], [2, 1], "VALID"),
         [(2, 6, 7, 2)])
    case("f32_maxpool_valid", ["MAX_POOL_2D"], lambda x: tf.nn.max_pool2d(x, [2, 3], [2, 1], "VALID"),
         [(2, 6, 7, 2)])
    # SOFTMAX (beta 1 and a folded beta), rank 2 and 4
    case("f32_softmax_2d", ["SOFTMAX"], lambda x: tf.nn.softmax(x), [(4, 10)])
    case("f32_softmax_4d", ["SOFTMAX"], lambda x: tf.nn.softmax(x), [(1, 3, 4, 6)])
    case("f32_softmax_wide", ["SOFTMAX"], lambda x: tf.nn.softmax(x), [(2, 300)], scale=30.0)
    # element-wise binary
    for act, a in ACTS.items():
        case(f"f32_add_{act}", ["ADD"], bind(lambda x, y, a: a(x + y), a=a), [(2, 3, 5), (2, 3, 5)])
        case(f"f32_mul_{act}", ["MUL"], bind(lambda x, y, a: a(x * y), a=a), [(2, 3, 5), (2, 3, 5)])
        case(f"f32_sub_{act}", ["SUB"], bind(lambda x, y, a: a(x - y), a=a), [(2, 3, 5), (2, 3, 5)])
    case("f32_add_bcast", ["ADD"], lambda x, y: x + y, [(2, 1, 4, 3), (5, 1, 3)])
    case("f32_mul_bcast", ["MUL"], lambda x, y: x * y, [(3, 1, 4), (1, 5, 1)])
    case("f32_sub_bcast", ["SUB"], lambda x, y: x - y, [(4, 1), (1, 6)])
    # element-wise unary
    case("f32_logistic", ["LOGISTIC"], tf.math.sigmoid, [(4, 64)], scale=8.0)
    case("f32_tanh", ["TANH"], tf.math.tanh, [(4, 64)], scale=3.0)
    case("f32_exp", ["EXP"], tf.math.exp, [(4, 64)], scale=20.0)
    case("f32_relu", ["RELU"], tf.nn.relu, [(4, 32)])
    case("f32_relu6", ["RELU6"], tf.nn.relu6, [(4, 32)], scale=5.0)
    case("f32_relu_n1_to_1", ["RELU_N1_TO_1"], lambda x: tf.clip_by_value(x, -1.0, 1.0), [(4, 32)])
    case("f32_hard_swish", ["HARD_SWISH"], lambda x: x * tf.nn.relu6(x + 3.0) / 6.0, [(4, 32)], scale=4.0)
    case("f32_leaky_relu", ["LEAKY_RELU"], lambda x: tf.nn.leaky_relu(x, 0.15), [(4, 32)])
    # reductions and data movement
    case("f32_mean_hw_keepdims", ["MEAN"], lambda x: tf.reduce_mean(x, [1, 2], keepdims=True), [(2, 5, 6, 3)])
    case("f32_mean_last", ["MEAN"], lambda x: tf.reduce_mean(x, [-1]), [(3, 4, 50)])
    case("f32_concat", ["CONCATENATION"], lambda x, y: tf.concat([x, y, x], axis=2), [(2, 3, 4), (2, 3, 1)])

    # whole models: an MLP and a CNN with a residual ADD
    w1, b1 = weights(rng, (16, 32), 0.3), weights(rng, (32,), 0.1)
    w2, b2 = weights(rng, (32, 16), 0.3), weights(rng, (16,), 0.1)
    w3, b3 = weights(rng, (16, 4), 0.3), weights(rng, (4,), 0.1)

    def mlp(x):
        h = tf.nn.relu(tf.matmul(x, C(w1)) + C(b1))
        h = tf.nn.tanh(tf.matmul(h, C(w2)) + C(b2))
        return tf.nn.softmax(tf.matmul(h, C(w3)) + C(b3))
    case("f32_model_mlp", ["FULLY_CONNECTED", "TANH", "SOFTMAX"], mlp, [(2, 16)])

    c1, cb1 = weights(rng, (3, 3, 3, 8), 0.3), weights(rng, (8,), 0.1)
    d1, db1 = weights(rng, (3, 3, 8, 1), 0.3), weights(rng, (8,), 0.1)
    c2, cb2 = weights(rng, (1, 1, 8, 8), 0.3), weights(rng, (8,), 0.1)
    fw, fb = weights(rng, (8, 5), 0.3), weights(rng, (5,), 0.1)

    def cnn(x):
        h = tf.nn.relu(tf.nn.conv2d(x, C(c1), 2, "SAME") + C(cb1))
        g = tf.nn.relu6(tf.nn.depthwise_conv2d(h, C(d1), [1, 1, 1, 1], "SAME") + C(db1))
        g = tf.nn.conv2d(g, C(c2), 1, "SAME") + C(cb2)
        h = tf.nn.max_pool2d(h + g, 2, 2, "VALID")
        h = tf.nn.sigmoid(h) * h
        h = tf.reduce_mean(h, [1, 2])
        return tf.nn.softmax(tf.matmul(h, C(fw)) + C(fb))
    case("f32_model_cnn", ["CONV_2D", "DEPTHWISE_CONV_2D", "ADD", "MAX_POOL_2D", "LOGISTIC", "MUL", "MEAN",
                           "FULLY_CONNECTED", "SOFTMAX"], cnn, [(1, 16, 16, 3)])

    # operators added later draw from their own generator so that the cases above stay identical
    r2 = np.random.default_rng(20261130)

    def case2(name, want, fn, specs, **kw):
        case(name, want, fn, specs, rng=r2, **kw)

    # TRANSPOSE_CONV: SAME/VALID, strides, bias, a ReLU after it
    for tag, k, cin, cout, stride, pad, in_hw, bias, act in [
            ("same_s2_bias", (3, 3), 4, 5, (2, 2), "SAME", (4, 5), True, "none"),
            ("valid_s12_nobias", (2, 3), 3, 2, (1, 2), "VALID", (5, 4), False, "none"),
            ("same_s1_relu", (3, 3), 2, 3, (1, 1), "SAME", (5, 6), True, "relu"),
            ("valid_s2_relu6", (3, 2), 3, 4, (2, 2), "VALID", (3, 4), True, "relu6")]:
        w = weights(r2, k + (cout, cin))
        b = weights(r2, (cout,))
        if pad == "SAME":
            out_hw = (in_hw[0] * stride[0], in_hw[1] * stride[1])
        else:
            out_hw = ((in_hw[0] - 1) * stride[0] + k[0], (in_hw[1] - 1) * stride[1] + k[1])

        def tconv(x, w, b, out_hw, stride, pad, bias, a):
            y = tf.nn.conv2d_transpose(x, C(w), (2, out_hw[0], out_hw[1], w.shape[2]), (1,) + stride + (1,), pad)
            return a(y + C(b) if bias else y)
        case2(f"f32_transpose_conv_{tag}", ["TRANSPOSE_CONV"],
              bind(tconv, w=w, b=b, out_hw=out_hw, stride=stride, pad=pad, bias=bias, a=ACTS[act]),
              [(2, in_hw[0], in_hw[1], cin)])
    # PRELU: the converter fuses relu(x) + relu(-x) * (-alpha); alpha per channel and per element
    for tag, shape, ashape in [("channel", (2, 3, 4, 5), (1, 1, 5)), ("full", (1, 6, 7), (6, 7))]:
        alpha = weights(r2, ashape)
        case2(f"f32_prelu_{tag}", ["PRELU"], bind(lambda x, n: tf.nn.relu(x) + tf.nn.relu(-x) * C(n), n=-alpha),
              [shape])
    # RESIZE_BILINEAR: the three coordinate modes, up and down
    bl = tf.raw_ops.ResizeBilinear
    for tag, size, ac, hp in [("up_default", (8, 10), False, False), ("up_align", (7, 9), True, False),
                              ("up_halfpixel", (9, 11), False, True), ("down_halfpixel", (3, 2), False, True),
                              ("down_align", (2, 3), True, False)]:
        case2(f"f32_resize_bilinear_{tag}", ["RESIZE_BILINEAR"],
              bind(lambda x, size, ac, hp: bl(images=x, size=size, align_corners=ac, half_pixel_centers=hp),
                   size=size, ac=ac, hp=hp), [(2, 4, 5, 3)])
    # SUM, REDUCE_MAX, REDUCE_MIN
    for op, fn in [("sum", tf.reduce_sum), ("reduce_max", tf.reduce_max), ("reduce_min", tf.reduce_min)]:
        want = ["SUM" if op == "sum" else op.upper()]
        case2(f"f32_{op}_hw_keepdims", want, bind(lambda x, fn: fn(x, [1, 2], keepdims=True), fn=fn), [(2, 5, 6, 3)])
        case2(f"f32_{op}_last", want, bind(lambda x, fn: fn(x, [-1]), fn=fn), [(3, 4, 50)])
        case2(f"f32_{op}_axis0", want, bind(lambda x, fn: fn(x, [0]), fn=fn), [(4, 3, 5)])
    # SQUARED_DIFFERENCE, same shapes and broadcast
    case2("f32_squared_difference", ["SQUARED_DIFFERENCE"], lambda x, y: tf.math.squared_difference(x, y),
          [(2, 3, 5), (2, 3, 5)])
    case2("f32_squared_difference_bcast", ["SQUARED_DIFFERENCE"], lambda x, y: tf.math.squared_difference(x, y),
          [(2, 1, 4, 3), (5, 1, 3)])
    # BATCH_MATMUL of two inputs: adjoints, broadcast batch dimensions
    for tag, sa, sb, ax, ay in [("plain", (2, 3, 6), (2, 6, 4), False, False),
                                ("adj_x", (2, 6, 3), (2, 6, 4), True, False),
                                ("adj_y_bcast", (3, 2, 3, 5), (1, 4, 5), False, True),
                                ("rank2", (5, 8), (8, 3), False, False)]:
        case2(f"f32_batch_matmul_{tag}", ["BATCH_MATMUL"],
              bind(lambda a, b, ax, ay: tf.matmul(a, b, adjoint_a=ax, adjoint_b=ay), ax=ax, ay=ay), [sa, sb])
    # L2_NORMALIZATION along the last axis
    case2("f32_l2norm_rank4", ["L2_NORMALIZATION"], lambda x: tf.math.l2_normalize(x, axis=-1), [(1, 3, 4, 8)])
    case2("f32_l2norm_rank2", ["L2_NORMALIZATION"], lambda x: tf.math.l2_normalize(x, axis=-1), [(5, 16)],
          scale=1e-7)
    # LOG_SOFTMAX (glibc's expf and logf) and LOG (logf)
    case2("f32_log_softmax_2d", ["LOG_SOFTMAX"], lambda x: tf.nn.log_softmax(x), [(4, 10)])
    case2("f32_log_softmax_4d_wide", ["LOG_SOFTMAX"], lambda x: tf.nn.log_softmax(x), [(1, 2, 3, 300)], scale=30.0)
    case2("f32_log", ["LOG"], tf.math.log, [(4, 256)], scale=100.0)
    # reductions of rows that are all NaN, all -inf, all +inf, all -0.0, mixed (the third pair)
    rows = np.array([[np.nan] * 3, [-np.inf] * 3, [np.inf] * 3, [-0.0] * 3, [np.nan, -np.inf, 1.0]], np.float32)
    for op, fn in [("sum", tf.reduce_sum), ("reduce_max", tf.reduce_max), ("reduce_min", tf.reduce_min)]:
        case2(f"f32_{op}_special_rows", ["SUM" if op == "sum" else op.upper()],
              bind(lambda x, fn: fn(x, [1]), fn=fn), [(5, 3)], pair2=rows)

    wrote = 0
    for name, want, fn, specs, kw in cases:
        if only and not any(o in name for o in only):
            continue
        wrote += write_case(name, want, fn, specs, kw.pop("rng", rng), **kw)
    print(f"{wrote} cases written")


if __name__ == "__main__":
    main()
