/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops;

import dev.ember4j.ops.abs.AbsOp;
import dev.ember4j.ops.add.AddOp;
import dev.ember4j.ops.addn.AddNOp;
import dev.ember4j.ops.argmax.ArgMaxOp;
import dev.ember4j.ops.argmin.ArgMinOp;
import dev.ember4j.ops.batchmatmul.BatchMatMulOp;
import dev.ember4j.ops.batchtospacend.BatchToSpaceNdOp;
import dev.ember4j.ops.broadcastargs.BroadcastArgsOp;
import dev.ember4j.ops.broadcastto.BroadcastToOp;
import dev.ember4j.ops.cast.CastOp;
import dev.ember4j.ops.ceil.CeilOp;
import dev.ember4j.ops.comparison.EqualOp;
import dev.ember4j.ops.comparison.GreaterEqualOp;
import dev.ember4j.ops.comparison.GreaterOp;
import dev.ember4j.ops.comparison.LessEqualOp;
import dev.ember4j.ops.comparison.LessOp;
import dev.ember4j.ops.comparison.NotEqualOp;
import dev.ember4j.ops.concatenation.ConcatenationOp;
import dev.ember4j.ops.conv2d.Conv2DOp;
import dev.ember4j.ops.cos.CosOp;
import dev.ember4j.ops.cumsum.CumSumOp;
import dev.ember4j.ops.depthtospace.DepthToSpaceOp;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DOp;
import dev.ember4j.ops.detectionpostprocess.DetectionPostProcessOp;
import dev.ember4j.ops.dynamicupdateslice.DynamicUpdateSliceOp;
import dev.ember4j.ops.dequantize.DequantizeOp;
import dev.ember4j.ops.div.DivOp;
import dev.ember4j.ops.elu.EluOp;
import dev.ember4j.ops.embeddinglookup.EmbeddingLookupOp;
import dev.ember4j.ops.exp.ExpOp;
import dev.ember4j.ops.expanddims.ExpandDimsOp;
import dev.ember4j.ops.fill.FillOp;
import dev.ember4j.ops.floor.FloorOp;
import dev.ember4j.ops.floordiv.FloorDivOp;
import dev.ember4j.ops.floormod.FloorModOp;
import dev.ember4j.ops.fullyconnected.FullyConnectedOp;
import dev.ember4j.ops.gather.GatherOp;
import dev.ember4j.ops.gathernd.GatherNdOp;
import dev.ember4j.ops.gelu.GeluOp;
import dev.ember4j.ops.hardswish.HardSwishOp;
import dev.ember4j.ops.l2normalization.L2NormalizationOp;
import dev.ember4j.ops.l2pool2d.L2Pool2DOp;
import dev.ember4j.ops.leakyrelu.LeakyReluOp;
import dev.ember4j.ops.log.LogOp;
import dev.ember4j.ops.logical.LogicalAndOp;
import dev.ember4j.ops.logical.LogicalNotOp;
import dev.ember4j.ops.logical.LogicalOrOp;
import dev.ember4j.ops.logistic.LogisticOp;
import dev.ember4j.ops.logsoftmax.LogSoftmaxOp;
import dev.ember4j.ops.maxmin.MaximumOp;
import dev.ember4j.ops.maxmin.MinimumOp;
import dev.ember4j.ops.mean.MeanOp;
import dev.ember4j.ops.mirrorpad.MirrorPadOp;
import dev.ember4j.ops.mul.MulOp;
import dev.ember4j.ops.neg.NegOp;
import dev.ember4j.ops.pack.PackOp;
import dev.ember4j.ops.pad.PadOp;
import dev.ember4j.ops.pad.PadV2Op;
import dev.ember4j.ops.pool.PoolOp;
import dev.ember4j.ops.prelu.PreluOp;
import dev.ember4j.ops.quantize.QuantizeOp;
import dev.ember4j.ops.reducemax.ReduceMaxOp;
import dev.ember4j.ops.reducemin.ReduceMinOp;
import dev.ember4j.ops.relu.ReluOps;
import dev.ember4j.ops.reshape.ReshapeOp;
import dev.ember4j.ops.resizebilinear.ResizeBilinearOp;
import dev.ember4j.ops.resizenearestneighbor.ResizeNearestNeighborOp;
import dev.ember4j.ops.resourcevariable.AssignVariableOp;
import dev.ember4j.ops.resourcevariable.ReadVariableOp;
import dev.ember4j.ops.reversev2.ReverseV2Op;
import dev.ember4j.ops.round.RoundOp;
import dev.ember4j.ops.rsqrt.RsqrtOp;
import dev.ember4j.ops.select.SelectOp;
import dev.ember4j.ops.select.SelectV2Op;
import dev.ember4j.ops.shape.ShapeOp;
import dev.ember4j.ops.sin.SinOp;
import dev.ember4j.ops.slice.SliceOp;
import dev.ember4j.ops.softmax.SoftmaxOp;
import dev.ember4j.ops.spacetobatchnd.SpaceToBatchNdOp;
import dev.ember4j.ops.spacetodepth.SpaceToDepthOp;
import dev.ember4j.ops.split.SplitOp;
import dev.ember4j.ops.splitv.SplitVOp;
import dev.ember4j.ops.sqrt.SqrtOp;
import dev.ember4j.ops.square.SquareOp;
import dev.ember4j.ops.squareddifference.SquaredDifferenceOp;
import dev.ember4j.ops.squeeze.SqueezeOp;
import dev.ember4j.ops.stridedslice.StridedSliceOp;
import dev.ember4j.ops.sub.SubOp;
import dev.ember4j.ops.sum.SumOp;
import dev.ember4j.ops.svdf.SvdfOp;
import dev.ember4j.ops.tanh.TanhOp;
import dev.ember4j.ops.transpose.TransposeOp;
import dev.ember4j.ops.transposeconv.TransposeConvOp;
import dev.ember4j.ops.unidirectionalsequencelstm.UnidirectionalSequenceLstmOp;
import dev.ember4j.ops.unpack.UnpackOp;
import dev.ember4j.ops.zeroslike.ZerosLikeOp;
import dev.ember4j.tflite.prepare.OperatorSet;
import dev.ember4j.tflite.prepare.OperatorSpec;

