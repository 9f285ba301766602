#include "ansible_inventory.h"

#include "inventory_report.h"
#include "report_text.h"

#include <QMap>

#include <yaml.h>

using namespace Qt::StringLiterals;

namespace vmeclone {

namespace {

// libyaml's emitter writing into a QByteArray. Every emit() hands its event to the
// emitter (which frees it, also on failure); after the first failure nothing more is
// emitted and error() says why.
class Emitter {
public:
    Emitter() {
        m_ok = yaml_emitter_initialize(&m_emitter) != 0;
        if (!m_ok)
            return;
        yaml_emitter_set_output(&m_emitter, &Emitter::append, &m_out);
        yaml_emitter_set_encoding(&m_emitter, YAML_UTF8_ENCODING);
        yaml_emitter_set_unicode(&m_emitter, 1); // names in any script stay readable
        yaml_emitter_set_indent(&m_emitter, 2);
        yaml_emitter_set_width(&m_emitter, -1); // no folding: one line per entry
    }
    ~Emitter() { yaml_emitter_delete(&m_emitter); }
    Emitter(const Emitter &) = delete;
    Emitter &operator=(const Emitter &) = delete;

    void streamStart() {
        yaml_event_t e;
        emit(yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING), e);
    }
    void streamEnd() {
        yaml_event_t e;
        emit(yaml_stream_end_event_initialize(&e), e);
    }
    void documentStart() {
        yaml_event_t e;
        emit(yaml_document_start_event_initialize(&e, nullptr, nullptr, nullptr, 0), e);
    }
    void documentEnd() {
        yaml_event_t e;
        emit(yaml_document_end_event_initialize(&e, 1), e);
    }
    void mappingStart() {
        yaml_event_t e;
        emit(yaml_mapping_start_event_initialize(&e, nullptr, nullptr, 1, YAML_BLOCK_MAPPING_STYLE),
             e);
    }
    void mappingEnd() {
        yaml_event_t e;
        emit(yaml_mapping_end_event_initialize(&e), e);
    }
    // A key or group name of our own: plain where YAML allows (the emitter quotes it
    // otherwise).
    void plain(const QString &text) { scalar(text, YAML_PLAIN_SCALAR_STYLE, true); }
    // Data: never plain (plain_implicit off), so it is always read back as a string.
    void quoted(const QString &text) { scalar(text, YAML_SINGLE_QUOTED_SCALAR_STYLE, false); }
    // An empty plain value: YAML's null (a group member with no variables of its own).
    void null() { scalar({}, YAML_PLAIN_SCALAR_STYLE, true); }

    bool ok() const { return m_ok; }
    QString error() const {
        return m_emitter.problem ? QString::fromUtf8(m_emitter.problem)
                                 : u"the YAML emitter failed"_s;
    }
    QByteArray bytes() const { return m_out; }

private:
    static int append(void *data, unsigned char *buffer, size_t size) {
        static_cast<QByteArray *>(data)->append(reinterpret_cast<const char *>(buffer),
                                                static_cast<qsizetype>(size));
        return 1;
    }

    void scalar(const QString &text, yaml_scalar_style_t style, bool plainImplicit) {
        QByteArray utf8 = text.toUtf8();
        yaml_event_t e;
        emit(yaml_scalar_event_initialize(
                 &e, nullptr, nullptr, reinterpret_cast<yaml_char_t *>(utf8.data()),
                 static_cast<int>(utf8.size()), plainImplicit ? 1 : 0, 1, style),
             e);
    }

    void emit(int initialized, yaml_event_t &e) {
        if (!m_ok) {
            if (initialized)
                yaml_event_delete(&e);
            return;
        }
        m_ok = initialized != 0 && yaml_emitter_emit(&m_emitter, &e) != 0;
    }

    yaml_emitter_t m_emitter;
    QByteArray m_out;
    bool m_ok = false;
};

} // namespace

AnsibleInventory::AnsibleInventory(QList<Vm> vms)
    : m_vms(std::move(vms)) {}

AnsibleInventory AnsibleInventory::fromReport(const InventoryReport &report) {
    QList<Vm> vms;
    vms.reserve(report.vms().size());
    for (const VmRecord &vm : report.vms()) {
        Vm row;
        row.name = vm.name;
        row.ip = vm.address.toString();
        row.mac = vm.mac.toString();
        row.golden = report.goldenOf(vm).name;
        row.state = vmStateName(vm.state);
        vms.append(row);
    }
    return AnsibleInventory(std::move(vms));
}

QString AnsibleInventory::groupName(QStringView prefix, QStringView name) {
    QString group = prefix.toString() + u'_';
    // By code point, so a character outside the BMP becomes one '_', not two.
    for (const char32_t c : name.toUcs4()) {
        const bool keep = (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')
                          || (c >= U'0' && c <= U'9') || c == U'_';
        group += keep ? QChar(static_cast<char16_t>(c)) : QChar(u'_');
    }
    return group;
}

Expected<QByteArray> AnsibleInventory::toYaml() const {
    // Group name -> members, in VM order; groups sorted by name within each kind.
    QMap<QString, QStringList> hosts, goldens, states;
    for (const Vm &vm : m_vms) {
        hosts[groupName(u"host", vm.host)].append(vm.name);
        if (!vm.golden.isEmpty())
            goldens[groupName(u"golden", vm.golden)].append(vm.name);
        states[groupName(u"state", vm.state)].append(vm.name);
    }

    Emitter y;
    y.streamStart();
    y.documentStart();
    y.mappingStart();
    y.plain(u"all"_s);
    y.mappingStart();

    // The variables, once per VM.
    y.plain(u"hosts"_s);
    y.mappingStart();
    for (const Vm &vm : m_vms) {
        y.quoted(vm.name);
        y.mappingStart();
        y.plain(u"ansible_host"_s); // where ansible connects: the VM's address
        y.quoted(vm.ip);
        y.plain(u"ip"_s);
        y.quoted(vm.ip);
        y.plain(u"mac"_s);
        y.quoted(vm.mac);
        y.plain(u"name"_s);
        y.quoted(vm.name);
        y.plain(u"vmeclone_host"_s);
        y.quoted(vm.host);
        y.mappingEnd();
    }
    y.mappingEnd();

    // The groups, naming their members only.
    y.plain(u"children"_s);
    y.mappingStart();
    for (const auto *groups : {&hosts, &goldens, &states}) {
        for (auto g = groups->cbegin(); g != groups->cend(); ++g) {
            y.plain(g.key());
            y.mappingStart();
            y.plain(u"hosts"_s);
            y.mappingStart();
            for (const QString &name : g.value()) {
                y.quoted(name);
                y.null();
            }
            y.mappingEnd();
            y.mappingEnd();
        }
    }
    y.mappingEnd();

    y.mappingEnd(); // all
    y.mappingEnd();
    y.documentEnd();
    y.streamEnd();
    if (!y.ok())
        return fail(u"cannot write the Ansible inventory: "_s + y.error());
    return y.bytes();
}

Status AnsibleInventory::write(const QString &path) const {
    auto yaml = toYaml();
    if (!yaml)
        return fail(report::cannotWrite(path, yaml.error()));
    return report::saveBytes(path, *yaml);
}

} // namespace vmeclone
