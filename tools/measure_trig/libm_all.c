/* glibc's sinf or cosf (argv[1]) of every float32 bit pattern in order, as raw float32 on stdout.
   gcc -O2 -o libm_all libm_all.c -lm && ./libm_all sin | java -cp .:../../ember-ops/target/classes TrigCheck sin */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  int cosine = argc > 1 && strcmp(argv[1], "cos") == 0;
  static float buf[1 << 20];
  uint64_t i = 0;
  while (i < (1ULL << 32)) {
    for (int k = 0; k < (1 << 20); k++, i++) {
      uint32_t b = (uint32_t) i; float x; memcpy(&x, &b, 4);
      buf[k] = cosine ? cosf(x) : sinf(x);
    }
    fwrite(buf, 4, 1 << 20, stdout);
  }
  return 0;
}
