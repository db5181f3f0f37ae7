// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "scoring/criteriaqueries.h"
#include "scoring/latentsemanticindex.h"
#include "scoring/linearclassifier.h"
#include "scoring/researchtopics.h"
#include "scoring/scoringprovider.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace Lectern {

class PaperStore;

/// What the built-in scorer knows, built once per run and then only read (shared by every worker).
///
/// Text is split into lower-case words (letters and digits; TeX commands such as \mathcal dropped) and
/// stemmed with Snowball's English stemmer, so "Mixture-of-Experts" matches the keyword "mixture of
/// experts" and "quantized" the keyword "quantization".
///
/// Topic prior (what the topics alone say). Each keyword of a topic is a phrase scored BM25F-style over
/// title and abstract: occurrences counted per field, weighted (title 3, abstract 1), normalised by the
/// field's length against the collection's average (b = 0.5 title, 0.75 abstract), saturated as
/// tf / (1.2 + tf) and multiplied by the keyword's rarity, 0.5 + 0.5 * idf / idf_max. A topic's keyword
/// score is the sum over its Relevant keywords, plus half of its Applications keywords, minus its
/// Irrelevant keywords. Its description is a pseudo-document too: the cosine between the paper's tf-idf
/// vector and the topic's (name, description and keywords) adds DescriptionWeight times its value, so a
/// paper about the topic in other words still counts. The paper takes its best topic; the score s maps to
/// k = 1 - exp(-s / 0.7): a rare keyword once in the title gives about 0.6, a title keyword and another in
/// the abstract about 0.75.
///
/// Pseudo-relevance feedback (while there are no labels to learn from, and the collection holds at least
/// a day's worth of papers, 200). The collection is ranked by the topic prior; a linear SVM learns its
/// top 10 % (+) against its bottom half (-), so that words and listings the keywords' best papers share
/// count too, and a paper about the topics in other words rises. Its margin f is calibrated as l below
/// (pseudo-positives +1, pseudo-negatives -1) and added: k' = k + FeedbackWeight f. A paper as typical of
/// the pseudo-positives as they are gains what a title keyword and another in the abstract give.
///
/// Listing. A paper cross-listed into the user's listings from another archive (announce type cross or
/// replace-cross) has its home in another field and is more often an application of the topics than a
/// contribution to them: its prior k' loses CrossListPenalty (about what a keyword in the abstract gives),
/// its place by the criteria (below) as many places as CrossListPenalty of the collection, and the comment
/// says so. Labels take over from it as they grow (the classifier sees each paper's primary category as a
/// term of its own).
///
/// Criteria. The topics are also queries (CriteriaQueries: each topic's name, description and keywords as
/// one query, BM25 over uni- and bigrams, widened by Rocchio feedback from its ten best papers and narrowed
/// by the ten its Irrelevant and Applications keywords match best, as non-relevant ones); a paper's
/// criteria score c is its best topic's. The two rankings of the collection, by k' and by c, are fused by
/// reciprocal rank, 1 / (60 + places above by k') + 1 / (60 + places above by c) (Cormack et al. 2009): a
/// paper high in either ranks high, one high in both higher. This fused score orders the papers without
/// labels; r_topics, the share of the collection it puts below a paper, enters the fixed blend below.
///
/// Self-training (without labels, over a day's worth of papers): the fused ranking's top 10 % (+) against
/// its bottom half (-) train a linear SVM (liblinear, C 0.1) whose margin is a third ranking in the fusion;
/// a second round trains again from the ranking that includes it. Words the topics never name but their
/// best papers share then count, and so do the words those papers share with the next ones. (Measured
/// alternatives, off by default — Methods: a latent semantic index of the collection as a fourth ranking
/// and a feature of the blend, the topics' texts as positives of the classifier, co-training of a title
/// and an abstract view, Rocchio feedback again from the fused ranking, and with labels a category prior,
/// the fused place as blend features and the folds' committee as the blend's margin; README, Scoring.)
///
/// Learning. Papers are tf-idf vectors over stemmed word unigrams and bigrams and their arXiv categories
/// (TfidfVectorizer: sublinear tf, title counted twice), fitted on the collection. A linear SVM
/// (LinearClassifier: liblinear, classes balanced, C = 0.1 as arxiv-sanity-lite's) learns from every label
/// there is: starred papers (+) and dismissed ones (-) count three times, the verdicts of language models
/// on scored days (relevance >= 8 and novelty >= 7: +, the rest: -) twice, papers read and left unstarred
/// (-) once; when negatives are fewer than four per positive, the oldest unlabelled papers of the
/// collection fill in (-, once). A paper's margin is placed on a scale where a typical paper of the
/// collection (the median margin) is 0, the average positive +1 and the average explicit negative -1 (the
/// positives' distance mirrored when there is none): l in [-1, 1], which the comment uses ("like papers you
/// starred", with the paper's terms that raise the margin most).
///
/// Blend. How much the topics and the classifier each say is learned from the labels (stacking): every
/// label's margin is taken from a classifier trained without it (5-fold, over every example), and a logistic
/// regression (liblinear) of the explicit labels on three scores standardised over the collection — the
/// criteria score c, that margin and the keyword prior k — gives their weights. The topics' own verdict
/// enters as LabelsForHalf virtual labels each way (the collection's papers the fused topics rank first, +,
/// and papers of its lower half, -), so that labels which say nothing about the topics (all far from them)
/// leave the topics their weight, and real labels outweigh them as they grow: the blend moves to the
/// classifier as far as the labels show it predicts them, not on a fixed schedule. Without keywords the
/// classifier's standardised margin stands alone. When the folds cannot be trained (one without a positive)
/// the fixed blend (1 - a) r_topics + a l, a = p / (p + LabelsForHalf) for p positive labels, orders the
/// papers instead. The model (vocabulary and weights) is kept in the profile (BuiltinScorer::modelPath) and
/// the next run's training starts from it.
///
/// Calibration (Platt 1999). The blended score of every example, from its out-of-fold margin, is fitted to
/// the example's label by a logistic regression that keeps the classes as they come (each paper once): its
/// probability p is the chance that the labels would call a paper relevant — for a language model's
/// verdicts, that it selects it — and keeps their base rate, whatever the day holds.
///
/// Novelty. 1 - (the largest cosine similarity between the paper's tf-idf vector and the papers the user
/// holds: starred, or read and not dismissed) / 0.6, at least 0: a paper as close as 0.6 to one the user
/// already has is not new to them. With an empty library the whole collection (other than the paper
/// itself) is the reference. A paper imported from the user's library is already known: novelty 1, and the
/// comment says where it was imported from.
///
/// Marks say how relevant a paper is, not where it stands in the collection, so that a day with nothing on
/// the topics has (almost) nothing over the digest's thresholds and a day full of them has many; the
/// ranking (rankScore) orders the papers within a mark. With a calibration: relevance 8 at even odds,
/// one mark for each natural unit of log-odds (9 from p = 0.73, 10 from 0.88; 7 from 0.27, ...). Without
/// one (topics only): relevance = 1 + round(9 m), where m is the topic prior k without feedback (which
/// compares a paper with the collection's best) and less CrossListPenalty for a cross-list: a rare keyword
/// once in the title gives about 6, a title keyword and another in the abstract 8, several keywords 9 and
/// 10, as the LLM's rubric puts them. With labels too few to calibrate on: 1 + round(9 ((1 - a) m + a
/// max(0, l))). Novelty = 1 + round(9 n).
class BuiltinModel final
{
public:
    /// The recall methods beyond the keywords and the criteria queries; the defaults are the ones that
    /// measured better (README, Scoring), the others stay for the measurement to compare.
    struct Methods
    {
        bool selfTraining =
            true; ///< without labels, a classifier of the fused ranking's top against its bottom
        bool latentSemantic = false; ///< the topics against the papers in a latent semantic index
        bool topicsAsPositives = false; ///< with labels, each topic's text a positive for the classifier
        /// without labels, co-training: a title classifier and an abstract classifier, each retrained on
        /// the other's ranking, as a ranking of its own (beside self-training, or alone without it)
        bool coTraining = false;
        /// with labels, the primary category's selected share among the labels as a feature of the blend
        bool categoryPrior = false;
        /// with labels, the paper's place by the fused topics as a feature of the blend
        bool placeFeature = false;
        /// without labels, the criteria queries' Rocchio feedback taken again from the fused ranking's top
        bool fusedFeedback = false;
        /// with labels, the blend reads the margin of the committee of its folds' classifiers (their
        /// standardised margins averaged: bagging) instead of the classifier trained on every label
        bool committee = false;
        /// the criteria queries' negative feedback: the papers their negative criteria match best as
        /// Rocchio's non-relevant ones (CriteriaQueries)
        bool negativeFeedback = true;
    };

