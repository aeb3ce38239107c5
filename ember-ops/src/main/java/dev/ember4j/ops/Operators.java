package dev.ember4j.ops;

import dev.ember4j.ops.abs.AbsOp;
import dev.ember4j.ops.argmax.ArgMaxOp;
import dev.ember4j.ops.argmin.ArgMinOp;
import dev.ember4j.ops.batchmatmul.BatchMatMulOp;
import dev.ember4j.ops.batchtospacend.BatchToSpaceNdOp;
import dev.ember4j.ops.broadcastto.BroadcastToOp;
import dev.ember4j.ops.cast.CastOp;
import dev.ember4j.ops.comparison.EqualOp;
import dev.ember4j.ops.comparison.GreaterEqualOp;
import dev.ember4j.ops.comparison.GreaterOp;
import dev.ember4j.ops.comparison.LessEqualOp;
import dev.ember4j.ops.comparison.LessOp;
import dev.ember4j.ops.comparison.NotEqualOp;
import dev.ember4j.ops.concatenation.ConcatenationOp;
import dev.ember4j.ops.depthtospace.DepthToSpaceOp;
import dev.ember4j.ops.dequantize.DequantizeOp;
import dev.ember4j.ops.elu.EluOp;
import dev.ember4j.ops.exp.ExpOp;
import dev.ember4j.ops.expanddims.ExpandDimsOp;
import dev.ember4j.ops.fill.FillOp;
import dev.ember4j.ops.gather.GatherOp;
import dev.ember4j.ops.gathernd.GatherNdOp;
import dev.ember4j.ops.hardswish.HardSwishOp;
import dev.ember4j.ops.l2normalization.L2NormalizationOp;
import dev.ember4j.ops.leakyrelu.LeakyReluOp;
import dev.ember4j.ops.log.LogOp;
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
import dev.ember4j.ops.prelu.PreluOp;
import dev.ember4j.ops.quantize.QuantizeOp;
import dev.ember4j.ops.reducemax.ReduceMaxOp;
import dev.ember4j.ops.reducemin.ReduceMinOp;
import dev.ember4j.ops.relu.ReluOps;
import dev.ember4j.ops.resizebilinear.ResizeBilinearOp;
import dev.ember4j.ops.resizenearestneighbor.ResizeNearestNeighborOp;
import dev.ember4j.ops.rsqrt.RsqrtOp;
import dev.ember4j.ops.select.SelectOp;
import dev.ember4j.ops.select.SelectV2Op;
import dev.ember4j.ops.shape.ShapeOp;
import dev.ember4j.ops.slice.SliceOp;
import dev.ember4j.ops.spacetobatchnd.SpaceToBatchNdOp;
import dev.ember4j.ops.spacetodepth.SpaceToDepthOp;
import dev.ember4j.ops.split.SplitOp;
import dev.ember4j.ops.splitv.SplitVOp;
import dev.ember4j.ops.sqrt.SqrtOp;
import dev.ember4j.ops.squareddifference.SquaredDifferenceOp;
import dev.ember4j.ops.squeeze.SqueezeOp;
import dev.ember4j.ops.stridedslice.StridedSliceOp;
import dev.ember4j.ops.sub.SubOp;
import dev.ember4j.ops.sum.SumOp;
import dev.ember4j.ops.svdf.SvdfOp;
import dev.ember4j.ops.tanh.TanhOp;
import dev.ember4j.ops.transpose.TransposeOp;
import dev.ember4j.ops.transposeconv.TransposeConvOp;
import dev.ember4j.ops.unpack.UnpackOp;
import dev.ember4j.ops.zeroslike.ZerosLikeOp;
import dev.ember4j.tflite.prepare.OperatorSet;
import dev.ember4j.tflite.prepare.OperatorSpec;

import java.util.List;

/**
 * The operator registry: one line per operator, each implemented in its own package (options and
 * prepare, parameter record, reference kernel). The seven classic operators (CONV_2D,
 * DEPTHWISE_CONV_2D, FULLY_CONNECTED, the pools, SOFTMAX, ADD) and RESHAPE are prepared in ember-tflite
 * and have methods of their own on KernelBackend. See docs/OPERATORS.md for the recipe.
 */
public final class Operators implements OperatorSet {

    @Override
    public List<OperatorSpec> operators() {
        return List.of(
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
                new SvdfOp());
    }
}
