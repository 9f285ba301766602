# One INTERFACE target carries the language standard, warnings and Qt's safety
# defines; every target of the project links it (qBittorrent's CommonConfig habit).
add_library(vmeclone_options INTERFACE)
add_library(vmeclone::options ALIAS vmeclone_options)

target_compile_features(vmeclone_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

target_compile_definitions(vmeclone_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_KEYWORDS
  QT_NO_FOREACH
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  SPDLOG_FMT_EXTERNAL
  VMECLONE_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(vmeclone_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
elseif(MSVC)
  target_compile_options(vmeclone_options INTERFACE /W4 /permissive- /utf-8)
endif()
# clang destroys a temporary twice when a switch's cases call a consteval function
# (llvm/llvm-project#60249, clang 14: a crash at -O0): fmt's checked format
# strings are one, in every spdlog call. fmt then checks them at run time instead.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  target_compile_definitions(vmeclone_options INTERFACE FMT_CONSTEVAL=)
endif()

# A clean build of core, ui and app takes half the compiler time as a unity build
# (BENCHMARKS.md, "Build"); an edit then recompiles its batch of eight sources. Turn it
# off for a build folder where you edit one file at a time.
option(VMECLONE_UNITY_BUILD "Build core, ui and app as unity builds" ON)

# Sanitizer builds: -DVMECLONE_SANITIZE=address,undefined or =thread. A finding stops the
# program (no recovery), so a test cannot pass with a report in its log.
set(VMECLONE_SANITIZE "" CACHE STRING "Comma-separated sanitizers to build with")
if(VMECLONE_SANITIZE)
  target_compile_options(vmeclone_options INTERFACE
    -fsanitize=${VMECLONE_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(vmeclone_options INTERFACE -fsanitize=${VMECLONE_SANITIZE})
endif()
option(VMECLONE_FUZZ "Build the libFuzzer targets of tests/fuzz (clang)" OFF)
# CTest entries that build clang sub-builds with the sanitizers and run them (tests/sanitize).
option(VMECLONE_SANITIZER_CHECKS "Run the sanitizer and fuzz sub-builds as CTest tests" ON)
