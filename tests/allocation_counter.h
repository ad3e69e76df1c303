// allocation_counter.h — how many times the test runner has called operator new: a measure of
// work done that does not depend on the machine's speed or load (tests compare counts between
// two input sizes instead of reading a clock).
//
//   const uint64_t before = AllocationCount();
//   Analyze(doc, world);
//   const uint64_t work = AllocationCount() - before;
#pragma once

#include <cstdint>

uint64_t AllocationCount();
