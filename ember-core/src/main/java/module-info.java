/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The engine's vocabulary: the {@link dev.ember4j.core.KernelBackend} service that backends implement,
 * the operator parameter records and slots it runs on, TFLite's fixed-point quantization arithmetic,
 * the parallel backend wrapper, and the exceptions every other module throws.
 */
module dev.ember4j.core {
    exports dev.ember4j.core;
    exports dev.ember4j.core.ops;
    // Backend implementations need TFLite's exact rounding to stay bit-exact.
    exports dev.ember4j.core.quant;
    exports dev.ember4j.core.parallel;
}
