/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Runnable Spark jobs built on ember-spark ({@code spark-submit --class ...} with the shaded jar). */
package dev.ember4j.spark.example;
