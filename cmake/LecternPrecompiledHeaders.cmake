# SPDX-License-Identifier: GPL-3.0-or-later
# Precompiled headers. Four fifths of a translation unit's compile time here is parsing Qt's headers
# (gcc -ftime-report: "phase parsing" 80 % of test_storechangebatcher.cpp), so each library precompiles the
# Qt and standard headers its sources use most, and the tests share two precompiled headers (REUSE_FROM):
# one for tests without widgets, one for tests of the window. A shared header is valid only where the Qt
# modules, and so their QT_*_LIB macros, are the same as where it was built (QTest reads QT_GUI_LIB and
# QT_WIDGETS_LIB); gcc warns on a mismatch (-Winvalid-pch, an error under LECTERN_WERROR).
# Off: -DLECTERN_PCH=OFF (e.g. to check that every file includes what it uses).
option(LECTERN_PCH "Precompile Qt's and the standard library's headers" ON)

set(LECTERN_PCH_CORE
  <algorithm> <functional> <memory> <optional> <utility> <vector>
  <QByteArray> <QCoreApplication> <QDate> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash> <QJsonArray>
  <QJsonDocument> <QJsonObject> <QList> <QObject> <QPointer> <QRegularExpression> <QSet> <QString>
  <QStringList> <QThread> <QTimer> <QUrl> <QVariant> <QNetworkAccessManager> <QNetworkReply>
  <QSqlDatabase> <QSqlError> <QSqlQuery>)
set(LECTERN_PCH_WIDGETS
  <QAction> <QApplication> <QCheckBox> <QComboBox> <QDialog> <QDialogButtonBox> <QHBoxLayout>
  <QHeaderView> <QLabel> <QLineEdit> <QMenu> <QMessageBox> <QPlainTextEdit> <QPushButton> <QTableView>
  <QTextDocument> <QToolButton> <QVBoxLayout> <QWidget>)
set(LECTERN_PCH_TEST <QTest> <QSignalSpy> <QProcess> <QTemporaryDir>)

# lectern_precompile_headers(target CORE|WIDGETS|TEST|TEST_WIDGETS): the target's own precompiled header.
function(lectern_precompile_headers target kind)
  if(NOT LECTERN_PCH)
    return()
  endif()
  set(headers ${LECTERN_PCH_CORE})
  if(kind MATCHES "WIDGETS")
    list(APPEND headers ${LECTERN_PCH_WIDGETS})
  endif()
  if(kind MATCHES "TEST")
    list(APPEND headers ${LECTERN_PCH_TEST})
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
