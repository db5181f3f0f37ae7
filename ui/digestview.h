// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "digest/digest.h"
#include "digest/digestloader.h"
#include "digestdocumentjob.h"

#include <QDate>
#include <QTextBrowser>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;

namespace Lectern {

class LatestJobLoader;
class PaperStateHub;
class PaperStore;

/// The browser of the digest view. Loads nothing from the network or the disk, ever: only resources
/// compiled into the application (qrc). Markup inside paper text is escaped before it gets here; this
/// is the second wall.
class DigestBrowser final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DigestBrowser(QWidget *parent = nullptr);
    QVariant loadResource(int type, const QUrl &name) override;
};

/// The day's digest as the user reads it (DigestHtml in a DigestBrowser): table of contents that jumps to
/// the papers, "Previous day · Monthly overview · Next day" links, a star and a note link per paper that
/// save to the store, and filters (relevant only, starred only, tag, minimum scores).
class DigestView final : public QWidget
{
    Q_OBJECT
public:
    explicit DigestView(QWidget *parent = nullptr);
    ~DigestView() override;

    /// Where stars and notes are saved and whose changes the page follows; its store is read (not owned;
    /// the GUI thread's own). nullptr shows nothing.
    void setHub(PaperStateHub *hub);
    void setSettings(const DigestSettings &settings);

    /// Loads @p day from the store and shows it (when visible at once, else when next shown). The page
    /// is read and built on a worker: rendered() says when it is on screen.
    void showDay(const QDate &day);
    /// Shows the monthly overview of the month of @p day.
    void showMonth(int year, int month);

    [[nodiscard]] QDate day() const { return m_day; }
    [[nodiscard]] bool showingMonth() const { return m_month.isValid(); }
    [[nodiscard]] DigestFilter filter() const { return m_filter; }
    void setFilter(const DigestFilter &filter);
    /// The digest on screen, filters applied.
    [[nodiscard]] const Digest &digest() const { return m_digest; }
    /// Whether a page asked for is still being read and built (the one on screen is older).
    [[nodiscard]] bool isRendering() const { return m_rendering; }
    /// The last error reading or saving, empty when all went well.
    [[nodiscard]] QString lastError() const { return m_error; }

    [[nodiscard]] DigestBrowser *browser() const { return m_browser; }
    [[nodiscard]] QPlainTextEdit *noteEditor() const { return m_noteEdit; }
    [[nodiscard]] QPushButton *saveNoteButton() const { return m_saveNote; }
    /// The paper whose note is open in the editor; empty when the editor is closed.
    [[nodiscard]] QString notePaper() const { return m_notePaper; }

public Q_SLOTS:
    /// What a click on a link does: "#anchor" scrolls, lectern:star / lectern:note edit, lectern:day /
    /// lectern:month navigate, http(s) opens the system browser; anything else is ignored.
    void openLink(const QUrl &url);
    /// Re-reads the day (or month) from the store and renders it, keeping the scroll position.
    void refresh();
    /// Stars or unstars @p arxivId in the store; false (and lastError()) when that failed.
    bool setStarred(const QString &arxivId, bool starred);
    /// Opens the note editor on @p arxivId's note (asking first when another note has unsaved edits).
    void editNote(const QString &arxivId);
    /// Saves the editor's text as the note of notePaper().
    bool saveNote();
    /// Closes the note panel; unsaved edits are saved first (the panel stays open if that fails).
    bool closeNote();
    /// Whether the note panel holds text that differs from the stored note.
    [[nodiscard]] bool noteModified() const;

Q_SIGNALS:
    /// The user went to another day through the view's own links.
    void dayShown(const QDate &day);
    /// Something to say in the status bar (a link no browser could open).
    void message(const QString &text);
    /// The page asked for last (or the reason it could not be read) is on screen.
    void rendered();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load();
    void render(bool keepScroll);
    void showRendered(const RenderedDigestPage &page);
    void showMessage(const QString &html);
    void readFilterWidgets();
    void setError(const QString &message);
    void stateChanged(const PaperState &state);

    PaperStateHub *m_hub = nullptr;
    PaperStore *m_store = nullptr;
    QString m_storePath; ///< where the worker opens its own connection to m_store's database
    LatestJobLoader *m_renderer;
    DigestSettings m_settings;
    DigestFilter m_filter;
    QDate m_day;
    QDate m_month; ///< first day of the month shown; invalid when a day is shown
    Digest m_digest;
    QString m_error;
    QString m_notePaper;
    QString m_noteStored; ///< the note of m_notePaper as stored, to tell edits from it
    int m_noteVersion = 0; ///< the shared note's version the edit started from (a newer one: merge first)
    bool m_dirty = false;
    bool m_rendering = false;
    bool m_keepScroll = false; ///< the page asked for keeps the scroll position (a refresh of the same page)

    DigestBrowser *m_browser;
    QSplitter *m_splitter;
    QCheckBox *m_relevantOnly;
    QCheckBox *m_starredOnly;
    QLineEdit *m_tag;
    QSpinBox *m_minRelevance;
    QSpinBox *m_minNovelty;
    QWidget *m_notePanel;
    QLabel *m_noteTitle;
    QPlainTextEdit *m_noteEdit;
    QPushButton *m_saveNote;
};

} // namespace Lectern
