/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Images into input tensors (documented pixel conventions) and labelled top-k answers from output tensors. */
module dev.ember4j.media {
    requires transitive dev.ember4j.core;
    requires transitive dev.ember4j.runtime;
    // BufferedImage is in the API; javax.imageio decodes PNG, JPEG and BMP.
    requires transitive java.desktop;

    exports dev.ember4j.media;
}
