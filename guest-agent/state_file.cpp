#include "state_file.h"

#include "protocol/identity_document.h"

namespace vmeclone::agent {

StateFile StateFile::load(const RootFs &fs, std::string &warning) {
    StateFile state;
    if (!fs.exists(kPath))
        return state;
    std::string text;
    if (!fs.readFile(kPath, text, warning))
        return state;
    const protocol::KeyValueText doc = protocol::KeyValueText::parse(text);
    state.m_instance = doc.value("instance");
    state.m_applied = doc.value("applied");
    const std::string boots = doc.value("boots");
    if (!boots.empty() && boots.size() <= 9
        && boots.find_first_not_of("0123456789") == std::string::npos)
        state.m_boots = static_cast<std::uint32_t>(std::stoul(boots));
    else if (!boots.empty())
        warning = std::string(kPath) + ": boots \"" + boots + "\" is not a number; counting from 0";
    return state;
}

void StateFile::countStart(const std::string &instance) {
    if (instance != m_instance) {
        m_instance = instance;
        m_boots = 0;
    }
    ++m_boots;
}

std::string StateFile::toText() const {
    protocol::KeyValueText doc;
    doc.set("instance", m_instance);
    doc.set("boots", std::to_string(m_boots));
    doc.set("applied", m_applied);
    return doc.toText();
}

bool StateFile::save(const RootFs &fs, std::string &error) const {
    return fs.writeFileAtomic(kPath, toText(), error);
}

} // namespace vmeclone::agent
