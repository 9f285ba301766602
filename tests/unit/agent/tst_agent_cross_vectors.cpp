// One side produces, the other checks: the agent binary (musl, C++17, -fno-rtti) prints
// a signed datagram for fixed inputs, and core's decoder must read and verify it, and
// core's encoder must produce the same bytes. tests/unit/protocol/tst_announcement pins
// the same hex.

#include "agent_process.h"
#include "protocol/announcement.h"

#include <QTest>

using namespace vmeclone::protocol;
using namespace vmeclone::test;
using namespace Qt::StringLiterals;

namespace {

// Also in tst_announcement.cpp (kVectorHex), computed independently with python.
constexpr char kPinnedHex[] =
    "564d454301010405c0a801b10050562801b10b00000102030405060708090a0b0c0d0e0f0000000000"
    "0000070000002a00000002766d3137377465737420766563746f727ff7025a10d44f2df561a5ecc63c"
    "d5579d28f533d0ea6a76f02d533def3fa1ac";

Digest vectorKey() {
    std::uint8_t secret[32];
    for (std::size_t i = 0; i < sizeof secret; ++i)
        secret[i] = std::uint8_t(i);
    return vmKey(secret, sizeof secret, *parseIpv4("192.168.1.177"));
}

} // namespace

class TestAgentCrossVectors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agentDatagramDecodesAndVerifies();
    void coreEncodesTheSameBytes();
    void agentDatagramIsThePinnedVector();

private:
    QByteArray m_agentHex;
};

void TestAgentCrossVectors::initTestCase() {
    const AgentRun run = AgentProcess::run({u"--emit-test-vector"_s});
    QVERIFY2(run.finished && run.exitCode == 0, run.standardError.constData());
    m_agentHex = run.standardOutput.trimmed();
    QVERIFY(!m_agentHex.isEmpty());
}

void TestAgentCrossVectors::agentDatagramDecodesAndVerifies() {
    const QByteArray wire = QByteArray::fromHex(m_agentHex);
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(wire.constData());
    const Decoded d = decode(bytes, std::size_t(wire.size()));
    QCOMPARE(decodeErrorName(d.error), "none");
    QVERIFY(d.isSigned);
    QVERIFY(verify(bytes, d, vectorKey()));

    const Announcement &a = d.announcement;
    QCOMPARE(int(a.state), int(AgentState::Online));
    QCOMPARE(QByteArray::fromStdString(formatIpv4(a.ip)), QByteArray("192.168.1.177"));
    QCOMPARE(QByteArray::fromStdString(formatMac(a.mac)), QByteArray("00:50:56:28:01:b1"));
    QCOMPARE(QByteArray::fromStdString(a.hostname), QByteArray("vm177"));
    for (std::size_t i = 0; i < a.bootId.size(); ++i)
        QCOMPARE(a.bootId[i], std::uint8_t(i));
    QCOMPARE(a.sequence, std::uint64_t(7));
    QCOMPARE(a.uptimeSeconds, 42u);
    QCOMPARE(a.boots, 2u);
    QCOMPARE(QByteArray::fromStdString(a.detail), QByteArray("test vector"));

    Digest wrong = vectorKey();
    wrong[0] ^= 1;
    QVERIFY(!verify(bytes, d, wrong));
}

void TestAgentCrossVectors::coreEncodesTheSameBytes() {
    Announcement a;
    a.state = AgentState::Online;
    a.ip = *parseIpv4("192.168.1.177");
    a.mac = macForIpv4(a.ip);
    a.hostname = "vm177";
    for (std::size_t i = 0; i < a.bootId.size(); ++i)
        a.bootId[i] = std::uint8_t(i);
    a.sequence = 7;
    a.uptimeSeconds = 42;
    a.boots = 2;
    a.detail = "test vector";
    const Digest key = vectorKey();
    const std::vector<std::uint8_t> core = encode(a, &key);
    QCOMPARE(QByteArray::fromStdString(toHex(core.data(), core.size())), m_agentHex);
}

void TestAgentCrossVectors::agentDatagramIsThePinnedVector() {
    QCOMPARE(m_agentHex, QByteArray(kPinnedHex));
}

QTEST_GUILESS_MAIN(TestAgentCrossVectors)
#include "tst_agent_cross_vectors.moc"
