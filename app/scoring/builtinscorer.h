// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "scoring/researchtopics.h"
#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Lectern {

class PaperStore;

/// What the built-in scorer knows, built once per run and then only read (shared by every worker).
///
/// Text is split into lower-case words (letters and digits; TeX commands such as \mathcal dropped;
/// a plural "s" removed), so "Mixture-of-Experts" matches the keyword "mixture of experts".
///
/// Relevance. Each keyword of a topic is a phrase scored BM25F-style over title and abstract: its
/// occurrences are counted per field, weighted (title 3, abstract 1) and normalised by the field's length
/// against the collection's average (b = 0.5 title, 0.75 abstract), then saturated as tf / (1.2 + tf).
/// That is multiplied by the keyword's rarity, 0.5 + 0.5 * idf / idf_max (a keyword in every paper still
/// counts half: the user chose it). A topic's score is the sum over its Relevant keywords, plus half of
/// its Applications keywords, minus its Irrelevant keywords, at least 0; the paper takes its best
/// topic. The score s maps to k = 1 - exp(-s / 0.7): a rare keyword once in the title gives about 0.6
/// (relevance 6), once in the abstract about 0.4 (5), a title keyword and another in the abstract about
/// 0.75 (8).
///
/// Learning. With at least 3 starred papers, a logistic regression over tf-idf vectors (title counted
/// twice, L2-normalised) learns starred (positive) against dismissed (negative) papers; when there are
/// fewer dismissals than twice the stars, the oldest unmarked papers of the collection fill in as weak
/// negatives (half weight). Both classes weigh the same in total. A paper's margin w.x + b is placed on
/// a scale where a typical paper of the collection (the median margin) is 0, the average starred paper
/// +1 and the average dismissed paper -1 (the stars' distance mirrored when nothing was dismissed),
/// clamped: l in [-1, 1]. It moves the keyword score: r = clamp(k + a * l), with
/// a = 0.6 * min(1, (stars + dismissals) / 20), so a paper like the user's stars gains up to 0.6 and
/// one like the dismissed loses as much. Without keywords r = max(0, l).
///
/// Novelty. 1 - (the largest cosine similarity between the paper's tf-idf vector and the papers the user
/// holds: starred, or read and not dismissed) / 0.6, at least 0: a paper as close as 0.6 to one the user
/// already has is not new to them. With an empty library the whole collection (other than the paper
/// itself) is the reference.
///
/// Marks. relevance = 1 + round(9 r), novelty = 1 + round(9 n): integers 1 to 10.
class BuiltinModel final
{
public:
    struct Inputs
    {
        ResearchTopics topics;
        QList<Paper> collection; ///< recent papers, newest first: word statistics, weak negatives
        QList<Paper> starred; ///< positives; also part of the library
        QList<Paper> dismissed; ///< negatives (not starred)
        QList<Paper> library; ///< what the user holds (starred, or read and not dismissed): novelty
    };

    /// The built-in scorer's verdict on one paper, with its reasons.
    struct Assessment
    {
        int relevance = 1;
        int novelty = 1;
        double keywordScore = 0; ///< k above, 0..1
        double relevanceScore = 0; ///< r above, 0..1
        int topic = -1; ///< index of the best topic; -1 when no keyword matched
        QStringList matched; ///< keywords of that topic found in the paper, strongest first
        QStringList inTitle; ///< of which found in the title
        QStringList against; ///< its Irrelevant keywords found
        std::optional<double> learned; ///< l above (-1..1), when the stars/dismissals model is active
        double similarity = 0; ///< largest cosine similarity with the reference set
        QString nearest; ///< arXiv id of that paper
        bool againstLibrary = false; ///< reference = the user's library (else the whole collection)
        QString comment;
    };

    static constexpr int CollectionLimit = 4000;
    static constexpr int StateLimit = 5000;
    static constexpr int MinStarsToLearn = 3;

    [[nodiscard]] static std::shared_ptr<const BuiltinModel> build(const Inputs &inputs);
    /// Inputs from the store: the CollectionLimit most recently stored papers, and the user's starred,
    /// read and dismissed papers (StateLimit most recently changed).
    [[nodiscard]] static Result<Inputs> inputsFromStore(PaperStore &store, const ResearchTopics &topics);

