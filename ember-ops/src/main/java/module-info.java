/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The operator registry: one package per TFLite builtin operator (its options and prepare, parameter record
 * and reference kernel), registered as a {@link dev.ember4j.tflite.prepare.OperatorSet} service.
 *
 * <p>Every package is exported because classes generated from models ({@code @Model}, {@code ember generate})
 * name the parameter records and {@code KERNEL} fields of the operators they call.
 */
module dev.ember4j.ops {
    requires transitive dev.ember4j.core;
    // Only the prepare classes (OperatorSpec implementations) read the model: parameters and kernels run without it.
    requires static dev.ember4j.tflite;

    exports dev.ember4j.ops;
    exports dev.ember4j.ops.abs;
    exports dev.ember4j.ops.add;
    exports dev.ember4j.ops.addn;
    exports dev.ember4j.ops.argmax;
    exports dev.ember4j.ops.argmin;
    exports dev.ember4j.ops.batchmatmul;
    exports dev.ember4j.ops.batchtospacend;
    exports dev.ember4j.ops.binary;
    exports dev.ember4j.ops.broadcastargs;
    exports dev.ember4j.ops.broadcastto;
    exports dev.ember4j.ops.cast;
    exports dev.ember4j.ops.ceil;
    exports dev.ember4j.ops.common;
    exports dev.ember4j.ops.comparison;
    exports dev.ember4j.ops.concatenation;
    exports dev.ember4j.ops.conv2d;
    exports dev.ember4j.ops.copy;
    exports dev.ember4j.ops.cos;
    exports dev.ember4j.ops.cumsum;
    exports dev.ember4j.ops.depthtospace;
    exports dev.ember4j.ops.depthwiseconv2d;
    exports dev.ember4j.ops.dequantize;
    exports dev.ember4j.ops.detectionpostprocess;
    exports dev.ember4j.ops.div;
    exports dev.ember4j.ops.dynamicupdateslice;
    exports dev.ember4j.ops.elementwise;
    exports dev.ember4j.ops.elu;
    exports dev.ember4j.ops.embeddinglookup;
    exports dev.ember4j.ops.exp;
    exports dev.ember4j.ops.expanddims;
    exports dev.ember4j.ops.fill;
    exports dev.ember4j.ops.floor;
    exports dev.ember4j.ops.floordiv;
    exports dev.ember4j.ops.floormod;
    exports dev.ember4j.ops.fullyconnected;
    exports dev.ember4j.ops.gather;
    exports dev.ember4j.ops.gathernd;
    exports dev.ember4j.ops.gelu;
    exports dev.ember4j.ops.hardswish;
    exports dev.ember4j.ops.l2normalization;
    exports dev.ember4j.ops.l2pool2d;
    exports dev.ember4j.ops.leakyrelu;
    exports dev.ember4j.ops.log;
    exports dev.ember4j.ops.logical;
    exports dev.ember4j.ops.logistic;
    exports dev.ember4j.ops.logsoftmax;
    exports dev.ember4j.ops.maxmin;
    exports dev.ember4j.ops.mean;
    exports dev.ember4j.ops.mirrorpad;
    exports dev.ember4j.ops.moves;
    exports dev.ember4j.ops.mul;
    exports dev.ember4j.ops.neg;
    exports dev.ember4j.ops.pack;
    exports dev.ember4j.ops.pad;
    exports dev.ember4j.ops.pool;
    exports dev.ember4j.ops.prelu;
    exports dev.ember4j.ops.quantize;
    exports dev.ember4j.ops.reduce;
    exports dev.ember4j.ops.reducemax;
    exports dev.ember4j.ops.reducemin;
    exports dev.ember4j.ops.relu;
    exports dev.ember4j.ops.reshape;
    exports dev.ember4j.ops.resizebilinear;
    exports dev.ember4j.ops.resizenearestneighbor;
    exports dev.ember4j.ops.resourcevariable;
    exports dev.ember4j.ops.reversev2;
    exports dev.ember4j.ops.round;
    exports dev.ember4j.ops.rsqrt;
    exports dev.ember4j.ops.select;
    exports dev.ember4j.ops.shape;
    exports dev.ember4j.ops.sin;
    exports dev.ember4j.ops.slice;
    exports dev.ember4j.ops.softmax;
    exports dev.ember4j.ops.spacetobatchnd;
    exports dev.ember4j.ops.spacetodepth;
    exports dev.ember4j.ops.split;
    exports dev.ember4j.ops.splitv;
    exports dev.ember4j.ops.sqrt;
    exports dev.ember4j.ops.square;
    exports dev.ember4j.ops.squareddifference;
    exports dev.ember4j.ops.squeeze;
    exports dev.ember4j.ops.stridedslice;
    exports dev.ember4j.ops.sub;
    exports dev.ember4j.ops.sum;
    exports dev.ember4j.ops.support;
    exports dev.ember4j.ops.svdf;
    exports dev.ember4j.ops.tanh;
    exports dev.ember4j.ops.transpose;
    exports dev.ember4j.ops.transposeconv;
    exports dev.ember4j.ops.unidirectionalsequencelstm;
    exports dev.ember4j.ops.unpack;
    exports dev.ember4j.ops.zeroslike;

    provides dev.ember4j.tflite.prepare.OperatorSet with dev.ember4j.ops.Operators;
}
