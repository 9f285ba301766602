#pragma once
// Durability for many small files at once. An fsync waits for the file system's journal;
// one fsync per file after the other waits once per file (a batch of 1,000 linked clones:
// 5,000 waits). Issued side by side, the fsyncs of many files share each journal commit.
// (syncfs(2) would be one call, but it also waits for every other program's dirty data on
// that file system: seconds on a machine that builds while it clones.)

// Every fsync of the engine goes through here (one place per host concern: on Windows
// a file is flushed with FlushFileBuffers and a folder needs nothing; docs/windows.md).

#include "common/expected.h"

#include <QStringList>

class QFile;

namespace vmeclone {

// Makes one file or folder durable; the error names it.
Status syncPath(const QString &path);
// Flushes an open file's buffers and makes it durable.
bool syncOpenFile(QFile &file);

// Makes every file in each of `folders` (not in their subfolders), each folder's own
// entry list and each folder's parent's entry list durable, fsyncing up to `parallel`
// files at once. The first error names the file.
Status syncFolders(const QStringList &folders, int parallel = 64);

} // namespace vmeclone
