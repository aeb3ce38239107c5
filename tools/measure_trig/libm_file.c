/* glibc's sinf or cosf of the float32 values of a file: libm_file sin|cos in.bin out.bin */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int main(int argc, char **argv) {  // argv: sin|cos in out
  FILE *f = fopen(argv[2], "rb"); fseek(f, 0, SEEK_END); long n = ftell(f) / 4; fseek(f, 0, SEEK_SET);
  float *x = malloc(n * 4); fread(x, 4, n, f); fclose(f);
  for (long i = 0; i < n; i++) x[i] = strcmp(argv[1], "cos") == 0 ? cosf(x[i]) : sinf(x[i]);
  f = fopen(argv[3], "wb"); fwrite(x, 4, n, f); fclose(f); return 0;
}
