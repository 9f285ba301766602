// Compiled only to make the tests' shared precompiled header (tests/CMakeLists.txt,
// vmeclone_test_pch): a target needs a source for CMake to build its header.
