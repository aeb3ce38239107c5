/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

import dev.ember4j.core.IdentityCache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The kernels one backend offers in place of reference kernels, as TVM's per-target operator
 * strategies: each {@link Entry} names a parameter record type (which fixes the operator and its
 * tensor types; where operators share a record, as MAX_POOL_2D and AVERAGE_POOL_2D do, also the reference
 * kernel it replaces), a condition on the parameters and a priority. {@link #bind} picks, once per operator
 * when a model is bound, the entry of highest priority whose type and condition match and whose
 * factory accepts the operator (a factory may decline, e.g. past a memory budget, by returning null);
 * the operator's reference kernel when none does. Choices are cached by the identity of the
 * (immutable) parameter record and its reference kernel, so interpreters and generated classes that share a prepared model
 * share packed weights too; a kernel must therefore not hold its parameter record.
 */
public final class KernelTable {

    /**
     * One kernel a backend offers.
     *
     * @param params   the parameter record type it runs
     * @param replaces the reference kernel it replaces, or null for every operator with that record type
     * @param name     short name shown per operator by {@code ember inspect} and {@code ember bench}
     * @param priority higher wins among entries that match
     * @param when     which operators of that type it runs
     * @param make     the kernel for one operator's parameters (packing its weights), or null to decline
     */
    public record Entry<P extends OperatorParams>(Class<P> params, OpKernel<P> replaces, String name, int priority,
                                                  Predicate<? super P> when,
                                                  Function<? super P, ? extends OpKernel<P>> make) {
        public Entry {
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(make, "make");
        }
    }

    private final String backend;
    private final List<Entry<?>> entries;
    private final Map<Class<?>, List<Entry<?>>> byType = new HashMap<>();
    private final IdentityCache<OperatorParams, Choice> bound = new IdentityCache<>();

    /** A cached choice and the reference kernel it was made for (one record could serve two operators). */
    private record Choice(OpKernel<?> reference, BoundKernel<?> bound) {}

    private KernelTable(String backend, List<Entry<?>> entries) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.entries = List.copyOf(entries);
        for (Entry<?> e : this.entries) {
            byType.computeIfAbsent(e.params(), k -> new ArrayList<>()).add(e);
        }
        for (List<Entry<?>> list : byType.values()) {
            list.sort(Comparator.comparingInt((Entry<?> e) -> e.priority()).reversed());
        }
    }

    public static Builder builder(String backend) {
        return new Builder(backend);
    }

    /** Every entry, in registration order. */
    public List<Entry<?>> entries() {
        return entries;
    }

    /** The kernel for this operator: the best matching entry's, else {@code reference}. Cached per record. */
    @SuppressWarnings("unchecked")
    public <P extends OperatorParams> BoundKernel<P> bind(P params, OpKernel<P> reference) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(reference, "reference");
        Choice c = bound.get(params);
        if (c == null) {
            c = bound.computeIfAbsent(params, p -> new Choice(reference, choose((P) p, reference)));
        }
        return (BoundKernel<P>) (c.reference() == reference ? c.bound() : choose(params, reference));
    }

    @SuppressWarnings("unchecked")
    private <P extends OperatorParams> BoundKernel<P> choose(P params, OpKernel<P> reference) {
        for (Entry<?> e : byType.getOrDefault(params.getClass(), List.of())) {
            Entry<P> entry = (Entry<P>) e;
            if ((entry.replaces() == null || entry.replaces() == reference) && entry.when().test(params)) {
                OpKernel<P> k = entry.make().apply(params);
                if (k != null) {
                    return new BoundKernel<>(k, backend, entry.name());
                }
            }
        }
        return BoundKernel.reference(reference);
    }

    /** Collects entries; {@link #build} makes the immutable table. */
    public static final class Builder {
        private final String backend;
        private final List<Entry<?>> entries = new ArrayList<>();

        private Builder(String backend) {
            this.backend = backend;
        }

        public <P extends OperatorParams> Builder add(Class<P> params, String name, int priority,
                                                      Predicate<? super P> when,
                                                      Function<? super P, ? extends OpKernel<P>> make) {
            entries.add(new Entry<>(params, null, name, priority, when, make));
            return this;
        }

        /** An entry for the operators whose reference kernel is {@code replaces} (of records of type {@code params}). */
        public <P extends OperatorParams> Builder replace(OpKernel<P> replaces, Class<P> params, String name,
                                                          int priority, Predicate<? super P> when,
                                                          Function<? super P, ? extends OpKernel<P>> make) {
            entries.add(new Entry<>(params, Objects.requireNonNull(replaces, "replaces"), name, priority, when, make));
            return this;
        }

        /** An entry for every operator of the type. */
        public <P extends OperatorParams> Builder add(Class<P> params, String name, int priority,
                                                      Function<? super P, ? extends OpKernel<P>> make) {
            return add(params, name, priority, p -> true, make);
        }

        public KernelTable build() {
            return new KernelTable(backend, entries);
        }
    }
}
