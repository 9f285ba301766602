// LogPane: lines logged from any thread through spdlog reach the pane on its timer,
// in order, and the level filter hides and shows them again.

#include "log_pane.h"

#include <QThread>
#include <QtTest>

#include <spdlog/spdlog.h>

using namespace Qt::StringLiterals;
using namespace vmeclone;

class TestLogPane : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void linesFromAnotherThreadArriveInOrder() {
        LogPane pane;
        auto logger = std::make_shared<spdlog::logger>("test-order", pane.sink());
        logger->set_level(spdlog::level::trace);
        std::unique_ptr<QThread> producer(QThread::create([&] {
            for (int i = 0; i < 500; ++i)
                logger->info("line {}", i);
        }));
        producer->start();
        QVERIFY(producer->wait(10000));
        QTRY_VERIFY(pane.text().contains(u"line 499"_s));
        const QStringList lines = pane.text().split(u'\n');
        QCOMPARE(lines.size(), 500);
        for (int i = 0; i < 500; ++i)
            QVERIFY2(lines[i].endsWith(u"line %1"_s.arg(i)), qPrintable(lines[i]));
    }

    // An event core wrote, said again in English on the "echo" logger, is not shown: the
    // pane shows the event itself (the "events" logger, in the console's language).
    void echoesOfEventsAreNotShown() {
        LogPane pane;
        auto echo = std::make_shared<spdlog::logger>("echo", pane.sink());
        auto events = std::make_shared<spdlog::logger>("events", pane.sink());
        echo->warn("vm177: online");
        events->warn("vm177: 在线");
        pane.drain();
        QVERIFY2(pane.text().endsWith(u"[events] vm177: 在线"_s), qPrintable(pane.text()));
        QCOMPARE(pane.text().split(u'\n', Qt::SkipEmptyParts).size(), 1);
    }

    void levelFilter_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("debug") << int(spdlog::level::debug)
                               << QStringList{u"d1"_s, u"i1"_s, u"w1"_s, u"e1"_s};
        QTest::newRow("info") << int(spdlog::level::info) << QStringList{u"i1"_s, u"w1"_s, u"e1"_s};
        QTest::newRow("warning") << int(spdlog::level::warn) << QStringList{u"w1"_s, u"e1"_s};
        QTest::newRow("error") << int(spdlog::level::err) << QStringList{u"e1"_s};
    }

    void levelFilter() {
        QFETCH(int, level);
        QFETCH(QStringList, shown);
        LogPane pane;
        auto logger = std::make_shared<spdlog::logger>("test-filter", pane.sink());
        logger->set_level(spdlog::level::trace);
        logger->debug("d1");
        logger->info("i1");
        logger->warn("w1");
        logger->error("e1");
        pane.drain();
        // Filtering after the fact re-renders what was kept; lowering it shows them again.
        pane.setMinimumLevel(level);
        QStringList seen;
        for (const auto &line : pane.text().split(u'\n', Qt::SkipEmptyParts))
            seen << line.section(u' ', -1);
        QCOMPARE(seen, shown);
        pane.setMinimumLevel(spdlog::level::debug);
        QCOMPARE(pane.text().split(u'\n', Qt::SkipEmptyParts).size(), 4);
    }
};

QTEST_MAIN(TestLogPane)
#include "tst_log_pane.moc"
