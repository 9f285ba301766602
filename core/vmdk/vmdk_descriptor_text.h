#pragma once
// What both halves of VmdkDescriptor (vmdk_descriptor_parse.cpp reads a descriptor,
// vmdk_descriptor.cpp edits and writes it) take as a descriptor's characters. Not for
// anything outside core/vmdk.

#include <QByteArray>

#include <algorithm>

namespace vmeclone::vmdk_text {

inline bool isDescriptorAscii(const QByteArray &bytes) {
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

inline bool isDescriptorSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

} // namespace vmeclone::vmdk_text
