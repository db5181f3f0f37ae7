// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/bibtexreader.h"

#include <QCoreApplication>

#include <btparse.h>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace Lectern {

namespace {

std::mutex &btparseMutex()
{
    static std::mutex m;
    return m;
}

/// The value without BibTeX's grouping braces ({GPU} -> GPU); a brace escaped with a backslash stays.
QString withoutGroupingBraces(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'\\' && i + 1 < value.size()) {
            out += c;
            out += value.at(++i);
            continue;
        }
        if (c != u'{' && c != u'}')
            out += c;
    }
    return out.simplified();
}

} // namespace

QString BibTeXEntry::field(const QString &name) const
{
    for (const auto &[n, value] : fields) {
        if (n == name)
            return value;
    }
    return {};
}

BibTeXReader::Result BibTeXReader::read(const QByteArray &utf8)
{
    Result out;
    if (utf8.isEmpty())
        return out;
    const std::lock_guard lock(btparseMutex());
    static std::once_flag initialised;
    std::call_once(initialised, [] { bt_initialize(); });
    bt_delete_all_macros(); // another file's @string definitions mean nothing here

    // btparse reads a FILE; the bytes stay ours (fmemopen neither copies nor takes them).
    QByteArray bytes = utf8;
    const auto closer = [](FILE *f) {
        if (f)
            std::fclose(f);
    };
    std::unique_ptr<FILE, decltype(closer)> file(fmemopen(bytes.data(), size_t(bytes.size()), "r"), closer);
    if (!file) {
        out.unreadable << QCoreApplication::translate(
            "Lectern::BibTeXReader", "the whole file (it could not be opened in memory)");
        return out;
    }
    static char name[] = "library";
    boolean ok = 1;
    while (AST *entry = bt_parse_entry(file.get(), name, 0, &ok)) {
        const std::unique_ptr<AST, void (*)(AST *)> owned(entry, bt_free_ast);
        if (bt_entry_metatype(entry) != BTE_REGULAR)
            continue; // @string (remembered by btparse), @comment, @preamble
        const char *key = bt_entry_key(entry);
        if (!ok) {
            out.unreadable << (key ? QCoreApplication::translate("Lectern::BibTeXReader",
                                         "BibTeX entry %1 could not be read (its syntax error is "
                                         "above); left out")
                                         .arg(QString::fromUtf8(key))
                                   : QCoreApplication::translate("Lectern::BibTeXReader",
                                         "BibTeX: an entry could not be read (its syntax error is above); "
                                         "left out"));
            continue;
        }
        BibTeXEntry e;
        e.type = QString::fromUtf8(bt_entry_type(entry)).toLower();
        e.key = key ? QString::fromUtf8(key) : QString();
        char *fieldName = nullptr;
        for (AST *field = bt_next_field(entry, nullptr, &fieldName); field;
             field = bt_next_field(entry, field, &fieldName)) {
            // bt_get_text() returns the processed value in memory the caller frees.
            const std::unique_ptr<char, void (*)(void *)> text(bt_get_text(field), std::free);
            e.fields.append({QString::fromUtf8(fieldName).toLower(),
                withoutGroupingBraces(text ? QString::fromUtf8(text.get()) : QString())});
        }
        out.entries << e;
    }
    bt_delete_all_macros();
    return out;
}

} // namespace Lectern
