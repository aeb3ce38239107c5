#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Stateful UNIDIRECTIONAL_SEQUENCE_LSTM golden cases: small integer (8x8_16) LSTM models written directly
with the flatbuffer schema (random int8 weights, int32 biases, chosen scales; the TF converter is not
involved), with TensorFlow Lite 2.21 BUILTIN_REF goldens over consecutive invokes of one interpreter.

  /work/V/bin/python tools/make_lstm_models.py

writes testdata/stateful/lstm_<case>/ (model.tflite, step<k>.input<i>.bin, step<k>.expected<o>.bin) like
tools/make_state_models.py: StatefulCasesTest (Interpreter), StatefulGeneratedTest (generated code),
simd's StatefulModelsTest and ZeroAllocationTest run them. The cases cover batch 1 and more, time and batch
major, CIFG, peephole, projection (with bias and clip), layer norm, cell clip and nonzero zero points.
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import numpy as np  # noqa: E402
from make_state_models import fb, model_bytes, opcode, tensor, write_case  # noqa: E402

GATES = ["input", "forget", "cell", "output"]


def lstm_model(seed, *, batch, time, n_input, n_cell, n_output=None, time_major=False, cifg=False,
               peephole=False, projection=False, projection_bias=True, layer_norm=False, cell_clip=0.0,
               proj_clip=0.0, in_zp=-5, state_zp=3, hidden_zp=0, cell_log2=-11):
    """One integer LSTM operator: int8 input [time, batch, in] (time major) or [batch, time, in]."""
    rng = np.random.default_rng(seed)
    n_output = n_cell if n_output is None else n_output
    tensors, buffers = [], [fb.BufferT()]
    in_scale = 1.0 / 40
    state_scale = 1.0 / 120 if not projection else 1.0 / 70
    hidden_scale = 1.0 / 127
    shape = (time, batch, n_input) if time_major else (batch, time, n_input)
    x = tensor(tensors, buffers, "input", fb.TensorType.INT8, shape, in_scale, in_zp)
    inputs = [x] + [-1] * 23

    def weights(name, rows, cols, spread):
        w = rng.integers(-127, 128, (rows, cols), dtype=np.int64).astype(np.int8)
        return tensor(tensors, buffers, name, fb.TensorType.INT8, w.shape, spread / 127.0, 0, w)

    # gate pre-activations land within a few units (Q3.12 range is +-8)
    for g, name in enumerate(GATES):
        if g == 0 and cifg:
            continue
        inputs[1 + g] = weights(f"input_to_{name}_weights", n_cell, n_input, 1.6 / np.sqrt(n_input))
        inputs[5 + g] = weights(f"recurrent_to_{name}_weights", n_cell, n_output, 1.2 / np.sqrt(n_output))
    if peephole:
        for k, g in enumerate([0, 1, 3]):
            if g == 0 and cifg:
                continue
            w = rng.integers(-32767, 32768, (n_cell,), dtype=np.int64).astype(np.int16)
            inputs[9 + k] = tensor(tensors, buffers, f"cell_to_{GATES[g]}_weights", fb.TensorType.INT16, w.shape,
                                   0.7 / 32767, 0, w)
    ln_scale = 1.6 / 32767
    for g, name in enumerate(GATES):
        if g == 0 and cifg:
            continue
        if layer_norm:
            # added after the layer norm: scale ln_scale * 2^-10, real values about +-1
            b = rng.integers(-20000000, 20000000, (n_cell,), dtype=np.int64).astype(np.int32)
            bias_scale = ln_scale / 1024
        else:
            # added to the input matmul: scale in_scale * weight scale, real values about +-1
            w_scale = 1.6 / np.sqrt(n_input) / 127.0
            bias_scale = in_scale * w_scale
            b = rng.integers(int(-1.0 / bias_scale), int(1.0 / bias_scale), (n_cell,), dtype=np.int64).astype(np.int32)
        inputs[12 + g] = tensor(tensors, buffers, f"{name}_gate_bias", fb.TensorType.INT32, b.shape, bias_scale, 0, b)
    if projection:
        inputs[16] = weights("projection_weights", n_output, n_cell, 1.5 / np.sqrt(n_cell))
        if projection_bias:
            b = rng.integers(-3000, 3000, (n_output,), dtype=np.int64).astype(np.int32)
            inputs[17] = tensor(tensors, buffers, "projection_bias", fb.TensorType.INT32, b.shape,
                                hidden_scale * 1.5 / np.sqrt(n_cell) / 127.0, 0, b)
    inputs[18] = tensor(tensors, buffers, "output_state", fb.TensorType.INT8, (batch, n_output), state_scale, state_zp,
                        variable=True)
    inputs[19] = tensor(tensors, buffers, "cell_state", fb.TensorType.INT16, (batch, n_cell), 2.0 ** cell_log2, 0,
                        variable=True)
    if layer_norm:
        for g, name in enumerate(GATES):
            if g == 0 and cifg:
                continue
            w = rng.integers(8000, 32768, (n_cell,), dtype=np.int64).astype(np.int16)
            inputs[20 + g] = tensor(tensors, buffers, f"{name}_layer_norm_coefficients", fb.TensorType.INT16,
                                    w.shape, ln_scale, 0, w)
    out_shape = (time, batch, n_output) if time_major else (batch, time, n_output)
    y = tensor(tensors, buffers, "output", fb.TensorType.INT8, out_shape, state_scale, state_zp)

    intermediates = []
    for g, name in enumerate(GATES):
        # with layer norm, the matmul results are requantized to these int16 scales before normalization
        scale = (0.9 + 0.1 * g) * 2.0 ** -10 if layer_norm else None
        intermediates.append(tensor(tensors, buffers, f"input_to_{name}_intermediate", fb.TensorType.INT16, (0,),
                                    scale, 0))
    intermediates.append(tensor(tensors, buffers, "effective_hidden_scale_intermediate", fb.TensorType.INT8, (0,),
                                hidden_scale if projection else state_scale,
                                hidden_zp if projection else state_zp))

    op = fb.OperatorT()
    op.opcodeIndex = 0
    op.inputs = inputs
    op.outputs = [y]
    op.intermediates = intermediates
    op.builtinOptionsType = fb.BuiltinOptions.UnidirectionalSequenceLSTMOptions
    o = fb.UnidirectionalSequenceLSTMOptionsT()
    o.fusedActivationFunction = fb.ActivationFunctionType.TANH
    o.cellClip = cell_clip
    o.projClip = proj_clip
    o.timeMajor = time_major
    op.builtinOptions = o
    return model_bytes(tensors, buffers, [op], [opcode(fb.BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM)], [x], [y])


