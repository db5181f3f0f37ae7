// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Lectern {

class Job;
class JobRunner;

/// A button that runs one Job on a worker thread (the Settings dialog's "Test connection" and "Send
/// test") and shows its outcome beside it, as plain text (a server's message may hold markup); the button
/// stays disabled meanwhile, and the window never waits on it.
class JobButton : public QWidget
{
    Q_OBJECT
public:
    [[nodiscard]] QPushButton *button() const { return m_button; }
    [[nodiscard]] QLabel *resultLabel() const { return m_result; }
    [[nodiscard]] bool isRunning() const;
    /// Shows why nothing could start (no key, no day…).
    void showProblem(const QString &message);

Q_SIGNALS:
    /// The button was clicked: the owner gathers the settings as edited and starts the subclass's job.
    void testRequested();
    void finished(bool ok, const QString &message);

protected:
    JobButton(const QString &text, const QString &name, QWidget *parent);
    /// Runs @p job (taken), showing @p progress until it ends; nothing when one runs already.
    void run(Job *job, const QString &progress);

private:
    void showOutcome(bool ok, const QString &message);

    QPushButton *m_button;
    QLabel *m_result;
    JobRunner *m_runner;
};

} // namespace Lectern