    struct Inputs
    {
        ResearchTopics topics;
        QList<Paper> collection; ///< recent papers, newest first: word statistics, background negatives
        QList<Paper> starred; ///< positives; also part of the library
        QList<Paper> dismissed; ///< negatives (not starred)
        QList<Paper> library; ///< what the user holds (starred, or read and not dismissed): novelty
        QList<Paper> read; ///< read, neither starred nor dismissed: weak negatives
        QList<Paper> llmRelevant; ///< a language model's selected papers (not marked by the user)
        QList<Paper> llmOther; ///< papers a language model scored and did not select (not marked either)
        /// arXiv papers imported from the user's library -> the file they came from: "already known".
        QHash<QString, QString> importedFrom;
        /// Which of the recall methods the model uses (see Methods).
        Methods methods;

        /// Drops every label (the user's and language models') of the papers @p ids, so that a ranking of
        /// them is measured without having learned their verdicts.
        void forgetLabels(const QSet<QString> &ids);
    };

    /// The built-in scorer's verdict on one paper, with its reasons.
    struct Assessment
    {
        int relevance = 1;
        int novelty = 1;
        double keywordScore = 0; ///< k above, 0..1
        double relevanceScore = 0; ///< what the relevance mark is made of, 0..1: p, or m (see Marks)
        double rankScore = 0; ///< the score that orders the papers (fused, blended), also within a mark
        int topic = -1; ///< index of the best topic; -1 when no keyword matched
        QStringList matched; ///< keywords of that topic found in the paper, strongest first
        QStringList inTitle; ///< of which found in the title
        QStringList against; ///< its Irrelevant keywords found
        std::optional<double> learned; ///< l above (-1..1), when the classifier is active
        std::optional<double> feedback; ///< f above (-1..1), when pseudo-relevance feedback is active
        std::optional<double> probability; ///< p above: calibrated on the labels, when there are enough
        double criteriaScore = 0; ///< c above: the best topic's BM25 score as a query (CriteriaQueries)
        bool crossList = false; ///< listed from another archive: the prior lost CrossListPenalty
        QStringList strongestTerms; ///< the paper's terms that raise its learned score most, strongest first
        double similarity = 0; ///< largest cosine similarity with the reference set
        QString nearest; ///< arXiv id of that paper
        bool againstLibrary = false; ///< reference = the user's library (else the whole collection)
        QString importedFrom; ///< set when the paper itself was imported from the user's library (novelty 1)
        QString comment;
    };

