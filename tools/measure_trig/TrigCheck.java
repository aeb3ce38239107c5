/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

// Ember4j's Trig.sin / Trig.cos against glibc's over every float32 (libm_all on stdin); also counts (float) Math.sin / cos.
// javac -cp ../../ember-ops/target/classes -d . TrigCheck.java
import dev.ember4j.ops.elementwise.Trig;
import java.nio.*;
import java.nio.channels.*;
public class TrigCheck {
  public static void main(String[] a) throws Exception {
    boolean cos = a[0].equals("cos");
    ReadableByteChannel ch = Channels.newChannel(System.in);
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
    long i = 0, bad = 0, badNan = 0, mathBad = 0;
    while (true) {
      buf.clear();
      while (buf.hasRemaining()) { if (ch.read(buf) < 0) break; }
      buf.flip();
      if (!buf.hasRemaining()) break;
      while (buf.remaining() >= 4) {
        int g = buf.getInt();
        float x = Float.intBitsToFloat((int) i);
        float j = cos ? Trig.cos(x) : Trig.sin(x);
        int jb = Float.floatToRawIntBits(j);
        if (jb != g) {
          bad++;
          if (Float.isNaN(j) && Float.isNaN(Float.intBitsToFloat(g))) badNan++;
          else if (bad - badNan < 15) System.out.println("diff x=" + x + " bits=" + Integer.toHexString((int) i) + " glibc=" + Integer.toHexString(g) + " java=" + Integer.toHexString(jb));
        }
        int mb = Float.floatToRawIntBits(cos ? (float) Math.cos(x) : (float) Math.sin(x));
        if (mb != g && !(Float.isNaN(Float.intBitsToFloat(mb)) && Float.isNaN(Float.intBitsToFloat(g)))) mathBad++;
        i++;
      }
    }
    System.out.println(a[0] + ": " + i + " inputs, Trig differs on " + bad + " (NaN bit patterns only: " + badNan + "), (float) Math." + a[0] + " differs (non-NaN) on " + mathBad);
  }
}
