// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exportrequest.h"

#include <QDate>
#include <QDialog>
#include <QSet>
#include <QStringList>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace Lectern {

/// File ▸ Export…: what to export (the shown day, a range of days, a month's overview or the papers the
/// window's filter shows; the digest, only starred or only tagged papers), the format, the PDF page size
/// and the file. The file name follows the choices until the user edits it; its extension always
/// follows the format, and typing another known extension picks that format. Export checks what can be
/// checked at once (a folder that cannot be written, an empty choice) and says so in the dialog; the
/// export itself runs in the background (ExportController).
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Scope { Day, Range, Month, Shown };
    /// DigestTab: the Digest tab's own filter (offered when it is not the plain digest).
    enum class Selection { Digest, Starred, Tag, DigestTab };

    struct Context
    {
        QDate day; ///< the shown day
        QStringList tags; ///< the store's tags
        QSet<QString> shownIds; ///< the papers the window's filter shows
        QDate shownFrom; ///< the days they are listed on
        QDate shownTo;
        QString pageSize; ///< digest/pageSize setting: "A4" or "Letter"
        ExportOptions options; ///< author and page size from the settings
        QString directory; ///< where the suggested file goes
        DigestFilter digestFilter; ///< the Digest tab's filter: starred / tag preselect the selection
    };

    explicit ExportDialog(Context context, QWidget *parent = nullptr);

    void setScope(Scope scope);
    [[nodiscard]] Scope scope() const;
    void setSelection(Selection selection);
    [[nodiscard]] Selection selection() const;
    void setFormat(ExportFormat format);
    [[nodiscard]] ExportFormat format() const;
    [[nodiscard]] QString path() const;
    /// What the choices ask for (without checking them).
    [[nodiscard]] ExportRequest request() const;

    [[nodiscard]] QDateEdit *fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit *toEdit() const { return m_to; }
    [[nodiscard]] QDateEdit *monthEdit() const { return m_month; }
    [[nodiscard]] QComboBox *tagCombo() const { return m_tag; }
    [[nodiscard]] QComboBox *formatCombo() const { return m_format; }
    [[nodiscard]] QComboBox *pageSizeCombo() const { return m_pageSize; }
    [[nodiscard]] QLineEdit *pathEdit() const { return m_path; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    /// The problem that kept Export from starting; hidden when there is none.
    [[nodiscard]] QLabel *errorLabel() const { return m_error; }

Q_SIGNALS:
    /// Export was pressed and the choices hold up; the dialog closes.
    void exportRequested(const Lectern::ExportRequest &request, const QString &path);

private:
    void tryExport();
    void browse();
    void updateEnabled();
    void suggestName();
    void pathEdited(const QString &text);
    [[nodiscard]] QString problem() const;

    Context m_context;
    QButtonGroup *m_scopes;
    QButtonGroup *m_selections;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QDateEdit *m_month;
    QComboBox *m_tag;
    QComboBox *m_format;
    QComboBox *m_pageSize;
    QLineEdit *m_path;
    QPushButton *m_export;
    QLabel *m_error;
    bool m_nameEdited = false; ///< the user typed a name: only its extension follows the format
    bool m_overwriteConfirmed = false; ///< Browse… asked already
};

} // namespace Lectern