    static constexpr int CollectionLimit = 4000;
    static constexpr int StateLimit = 5000;
    static constexpr int LlmVerdictLimit = 5000;
    static constexpr int MinPositivesToLearn = 3;
    static constexpr int MinStarsToLearn = MinPositivesToLearn;
    /// The topics' weight in labels: the fixed blend's positive labels at which prior and classifier weigh
    /// alike, and the learned blend's virtual labels each way.
    static constexpr double LabelsForHalf = 8;
    static constexpr double DescriptionWeight = 1.0;
    /// How much pseudo-relevance feedback adds to the prior (k above) at f = 1.
    static constexpr double FeedbackWeight = 0.75;
    /// What a cross-list loses from the topic prior (k' above).
    static constexpr double CrossListPenalty = 0.3;

    /// What a run learned, kept in the profile for the next run: vocabulary and classifier.
    struct Learned
    {
        TfidfVectorizer vectorizer;
        LinearClassifier classifier;
        int positives = 0;
        int negatives = 0;
    };

    [[nodiscard]] static std::shared_ptr<const BuiltinModel> build(
        const Inputs &inputs, const Learned *previous = nullptr);
    /// Inputs from the store: the CollectionLimit most recently stored papers, the user's starred, read
    /// and dismissed papers (StateLimit most recently changed), and language models' latest verdicts.
    /// The user's imported library counts as starred: arXiv papers tagged "imported", and the references
    /// kept as text (LibraryStore; as papers with the id "library:N", title and abstract only).
    [[nodiscard]] static Result<Inputs> inputsFromStore(PaperStore &store, const ResearchTopics &topics);

