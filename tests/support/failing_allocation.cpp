// The replacement operator new and delete live in their own translation unit: where g++ can
// inline them into callers it pairs `free` with `operator new` and warns (-Wmismatched-new-delete).
// Every unaligned form is replaced, so no allocation made by the runtime's (or a sanitizer's)
// operator new reaches the `free` below.
#include "support/failing_allocation.hpp"

#include <cstdlib>
#include <new>

namespace {
thread_local std::size_t fail_allocations_from = 0;  // 0: off
}  // namespace

namespace test_support {
void set_fail_allocations_from(std::size_t from) { fail_allocations_from = from; }
}  // namespace test_support

void* operator new(std::size_t n) {
  if (fail_allocations_from != 0 && n >= fail_allocations_from) throw std::bad_alloc();
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(n);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void* operator new[](std::size_t n, const std::nothrow_t& tag) noexcept {
  return ::operator new(n, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
