// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/deliverysecrets.h"
#include "store/storelocation.h"

#include <QDialog>
#include <QHash>

class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace Lectern {

class CategoryPicker;
class ConnectionTester;
class DeliveryTester;
class PriceTableEditor;
class KeyringStore;
class Settings;
struct SettingSpec;

/// Every setting of the typed registry but Lectern's own bookkeeping, under human labels, grouped in tabs,
/// each with the widget its type calls for (ranges from the registry, choices as lists); each LLM
/// provider's fields in a box of their own, enabled only while that provider is chosen; plus a searchable
/// arXiv category picker and the API key, which goes to the system keyring, never to the settings file; a
/// connection test for the LLM scorer; and the profile's price table. Values are checked before anything is
/// written; a refused value is named and nothing is saved.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Settings &settings, QWidget *parent = nullptr);

    /// The editor widget of a setting (tests, focus).
    [[nodiscard]] QWidget *editorFor(const QString &key) const { return m_editors.value(key); }
    [[nodiscard]] QListWidget *categoryList() const { return m_categories; }
    [[nodiscard]] QLineEdit *categoryFilter() const { return m_categoryFilter; }
    [[nodiscard]] QLineEdit *apiKeyEdit() const { return m_apiKey; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] ConnectionTester *connectionTester() const { return m_tester; }
    [[nodiscard]] PriceTableEditor *priceEditor() const { return m_prices; }
    /// "Password…" of the Store tab: the PostgreSQL password into the keyring.
    [[nodiscard]] QPushButton *storePasswordButton() const { return m_storePassword; }
    [[nodiscard]] QLabel *storePasswordNote() const { return m_storePasswordNote; }
    /// The PostgreSQL store as the Store tab's fields are edited.
    [[nodiscard]] StoreLocation editedStoreLocation() const;
    [[nodiscard]] DeliveryTester *deliveryTester() const { return m_deliveryTester; }
    /// The store "Send test" reads the latest day from (the window's); without one the test says so.
    void setStore(const QString &store) { m_store = store; }

    /// Validates and writes all values; returns false (and shows why) when one is refused.
    bool apply();

public Q_SLOTS:
    void accept() override;
    /// Tests the scorer's connection with the values as edited, in the background.
    void testConnection();
    /// Asks for the PostgreSQL password and keeps it in the keyring (and this process's memory).
    void askStorePassword();
    /// Sends the latest day's digest by the delivery channels as edited, in the background, as a test.
    void sendDeliveryTest();

    /// The human label of a setting's row ("Model:"), empty for an unknown key.
    [[nodiscard]] static QString labelFor(const QString &key);
    /// The box that holds an LLM provider's fields ("openai", "anthropic", "local"), if any.
    [[nodiscard]] QGroupBox *providerBox(const QString &provider) const
    {
        return m_providerBoxes.value(provider);
    }

    /// Lectern's own bookkeeping keys, not shown as preferences.
    [[nodiscard]] static bool isInternal(const QString &key);

private:
    [[nodiscard]] static QString groupTitle(const QString &provider);
    [[nodiscard]] static QString checkTextFor(const QString &key);
    /// What a choice setting's value reads as in its drop-down (the value itself is the item's data).
    [[nodiscard]] static QString choiceLabel(const QString &key, const QString &value);
    /// Only the chosen provider's box is enabled: the others' fields do not apply.
    void enableProviderFields();
    /// The server's fields only when the backend is PostgreSQL.
    void enableStoreFields();
    QWidget *makeEditor(const SettingSpec &spec);
    [[nodiscard]] QString editorText(const SettingSpec &spec) const;
    void buildCategoryPicker(QWidget *page);
    [[nodiscard]] QString currentProvider() const;

    Settings &m_settings;
    KeyringStore *m_keyring;
    QTabWidget *m_tabs;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QGroupBox *> m_providerBoxes;
    CategoryPicker *m_picker = nullptr;
    QListWidget *m_categories = nullptr;
    QLineEdit *m_categoryFilter = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QLabel *m_keyringNote = nullptr;
    QPushButton *m_storePassword = nullptr;
    QLabel *m_storePasswordNote = nullptr;
    QLabel *m_error;
    ConnectionTester *m_tester = nullptr;
    DeliveryTester *m_deliveryTester = nullptr;
    QString m_store;
    PriceTableEditor *m_prices = nullptr;
    QString m_lastError;
    bool m_apiKeyEdited = false;
    /// Each delivery channel's secret, entered here and stored in the keyring only.
    QList<std::pair<DeliverySecrets::Secret, QLineEdit *>> m_deliverySecrets;
};

} // namespace Lectern