    /// Whether the model has anything to score with; @p why says what is missing.
    [[nodiscard]] bool canScore(QString *why = nullptr) const;
    [[nodiscard]] bool isLearning() const { return m_learned.classifier.isTrained(); }
    /// Whether the self-trained classifier is one of the topics' rankings (no labels, a day's worth of
    /// papers).
    [[nodiscard]] bool usesSelfTraining() const
    {
        return m_selfTraining.isTrained() || m_coTraining.isTrained();
    }
    [[nodiscard]] int positives() const { return m_learned.positives; }
    [[nodiscard]] int negatives() const { return m_learned.negatives; }
    /// The classifier's share of the blend (its weight over all weights), 0 when not learning.
    [[nodiscard]] double learnedWeight() const { return m_learnedWeight; }
    [[nodiscard]] int librarySize() const { return m_libraryIds.isEmpty() ? 0 : int(m_refIds.size()); }
    [[nodiscard]] int collectionSize() const { return m_docs; }
    [[nodiscard]] const Learned &learned() const { return m_learned; }

    [[nodiscard]] Assessment assess(const Paper &paper) const;

    /// Tokens as the model sees them (exposed for tests).
    [[nodiscard]] static QStringList tokenize(QStringView text);

    /// Writes what the model learned to @p path; reads it back.
    [[nodiscard]] Result<void> saveLearned(const QString &path) const;
    [[nodiscard]] static std::optional<Learned> loadLearned(const QString &path);

private:
    /// A paper's words as phrase-vocabulary ids (-1: in no keyword), in order, per field.
    struct Words
    {
        std::vector<int> title;
        std::vector<int> abstract;
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
        SparseVector description; ///< the topic as a pseudo-document
        double descriptionBaseline = 0; ///< the collection's median similarity to it
    };
    struct Scratch;

    BuiltinModel() = default;
    Words wordsOf(const Paper &paper) const;
    Words wordsOf(const TfidfVectorizer::Analysed &analysed) const;
    void countPhrases(const std::vector<int> &ids, std::vector<int> &counts) const;
    Assessment assess(const Paper &paper, Scratch &scratch) const;
    /// The topic prior: keywordScore, topic and the keywords found.
    void assessTopics(const Paper &paper, const SparseVector &vector, Scratch &scratch, Assessment &a) const;
    struct Labels;
    /// Trains the classifier; returns its examples for the blend.
    Labels trainClassifier(const Inputs &in, const Learned *previous);
    /// Pseudo-relevance feedback for a model without labels to learn from.
    void trainFeedback(const QList<Paper> &docs);
    /// Pseudo-labelled examples from @p ranked (scores and positions in @p docs, best first): its top
    /// share positive (only those scoring above 0 when @p positivesScoreAboveZero), its bottom share
    /// negative. Shared by the topic feedback and self-training.
    [[nodiscard]] std::vector<LinearClassifier::Example> feedbackExamples(
        const std::vector<std::pair<double, qsizetype>> &ranked, const QList<Paper> &docs,
        bool positivesScoreAboveZero) const;
    /// The paper's tf-idf vector: the collection's, computed once, or computed now.
    [[nodiscard]] SparseVector vectorFor(const Paper &paper) const;
    friend class BuiltinScorer;

