// KeyValueText: the identity document and agent config format, and the kernel
// command line form of the identity.

#include "protocol/identity_document.h"

#include <QByteArray>
#include <QStringList>
#include <QTest>

using namespace vmeclone::protocol;

namespace {

std::string_view view(const QByteArray &b) {
    return std::string_view(b.constData(), std::size_t(b.size()));
}

QByteArray text(const KeyValueText &kv) {
    return QByteArray::fromStdString(kv.toText());
}

} // namespace

class TestKeyValueText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errorsNameTheLine_data();
    void errorsNameTheLine();
    void lastRepeatedKeyWins();
    void getValueAndFallback();
    void setKeepsOrder();
    void toTextRoundTrips();
    void kernelCommandLine_data();
    void kernelCommandLine();
};

void TestKeyValueText::parse_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("normalised");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("one pair") << QByteArray("ip=192.168.1.177") << QByteArray("ip=192.168.1.177\n");
    QTest::newRow("comments and blanks")
        << QByteArray("# identity\n\nversion=1\n   # indented comment\nhostname=vm177\n")
        << QByteArray("version=1\nhostname=vm177\n");
    QTest::newRow("spaces around key and value")
        << QByteArray("  ip =  192.168.1.177  \n\tprefix\t=\t24\n")
        << QByteArray("ip=192.168.1.177\nprefix=24\n");
    QTest::newRow("CRLF") << QByteArray("ip=1.2.3.4\r\nprefix=24\r\n")
                          << QByteArray("ip=1.2.3.4\nprefix=24\n");
    QTest::newRow("empty value") << QByteArray("gateway=\n") << QByteArray("gateway=\n");
    QTest::newRow("'=' and '#' inside the value")
        << QByteArray("detail=a=b # not a comment\n") << QByteArray("detail=a=b # not a comment\n");
    QTest::newRow("unknown keys kept")
        << QByteArray("future_key=x\nip=1.2.3.4\n") << QByteArray("future_key=x\nip=1.2.3.4\n");
}

void TestKeyValueText::parse() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, normalised);
    std::vector<std::string> errors;
    const KeyValueText kv = KeyValueText::parse(view(input), &errors);
    QVERIFY(errors.empty());
    QCOMPARE(text(kv), normalised);
    QCOMPARE(kv.empty(), normalised.isEmpty());
}

void TestKeyValueText::errorsNameTheLine_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QByteArray>("kept");
    QTest::newRow("no '='") << QByteArray("ip=1.2.3.4\njunk line\nprefix=24\n")
                            << QStringList{QStringLiteral("line 2: no '=' in \"junk line\"")}
                            << QByteArray("ip=1.2.3.4\nprefix=24\n");
    QTest::newRow("empty key") << QByteArray("# c\n\n = 5\nhostname=a\n")
                               << QStringList{QStringLiteral("line 3: empty key in \"= 5\"")}
                               << QByteArray("hostname=a\n");
    QTest::newRow("two errors") << QByteArray("a\n=b\n")
                                << QStringList{QStringLiteral("line 1: no '=' in \"a\""),
                                               QStringLiteral("line 2: empty key in \"=b\"")}
                                << QByteArray();
}

void TestKeyValueText::errorsNameTheLine() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, errors);
    QFETCH(QByteArray, kept);
    std::vector<std::string> got;
    const KeyValueText kv = KeyValueText::parse(view(input), &got);
    QStringList gotList;
    for (const auto &e : got)
        gotList << QString::fromStdString(e);
    QCOMPARE(gotList, errors);
    QCOMPARE(text(kv), kept);
    // Without an error list it still parses the same.
    QCOMPARE(text(KeyValueText::parse(view(input))), kept);
}

void TestKeyValueText::lastRepeatedKeyWins() {
    const KeyValueText kv = KeyValueText::parse("ip=1.1.1.1\nprefix=24\nip=2.2.2.2\n");
    QCOMPARE(QByteArray::fromStdString(kv.value("ip")), QByteArray("2.2.2.2"));
    QCOMPARE(text(kv), QByteArray("ip=2.2.2.2\nprefix=24\n"));
}

void TestKeyValueText::getValueAndFallback() {
    const KeyValueText kv = KeyValueText::parse("gateway=\nport=9176\n");
    QVERIFY(kv.contains("gateway"));
    QCOMPARE(kv.get("gateway"), std::optional<std::string>(std::string()));
    QCOMPARE(kv.get("console"), std::optional<std::string>());
    QVERIFY(!kv.contains("console"));
    QCOMPARE(QByteArray::fromStdString(kv.value("port", "1")), QByteArray("9176"));
    QCOMPARE(QByteArray::fromStdString(kv.value("heartbeat", "5")), QByteArray("5"));
    QCOMPARE(QByteArray::fromStdString(kv.value("heartbeat")), QByteArray());
    QVERIFY(!kv.contains("Port")); // keys are case-sensitive
}

void TestKeyValueText::setKeepsOrder() {
    KeyValueText kv;
    QVERIFY(kv.empty());
    kv.set("instance", "a");
    kv.set("boots", "1");
    kv.set("instance", "b");
    kv.set("applied", "b");
    QCOMPARE(text(kv), QByteArray("instance=b\nboots=1\napplied=b\n"));
}

void TestKeyValueText::toTextRoundTrips() {
    KeyValueText kv;
    kv.set("version", "1");
    kv.set("dns", "192.0.2.53,198.51.100.53");
    kv.set("hostname", "vm177");
    const KeyValueText back = KeyValueText::parse(kv.toText());
    QCOMPARE(text(back), text(kv));
}

void TestKeyValueText::kernelCommandLine_data() {
    QTest::addColumn<QByteArray>("cmdline");
    QTest::addColumn<QByteArray>("normalised");
    QTest::newRow("typical") << QByteArray(
        "BOOT_IMAGE=/vmlinuz root=/dev/vda rw console=ttyS0 vmeclone.ip=192.168.1.177 "
        "vmeclone.prefix=24 vmeclone.hostname=vm177 quiet\n")
                             << QByteArray("ip=192.168.1.177\nprefix=24\nhostname=vm177\n");
    QTest::newRow("none") << QByteArray("root=/dev/sda1 ro") << QByteArray();
    QTest::newRow("quoted value") << QByteArray("vmeclone.detail=\"two words\" x=y")
                                  << QByteArray("detail=two words\n");
    QTest::newRow("tabs and repeated spaces")
        << QByteArray("  vmeclone.ip=1.2.3.4\t\tvmeclone.prefix=8  ")
        << QByteArray("ip=1.2.3.4\nprefix=8\n");
    QTest::newRow("no '=' or empty key ignored")
        << QByteArray("vmeclone.debug vmeclone.=x vmeclone.ip=1.2.3.4")
        << QByteArray("ip=1.2.3.4\n");
    QTest::newRow("prefix must be whole")
        << QByteArray("xvmeclone.ip=1.2.3.4 vmeclone_ip=5") << QByteArray();
    QTest::newRow("last wins") << QByteArray("vmeclone.ip=1.1.1.1 vmeclone.ip=2.2.2.2")
                               << QByteArray("ip=2.2.2.2\n");
}

void TestKeyValueText::kernelCommandLine() {
    QFETCH(QByteArray, cmdline);
    QFETCH(QByteArray, normalised);
    QCOMPARE(text(KeyValueText::parseKernelCommandLine(view(cmdline))), normalised);
}

QTEST_APPLESS_MAIN(TestKeyValueText)
#include "tst_key_value_text.moc"
