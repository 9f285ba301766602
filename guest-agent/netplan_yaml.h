#pragma once
// A netplan file read as netplan reads it: libyaml's document loader (netplan's own parser,
// third_party/libyaml), the first document only, aliases resolved. The agent needs only the
// keys and scalar values along each path; no YAML is interpreted beyond that.

#include <functional>
#include <string>
#include <vector>

namespace vmeclone::agent::NetplanYaml {

// The mapping keys from the root down to a node; a sequence item's step is "[]".
using Path = std::vector<std::string>;
// Called for every mapping key: its path and its scalar value (empty for a mapping or a
// sequence, which are then walked in turn).
using Visit = std::function<void(const Path &, const std::string &)>;

// Walks `yaml`. False with `error` ("line L column C: PROBLEM") when libyaml refuses it,
// as netplan then does; nothing is visited then. An empty file is an empty walk.
bool walk(const std::string &yaml, const Visit &visit, std::string &error);

} // namespace vmeclone::agent::NetplanYaml