    /// Whether the model has anything to score with; @p why says what is missing.
    [[nodiscard]] bool canScore(QString *why = nullptr) const;
    [[nodiscard]] bool isLearning() const { return m_learnedWeight > 0; }
    [[nodiscard]] int positives() const { return m_positives; }
    [[nodiscard]] int negatives() const { return m_negatives; }
    [[nodiscard]] int librarySize() const { return m_libraryIds.isEmpty() ? 0 : int(m_refIds.size()); }
    [[nodiscard]] int collectionSize() const { return m_docs; }

    [[nodiscard]] Assessment assess(const Paper &paper) const;

    /// Tokens as the model sees them (exposed for tests).
    [[nodiscard]] static QStringList tokenize(QStringView text);

private:
    struct SparseVector
    {
        std::vector<int> ids; ///< sorted term ids
        std::vector<float> weights;
    };
    /// A paper's words as term ids (-1: outside the vocabulary), in order, per field.
    struct Words
    {
        std::vector<int> title;
        std::vector<int> abstract;
        QHash<QString, int> unknown; ///< content words outside the vocabulary, title ones counted twice
    };
    struct Phrase
    {
        QString text;
        std::vector<int> ids;
        double weight = 1; ///< rarity factor 0.5 .. 1
    };
    struct TopicPhrases
    {
        std::vector<int> relevant, applications, irrelevant; ///< indexes into m_phrases
    };
    struct Scratch;

    BuiltinModel() = default;
    int intern(const QString &word); ///< while building: the word's id, added when new
    Words internWords(const Paper &paper);
    Words wordsOf(const Paper &paper) const;
    void countPhrases(const std::vector<int> &ids, std::vector<int> &counts) const;
    SparseVector vectorOf(const Words &words) const;
    double idf(int df) const;
    Assessment assess(const Paper &paper, Scratch &scratch) const;
    friend class BuiltinScorer;

    ResearchTopics m_topics;
    QHash<QString, int> m_vocab;
    std::vector<int> m_df; ///< per term id
    std::vector<char> m_content; ///< per term id: counts in tf-idf vectors (not a stopword, 2+ letters)
    std::vector<char> m_startsPhrase; ///< per term id: some keyword phrase starts with it
    int m_docs = 0;
    double m_avgTitle = 1;
    double m_avgAbstract = 1;
    std::vector<Phrase> m_phrases;
    QHash<int, QList<int>> m_phrasesByFirst; ///< first term id -> phrases starting with it
    std::vector<TopicPhrases> m_topicPhrases;
    bool m_hasKeywords = false;
    // Stars/dismissals model.
    std::vector<float> m_w; ///< per term id
    float m_bias = 0;
    double m_zeroMargin = 0; ///< margin of a typical paper
    double m_upScale = 1; ///< margin distance of the average starred paper
    double m_downScale = 1; ///< margin distance of the average dismissed paper
    double m_learnedWeight = 0; ///< a above; 0: not learning
    int m_positives = 0;
    int m_negatives = 0;
    // Novelty reference set as an inverted index.
    std::vector<std::vector<std::pair<int, float>>> m_postings; ///< per term id: (reference doc, weight)
    QStringList m_refIds; ///< arXiv id per reference doc
    QStringList m_libraryIds; ///< non-empty when the reference set is the user's library
};

/// The scorer that needs no key and no network (model name "lectern-local"). Its comments say so.
class BuiltinScorer final : public ScoringProvider
{
public:
    static constexpr QLatin1StringView ModelName {"lectern-local"};

    /// A scorer with a model built already.
    explicit BuiltinScorer(std::shared_ptr<const BuiltinModel> model);
    /// Scorers that share one model, built from the store at @p databasePath (a connection of the
    /// building thread) by the first batch of the run.
    [[nodiscard]] static ScoringProviderFactory factory(
        const ResearchTopics &topics, const QString &databasePath);

    [[nodiscard]] QString model() const override { return ModelName; }
    [[nodiscard]] BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) override;

private:
    struct Source;
    explicit BuiltinScorer(std::shared_ptr<Source> source);
    std::shared_ptr<Source> m_source;
};

} // namespace Lectern
