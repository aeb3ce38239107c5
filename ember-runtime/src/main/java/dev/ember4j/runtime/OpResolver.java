package dev.ember4j.runtime;

import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.ModelPreparer;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The operators an application allows, as TFLM's op resolver: a model using any other operator is
 * rejected when the {@link Interpreter} is created.
 */
public final class OpResolver {
    private final Set<BuiltinOperator> operators;

    private OpResolver(Set<BuiltinOperator> operators) {
        this.operators = Collections.unmodifiableSet(operators);
    }

    /** Every operator this engine supports. */
    public static OpResolver allBuiltins() {
        return new OpResolver(EnumSet.copyOf(ModelPreparer.SUPPORTED));
    }

    /** Exactly these operators; each must be one this engine supports. */
    public static OpResolver of(BuiltinOperator... ops) {
        EnumSet<BuiltinOperator> set = EnumSet.noneOf(BuiltinOperator.class);
        for (BuiltinOperator op : ops) {
            if (!ModelPreparer.SUPPORTED.contains(op)) {
                throw new IllegalArgumentException(op + " is not supported by this engine; supported: "
                        + ModelPreparer.SUPPORTED);
            }
            set.add(op);
        }
        return new OpResolver(set);
    }

    public Set<BuiltinOperator> operators() {
        return operators;
    }

    public boolean allows(BuiltinOperator op) {
        return operators.contains(op);
    }

    @Override
    public String toString() {
        return "OpResolver" + operators;
    }
}
