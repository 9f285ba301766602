#include "validation.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace vmeclone {

// Switches without a default: a new enumerator the compiler sees unnamed is a warning.
QString fieldName(Field field) {
    switch (field) {
    case Field::None:
        return {};
    case Field::GoldenPath:
        return u"golden-path"_s;
    case Field::GoldenName:
        return u"name"_s;
    case Field::NamePrefix:
        return u"name-prefix"_s;
    case Field::Subnet:
        return u"subnet"_s;
    case Field::Suffix:
        return u"suffix"_s;
    case Field::Gateway:
        return u"gateway"_s;
    case Field::ConsoleAddress:
        return u"console-address"_s;
    case Field::Dns:
        return u"dns"_s;
    case Field::Golden:
        return u"golden"_s;
    case Field::Range:
        return u"range"_s;
    case Field::CloneMode:
        return u"mode"_s;
    case Field::Home:
        return u"home"_s;
    case Field::TempDir:
        return u"temp-dir"_s;
    case Field::Vmrun:
        return u"vmrun"_s;
    case Field::RemoteCommand:
        return u"remote-command"_s;
    case Field::Hosts:
        return u"hosts"_s;
    case Field::Network:
        return u"network"_s;
    case Field::Nics:
        return u"nics"_s;
    case Field::VmwareClone:
        return u"vmware-clone"_s;
    }
    return {};
}

QString problemName(Problem problem) {
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Missing:
        return u"missing"_s;
    case Problem::NotFound:
        return u"not-found"_s;
    case Problem::UnknownFormat:
        return u"unknown-format"_s;
    case Problem::Unreadable:
        return u"unreadable"_s;
    case Problem::ControlCharacters:
        return u"control-characters"_s;
    case Problem::TooLong:
        return u"too-long"_s;
    case Problem::NotAFolderName:
        return u"not-a-folder-name"_s;
    case Problem::NotANumber:
        return u"not-a-number"_s;
    case Problem::NotASubnet:
        return u"not-a-subnet"_s;
    case Problem::NotAnAddress:
        return u"not-an-address"_s;
    case Problem::NotAHostAddress:
        return u"not-a-host-address"_s;
    case Problem::GoldenOwnAddress:
        return u"golden-own-address"_s;
    case Problem::Unreachable:
        return u"unreachable"_s;
    case Problem::TooMany:
        return u"too-many"_s;
    case Problem::Taken:
        return u"taken"_s;
    case Problem::InUse:
        return u"in-use"_s;
    case Problem::Ambiguous:
        return u"ambiguous"_s;
    case Problem::Unknown:
        return u"unknown"_s;
    case Problem::InvalidRange:
        return u"invalid-range"_s;
    case Problem::Empty:
        return u"empty"_s;
    case Problem::NoRoom:
        return u"no-room"_s;
    case Problem::NotWritable:
        return u"not-writable"_s;
    }
    return {};
}

bool hasHiddenCharacters(const QString &text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

} // namespace vmeclone