    ResearchTopics m_topics;
    QHash<QString, int> m_vocab; ///< the words of keyword phrases
    int m_docs = 0;
    double m_avgTitle = 1;
    double m_avgAbstract = 1;
    std::vector<Phrase> m_phrases;
    QHash<int, QList<int>> m_phrasesByFirst; ///< first word id -> phrases starting with it
    std::vector<TopicPhrases> m_topicPhrases;
    bool m_hasKeywords = false;
    // Classifier and its calibration.
    Learned m_learned;
    QHash<QString, SparseVector>
        m_buildVectors; ///< the collection's vectors, each paper analysed once (read-only after build)
    double m_zeroMargin = 0; ///< margin of a typical paper
    double m_upScale = 1; ///< margin distance of the average positive
    double m_downScale = 1; ///< margin distance of the average explicit negative
    double m_learnedWeight = 0; ///< a above, or the learned blend's share; 0: not learning
    /// Pseudo-relevance feedback: a classifier of the prior's top against its bottom, and its calibration.
    struct Feedback
    {
        LinearClassifier classifier;
        double zero = 0;
        double up = 1;
        double down = 1;
    } m_feedback;
    // Novelty reference set as an inverted index.
    std::vector<std::vector<std::pair<int, float>>> m_postings; ///< per term: (reference doc, weight)
    QStringList m_refIds; ///< arXiv id per reference doc
    QStringList m_libraryIds; ///< non-empty when the reference set is the user's library
    QHash<QString, QString> m_importedFrom; ///< Inputs::importedFrom
    CriteriaQueries m_criteria;
    /// What the topics say of a paper, by each of their rankings.
    struct TopicScores
    {
        double keywords = 0; ///< the keyword prior k'
        double criteria = 0; ///< the criteria queries' c
        double selfTrained = 0; ///< the self-trained classifier's margin, when there is one
        double latent = 0; ///< the best topic's cosine in the latent semantic index, when there is one
        double category = 0; ///< the log-odds of the paper's primary category among the labels, when used
        double coTrained = 0; ///< the co-trained views' score, when there are any
        double place = 0; ///< the share of the collection the fused topics rank below it, when used
    };
    /// The blend's features: criteria, the classifier's margin, keywords, self-trained margin, latent,
    /// category prior, place by the fused topics.
    static constexpr size_t kBlendFeatures = 7;
    static constexpr size_t kMarginFeature = 1;
    using BlendFeatures = std::array<double, kBlendFeatures>;
    /// Prior and classifier combined by a logistic regression on the labels' out-of-fold margins.
    struct Blend
    {
        bool active = false;
        BlendFeatures weights {};
        BlendFeatures means {};
        BlendFeatures sds {1, 1, 1, 1, 1, 1, 1};
    } m_blend;
    /// The classifier's examples: the explicit labels first (of papers), then the weak and background ones.
    struct Labels
    {
        std::vector<LinearClassifier::Example> examples;
        std::vector<LinearClassifier::Example> topics; ///< the topics as positives, trained on beside them
        QList<Paper> papers;
        size_t explicitEnd = 0;
    };
    /// Fits the blend of topics and classifier on the explicit labels, over a sample of the collection, and
    /// the calibration of the result on every example.
    void trainBlend(const Labels &labels, const QList<Paper> &collection);
    /// The blend's logistic regression on the explicit labels' @p features and the topics' virtual labels
    /// (standardised, as @p collectionFeatures); false when no score predicts the labels.
    bool fitBlend(const Labels &labels, const std::vector<BlendFeatures> &features,
        const QList<Paper> &collectionPapers, const std::vector<BlendFeatures> &collectionFeatures,
        const std::vector<double> &topicOrder);
    [[nodiscard]] static BlendFeatures featuresOf(const TopicScores &t, double margin);
    [[nodiscard]] BlendFeatures standardised(const BlendFeatures &x) const;
    /// Platt scaling of the final score (blended, or the classifier's standardised margin): the
    /// probability that a paper is one the labels would call relevant.
    struct Calibration
    {
        bool active = false;
        double slope = 0;
        double intercept = 0;
    } m_calibration;
    [[nodiscard]] double blended(const TopicScores &topics, double margin) const;
    /// The keyword prior k' (keywords, feedback, cross-list), filling @p a's topic and keywords.
    double keywordPrior(const Paper &paper, const SparseVector &vector, Scratch &s, Assessment &a) const;
    /// The topics' rankings fused (reciprocal-rank fusion over the collection's places).
    [[nodiscard]] double fused(const TopicScores &topics, bool crossList) const;
    /// Every topic score of a paper (the keyword prior fills @p a's topic and keywords).
    [[nodiscard]] TopicScores topicScores(
        const Paper &paper, const SparseVector &vector, Scratch &s, Assessment &a) const;
    [[nodiscard]] double latentScore(const SparseVector &vector) const;
    /// Places the collection in each of the topics' rankings (and fits the self-training and the latent
    /// semantic index @p methods asks for).
    void rankTopics(const QList<Paper> &docs, const Methods &methods);
    LinearClassifier m_selfTraining;
    /// The category prior (Methods::categoryPrior): per primary category, the explicit labels' weight of
    /// positives and in all; their overall share is the prior of a category the labels do not hold.
    struct CategoryCounts
    {
        double positive = 0;
        double all = 0;
    };
    QHash<QString, CategoryCounts> m_categories;
    double m_categoryBase = 0; ///< the labels' positive share; 0: no category prior
    bool m_placeFeature = false; ///< Methods::placeFeature
    bool m_useCommittee = false; ///< Methods::committee
    std::vector<float> m_committee; ///< the folds' classifiers averaged (Methods::committee)
    double m_committeeBias = 0;
    /// The margin the blend reads: the committee's, or the classifier's.
    [[nodiscard]] double blendMargin(const SparseVector &vector) const;
    /// The log-odds that a paper of @p category is a positive, smoothed towards the base rate
    /// (m-estimate); @p without: one label of that category left out (its own, for the blend's training).
    [[nodiscard]] double categoryLogOdds(const QString &category, const CategoryCounts &without) const;
    [[nodiscard]] double categoryLogOdds(const QString &category) const
    {
        return categoryLogOdds(category, CategoryCounts());
    }
    /// Co-training: the title view's and the abstract view's classifiers, each margin over its collection
    /// standard deviation.
    struct CoTraining
    {
        LinearClassifier title;
        LinearClassifier abstract;
        double titleSd = 1;
        double abstractSd = 1;
        [[nodiscard]] bool isTrained() const { return title.isTrained() && abstract.isTrained(); }
    } m_coTraining;
    /// The co-trained views' score of a paper: the sum of both standardised margins.
    [[nodiscard]] double coTrainedScore(const Paper &paper) const;
    void coTrain(const QList<Paper> &docs, std::vector<TopicScores> &scores);
    LatentSemanticIndex m_latent;
    std::vector<std::vector<float>> m_topicConcepts; ///< each topic's text in the latent space
    std::vector<double> m_coTrainedSorted; ///< the collection's co-trained scores, ascending
    std::vector<double> m_selfTrainedSorted; ///< the collection's self-trained margins, ascending
    std::vector<double> m_latentSorted; ///< the collection's latent scores, ascending
    QHash<QString, SparseVector> m_buildFrequencies; ///< the collection's term counts
    QHash<QString, Words> m_buildWords; ///< the collection's phrase words: each paper analysed once
    [[nodiscard]] SparseVector frequenciesFor(const Paper &paper) const;
    [[nodiscard]] double criteriaScore(const Paper &paper) const;
    std::vector<double> m_keywordSorted; ///< the collection's keyword priors k', ascending
    std::vector<double> m_criteriaSorted; ///< the collection's criteria scores, ascending
    std::vector<double> m_fusedSorted; ///< the collection's fused topic scores, ascending
};

