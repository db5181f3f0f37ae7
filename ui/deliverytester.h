// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Lectern {

class JobRunner;
struct DeliveryRequest;

/// "Send test" for the digest's delivery: runs a DeliveryJob marked as a test (the latest day, sent even
/// when delivered before, not recorded) on a worker thread and shows what each channel did beside the
/// button, which stays disabled meanwhile. The window never waits on it.
class DeliveryTester final : public QWidget
{
    Q_OBJECT
public:
    explicit DeliveryTester(QWidget *parent = nullptr);

    [[nodiscard]] QPushButton *button() const { return m_button; }
    [[nodiscard]] QLabel *resultLabel() const { return m_result; }
    [[nodiscard]] bool isRunning() const;

    void start(DeliveryRequest request);
    void showProblem(const QString &message);

Q_SIGNALS:
    /// The button was clicked: the owner gathers the settings as edited and calls start().
    void testRequested();
    void finished(bool ok, const QString &message);

private:
    QPushButton *m_button;
    QLabel *m_result;
    JobRunner *m_runner;
};

} // namespace Lectern