def lstm_cases():
    cases = {
        "lstm_plain": dict(batch=1, time=3, n_input=5, n_cell=4),
        "lstm_batch3_batch_major": dict(batch=3, time=2, n_input=6, n_cell=5, cell_clip=2.5, in_zp=7, state_zp=-4),
        "lstm_batch2_time_major": dict(batch=2, time=3, n_input=4, n_cell=6, time_major=True, cell_log2=-12),
        "lstm_peephole": dict(batch=2, time=2, n_input=5, n_cell=4, peephole=True, cell_clip=3.0),
        "lstm_cifg_peephole_time_major": dict(batch=2, time=2, n_input=3, n_cell=5, cifg=True, peephole=True,
                                              time_major=True),
        "lstm_projection": dict(batch=2, time=3, n_input=4, n_cell=6, n_output=3, projection=True, proj_clip=0.8,
                                hidden_zp=4, state_zp=-2),
        "lstm_projection_nobias_peephole_time_major": dict(batch=2, time=2, n_input=4, n_cell=6, n_output=4,
                                                           projection=True, projection_bias=False, peephole=True,
                                                           time_major=True, hidden_zp=-3, cell_log2=-10),
        "lstm_layer_norm": dict(batch=1, time=3, n_input=5, n_cell=8, layer_norm=True),
        "lstm_layer_norm_cifg_projection": dict(batch=2, time=2, n_input=4, n_cell=8, n_output=5, layer_norm=True,
                                                cifg=True, projection=True, peephole=True, cell_clip=4.0,
                                                hidden_zp=2, in_zp=0, state_zp=0),
        "lstm_layer_norm_odd_cells_time_major": dict(batch=2, time=2, n_input=3, n_cell=6, layer_norm=True,
                                                     time_major=True, cell_log2=-13),
    }
    for k, (name, kw) in enumerate(cases.items()):
        write_case(name, lstm_model(100 + k, **kw), 200 + k)


if __name__ == "__main__":
    lstm_cases()