/// The scorer that needs no key and no network (model name "lectern-local"). Its comments say so.
class BuiltinScorer final : public ScoringProvider
{
public:
    static constexpr QLatin1StringView ModelName = Score::LocalModel;

    /// A scorer with a model built already.
    explicit BuiltinScorer(std::shared_ptr<const BuiltinModel> model);
    /// Scorers that share one model, built from the store at @p databasePath (a connection of the
    /// building thread) by the first batch of the run.
    /// The run's training starts from the model kept at modelPath(@p databasePath) and leaves the new one
    /// there.
    [[nodiscard]] static ScoringProviderFactory factory(
        const ResearchTopics &topics, const QString &databasePath);
    /// Where the learned model is kept: beside an SQLite database; for a PostgreSQL store (whose labels
    /// are the signed-in user's) in the user's data folder, one file per store location.
    [[nodiscard]] static QString modelPath(const QString &databasePath);

    [[nodiscard]] QString model() const override { return ModelName; }
    [[nodiscard]] BatchResult scoreBatch(
        const QList<Paper> &papers, const RenderedPrompt &prompt, const std::atomic_bool *cancel) override;

private:
    struct Source;
    explicit BuiltinScorer(std::shared_ptr<Source> source);
    std::shared_ptr<Source> m_source;
};

} // namespace Lectern
