// Force-included when the agent is compiled against musl with GCC's libstdc++
// headers, which were configured for glibc and use two glibc-only names.
#pragma once
#include <features.h>
#include <locale.h>
#ifndef __GLIBC_PREREQ
#define __GLIBC_PREREQ(maj, min) 0
#endif
typedef locale_t __locale_t;
