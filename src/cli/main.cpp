// lectern — command-line tool over the core library (placeholder until the analysis lands).
#include "document.h"

#include <cstdio>

int main() {
  std::fprintf(stderr, "usage: lectern analyze FILE [--json]\n");
  return 2;
}
