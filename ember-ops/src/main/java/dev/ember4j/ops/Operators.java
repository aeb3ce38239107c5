package dev.ember4j.ops;

import dev.ember4j.ops.comparison.EqualOp;
import dev.ember4j.ops.comparison.GreaterEqualOp;
import dev.ember4j.ops.comparison.GreaterOp;
import dev.ember4j.ops.comparison.LessEqualOp;
import dev.ember4j.ops.comparison.LessOp;
import dev.ember4j.ops.comparison.NotEqualOp;
import dev.ember4j.ops.concatenation.ConcatenationOp;
import dev.ember4j.ops.dequantize.DequantizeOp;
import dev.ember4j.ops.expanddims.ExpandDimsOp;
import dev.ember4j.ops.hardswish.HardSwishOp;
import dev.ember4j.ops.leakyrelu.LeakyReluOp;
import dev.ember4j.ops.logistic.LogisticOp;
import dev.ember4j.ops.maxmin.MaximumOp;
import dev.ember4j.ops.maxmin.MinimumOp;
import dev.ember4j.ops.mean.MeanOp;
import dev.ember4j.ops.mul.MulOp;
import dev.ember4j.ops.pad.PadOp;
import dev.ember4j.ops.pad.PadV2Op;
import dev.ember4j.ops.quantize.QuantizeOp;
import dev.ember4j.ops.reducemax.ReduceMaxOp;
import dev.ember4j.ops.reducemin.ReduceMinOp;
import dev.ember4j.ops.relu.ReluOps;
import dev.ember4j.ops.select.SelectOp;
import dev.ember4j.ops.select.SelectV2Op;
import dev.ember4j.ops.slice.SliceOp;
import dev.ember4j.ops.squareddifference.SquaredDifferenceOp;
import dev.ember4j.ops.squeeze.SqueezeOp;
import dev.ember4j.ops.stridedslice.StridedSliceOp;
import dev.ember4j.ops.sub.SubOp;
import dev.ember4j.ops.sum.SumOp;
import dev.ember4j.ops.tanh.TanhOp;
import dev.ember4j.ops.transpose.TransposeOp;
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
                new SelectV2Op());
    }
}
