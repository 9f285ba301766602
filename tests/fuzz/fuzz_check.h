#pragma once
// A property a fuzz target asserts. A broken property aborts, so libFuzzer keeps the
// input as a crash file; Q_ASSERT would vanish in release builds and QtTest is not here.

#include <cstdio>
#include <cstdlib>

namespace vmeclone::fuzz {

[[noreturn]] inline void propertyFailed(const char *property, const char *file, int line) {
    std::fprintf(stderr, "%s:%d: fuzz property broken: %s\n", file, line, property);
    std::abort();
}

} // namespace vmeclone::fuzz

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::vmeclone::fuzz::propertyFailed(#condition, __FILE__, __LINE__);                      \
    } while (false)