import java.util.List;

/**
 * The operator registry: one line per operator, each implemented in its own package (options and
 * prepare, parameter record, kernel). The seven classic operators (CONV_2D, DEPTHWISE_CONV_2D,
 * FULLY_CONNECTED, the pools, SOFTMAX, ADD) keep their parameter records in ember-core and their kernels
 * as methods of KernelBackend (reference implementations in ember-ref), which their packages here bind.
 * See docs/OPERATORS.md for the recipe.
 */
public final class Operators implements OperatorSet {

    @Override
    public List<OperatorSpec> operators() {
        return List.of(
                new Conv2DOp(),
                new DepthwiseConv2DOp(),
                new FullyConnectedOp(),
                PoolOp.average(),
                PoolOp.max(),
                new SoftmaxOp(),
                new AddOp(),
                new ReshapeOp(),
                new QuantizeOp(),
                new DequantizeOp(),
                new MulOp(),
                new LogisticOp(),
                new TanhOp(),
                new LeakyReluOp(),
                new HardSwishOp(),
                new ReluOps.Relu(),
                new ReluOps.Relu6(),
                new ReluOps.ReluN1To1(),
                new ConcatenationOp(),
                new MeanOp(),
                new SumOp(),
                new ReduceMaxOp(),
                new ReduceMinOp(),
                new PadOp(),
                new PadV2Op(),
                new TransposeOp(),
                new StridedSliceOp(),
                new SqueezeOp(),
                new ExpandDimsOp(),
                new SliceOp(),
                new PreluOp(),
                new LogSoftmaxOp(),
                new CastOp(),
                new AbsOp(),
                new NegOp(),
                new EluOp(),
                new ExpOp(),
                new SqrtOp(),
                new RsqrtOp(),
                new LogOp(),
                new ArgMaxOp(),
                new ArgMinOp(),
                new GatherOp(),
                new GatherNdOp(),
                new PackOp(),
                new ShapeOp(),
                new SplitOp(),
                new SplitVOp(),
                new UnpackOp(),
                new BatchToSpaceNdOp(),
                new BroadcastToOp(),
                new DepthToSpaceOp(),
                new FillOp(),
                new MirrorPadOp(),
                new SpaceToBatchNdOp(),
                new SpaceToDepthOp(),
                new ZerosLikeOp(),
                new ResizeNearestNeighborOp(),
                new ResizeBilinearOp(),
                new TransposeConvOp(),
                new BatchMatMulOp(),
                new L2NormalizationOp(),
                new DetectionPostProcessOp(),
                new DynamicUpdateSliceOp(),
                new SubOp(),
                new SquaredDifferenceOp(),
                new MaximumOp(),
                new MinimumOp(),
                new EqualOp(),
                new NotEqualOp(),
                new GreaterOp(),
                new GreaterEqualOp(),
                new LessOp(),
                new LessEqualOp(),
                new SelectOp(),
                new SelectV2Op(),
                new SvdfOp(),
                new UnidirectionalSequenceLstmOp(),
                new DivOp(),
                new AddNOp(),
                new FloorDivOp(),
                new FloorModOp(),
                new ReadVariableOp(),
                new AssignVariableOp(),
                new FloorOp(),
                new CeilOp(),
                new RoundOp(),
                new SquareOp(),
                new SinOp(),
                new CosOp(),
                new LogicalAndOp(),
                new LogicalOrOp(),
                new LogicalNotOp(),
                new CumSumOp(),
                new EmbeddingLookupOp(),
                new BroadcastArgsOp(),
                new L2Pool2DOp(),
                new ReverseV2Op(),
                new GeluOp());
    }
}
