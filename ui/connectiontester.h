// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scoring/llmconfig.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace Lectern {

class JobRunner;

/// "Test connection" for the LLM scorer: runs the core connection test on a worker thread and shows
/// the outcome (with the model and the time taken) beside the button, which stays disabled meanwhile.
class ConnectionTester final : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionTester(QWidget *parent = nullptr);

    [[nodiscard]] QPushButton *button() const { return m_button; }
    [[nodiscard]] QLabel *resultLabel() const { return m_result; }
    [[nodiscard]] bool isRunning() const;

    void start(const LlmConfig &config);
    /// Shows why no test could start (no key, the built-in scorer…).
    void showProblem(const QString &message);

Q_SIGNALS:
    /// The button was clicked: the owner gathers the configuration and calls start().
    void testRequested();
    void finished(bool ok, const QString &message);

private:
    QPushButton *m_button;
    QLabel *m_result;
    JobRunner *m_runner;
};

} // namespace Lectern
