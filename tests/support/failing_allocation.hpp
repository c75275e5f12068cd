// Allocation failure on demand. The test binary that links failing_allocation.cpp replaces the
// global operator new: while a FailAllocations is alive on a thread, any operator new of at least
// `from` bytes on that thread throws std::bad_alloc.
#pragma once

#include <cstddef>

namespace test_support {

void set_fail_allocations_from(std::size_t from);  // 0: off

class FailAllocations {
 public:
  explicit FailAllocations(std::size_t from) { set_fail_allocations_from(from); }
  ~FailAllocations() { set_fail_allocations_from(0); }
  FailAllocations(const FailAllocations&) = delete;
  FailAllocations& operator=(const FailAllocations&) = delete;
};

}  // namespace test_support
