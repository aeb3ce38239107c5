/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.conv2d.Conv2DKernel;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parameters and kernels need only ember-core; only prepare needs the model reader. Read from the
 * compiled classes of ember-ops: a class "needs the reader" when its constant pool names a class of
 * ember-tflite, or names a class of ember-ops that needs it. No parameter record, and no class that
 * declares or creates a kernel held in a {@code public static final OpKernel} field, may need it;
 * otherwise generated code (which names exactly those) would need ember-tflite at run time.
 */
class ReaderFreeKernelsTest {
    private static final Pattern NAME = Pattern.compile("dev/ember4j/[A-Za-z0-9_/$]+");

    /** The ember-ops class names (internal form) each class file names in its constant pool. */
    private static Set<String> referencedNames(Path classFile) throws IOException {
        Set<String> names = new HashSet<>();
        try (InputStream raw = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> {
                        Matcher m = NAME.matcher(in.readUTF());
                        while (m.find()) {
                            names.add(m.group());
                        }
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException(classFile + ": constant pool tag " + tag);
                }
            }
        }
        return names;
    }

    @Test
    void parametersAndKernelsNeedOnlyTheCore() throws Exception {
        Path root = Path.of(Conv2DKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> refs = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class")
                    && !p.getFileName().toString().endsWith("-info.class"))::iterator) {
                String name = root.relativize(f).toString().replace('\\', '/');
                refs.put(name.substring(0, name.length() - ".class".length()), referencedNames(f));
            }
        }
        assertTrue(refs.size() > 300, "ember-ops classes found: " + refs.size());
        // classes that need the reader: those naming ember-tflite, then those naming such a class, to a fixpoint
        Set<String> needs = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
            if (e.getValue().stream().anyMatch(n -> n.startsWith("dev/ember4j/tflite/"))) {
                needs.add(e.getKey());
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
                if (!needs.contains(e.getKey()) && e.getValue().stream().anyMatch(needs::contains)) {
                    needs.add(e.getKey());
                    grew = true;
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        Set<String> kernels = new TreeSet<>();
        int records = 0;
        for (String internal : refs.keySet()) {
            if (internal.startsWith("dev/ember4j/ops/common/") && needs.contains(internal)) {
                wrong.add(internal + " is kernel-time code (ops.common) but needs the reader");
            }
            Class<?> c = Class.forName(internal.replace('/', '.'), false, getClass().getClassLoader());
            if (OperatorParams.class.isAssignableFrom(c) && !c.isInterface()) {
                records++;
                if (needs.contains(internal)) {
                    wrong.add("parameter record " + c.getName() + " needs the reader");
                }
            }
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod)
                        && OpKernel.class.isAssignableFrom(f.getType())) {
                    Class<?> host = f.get(null).getClass().getNestHost();
                    String hostName = host.getName().replace('.', '/');
                    kernels.add(host.getName());
                    if (needs.contains(hostName)) {
                        wrong.add(c.getName() + "." + f.getName() + " is a kernel of " + host.getName()
                                + ", which needs the reader: declare it on a kernel class");
                    }
                }
            }
        }
        assertTrue(records > 80, "parameter records found: " + records);
        assertTrue(kernels.size() > 80, "kernel classes found: " + kernels.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
