package dev.ember4j.core.ops;

/**
 * Prepared, immutable parameters of one operator: only what a kernel needs, computed once before
 * inference. Arrays inside these records are shared and must not be modified.
 */
public sealed interface OperatorParams
        permits Conv2DParams, DepthwiseConv2DParams, FullyConnectedParams, PoolParams, SoftmaxParams, AddParams {

    /** Multiply-accumulates one inference of this operator performs (0 where none). */
    long macs();
}
