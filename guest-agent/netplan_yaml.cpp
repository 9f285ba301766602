#include "netplan_yaml.h"

#include <yaml.h>

namespace vmeclone::agent::NetplanYaml {

namespace {

// Deeper than any netplan file; bounds the walk of an alias that refers to its own anchor
// (libyaml's loader registers an anchor before the node's children, so `&a [*a]` loops).
constexpr int kMaxDepth = 64;

std::string scalarOf(const yaml_node_t *node) {
    if (!node || node->type != YAML_SCALAR_NODE)
        return {};
    return std::string(reinterpret_cast<const char *>(node->data.scalar.value),
                       node->data.scalar.length);
}

void walkNode(yaml_document_t &document, const yaml_node_t *node, Path &path, const Visit &visit,
              int depth) {
    if (!node || depth > kMaxDepth)
        return;
    if (node->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
             pair < node->data.mapping.pairs.top; ++pair) {
            const yaml_node_t *key = yaml_document_get_node(&document, pair->key);
            const yaml_node_t *value = yaml_document_get_node(&document, pair->value);
            if (!key || key->type != YAML_SCALAR_NODE)
                continue; // netplan refuses such a file; nothing of it is on a path looked for
            path.push_back(scalarOf(key));
            visit(path, scalarOf(value));
            walkNode(document, value, path, visit, depth + 1);
            path.pop_back();
        }
    } else if (node->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *item = node->data.sequence.items.start;
             item < node->data.sequence.items.top; ++item) {
            path.emplace_back("[]");
            walkNode(document, yaml_document_get_node(&document, *item), path, visit, depth + 1);
            path.pop_back();
        }
    }
}

} // namespace

bool walk(const std::string &yaml, const Visit &visit, std::string &error) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        error = "out of memory";
        return false;
    }
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(yaml.data()),
                                 yaml.size());
    yaml_document_t document;
    const bool loaded = yaml_parser_load(&parser, &document) != 0;
    if (!loaded) {
        error = "line " + std::to_string(parser.problem_mark.line + 1) + " column "
                + std::to_string(parser.problem_mark.column + 1) + ": "
                + (parser.problem ? parser.problem : "not YAML");
        if (parser.context)
            error += std::string(" (") + parser.context + ")";
        yaml_parser_delete(&parser);
        return false;
    }
    Path path;
    walkNode(document, yaml_document_get_root_node(&document), path, visit, 0);
    yaml_document_delete(&document);
    yaml_parser_delete(&parser);
    return true;
}

} // namespace vmeclone::agent::NetplanYaml
