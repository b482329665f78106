using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using static RolePlayBot.Core.Checklist.ChecklistItemIds;

namespace RolePlayBot.Core.Tests.Rules;

public sealed class ReplyScorerTests
{
    private static readonly ReplyScorer Scorer = new(RepoRoot.Checklist);

    private static DimensionScores Score(TimeSpan? time, params string[] observed) =>
        Scorer.Score(new HashSet<string>(observed, StringComparer.Ordinal), time);

    [Fact]
    public void Nothing_observed_scores_zero() => Assert.Equal(new DimensionScores(0, 0, 0), Score(null));

    [Fact]
    public void A_strong_reply_reaches_full_marks()
    {
        var s = Score(TimeSpan.FromSeconds(30), AcknowledgeReceipt, TimeCommitment, ConcreteSolution, ClearInformation, AcknowledgeEmotion, Apology, PerspectiveTaking);
        Assert.Equal(new DimensionScores(100, 100, 100), s);
    }

    [Fact]
    public void Reply_time_decays_the_speed_score()
    {
        var quick = Score(TimeSpan.FromSeconds(45), TimeCommitment).Speed;
        var slow = Score(TimeSpan.FromSeconds(330), TimeCommitment).Speed;
        var lost = Score(TimeSpan.FromMinutes(20), TimeCommitment).Speed;
        Assert.Equal(100, quick);
        Assert.Equal(75, slow);
        Assert.Equal(50, lost);
    }

    [Fact]
    public void Blame_shifting_vetoes_detail_and_emotion()
    {
        var s = Score(null, ConcreteSolution, ClearInformation, AcknowledgeEmotion, Apology, PerspectiveTaking, BlameShifting);
        Assert.True(s.Detail <= 40);
        Assert.True(s.Emotion <= 40);
    }

    [Fact]
    public void Cold_tone_caps_speed_and_emotion_and_impatience_subtracts()
    {
        var cold = Score(TimeSpan.FromSeconds(5), TimeCommitment, AcknowledgeEmotion, ConcreteSolution, ColdTone);
        Assert.True(cold.Speed <= 40);
        Assert.True(cold.Emotion <= 40);
        var calm = Score(null, AcknowledgeEmotion, Apology, ConcreteSolution);
        var impatient = Score(null, AcknowledgeEmotion, Apology, ConcreteSolution, Impatience);
        Assert.Equal(calm.Emotion - 25, impatient.Emotion);
    }

    [Fact]
    public void Scores_come_from_observations_too()
    {
        var observations = RepoRoot.Checklist.Items.Select(i => new Observation(i.Id, i.Id == TimeCommitment, i.Id == TimeCommitment ? "30分钟内" : null, ObservationSources.Rules)).ToList();
        Assert.Equal(100, Scorer.Score(observations).Speed);
    }

    [Fact]
    public void Weights_from_the_file_are_used()
    {
        var yaml = File.ReadAllText(RepoRoot.File(ChecklistLoader.FileName))
            .Replace("  - id: acknowledge_receipt\n    dimension: speed\n    anti_pattern: false", "  - id: acknowledge_receipt\n    dimension: speed\n    anti_pattern: false\n    weight: 0", StringComparison.Ordinal)
            .Replace("    weight: 1\n    mood_effect: { anger: -4, patience: 4 }", "    mood_effect: { anger: -4, patience: 4 }", StringComparison.Ordinal);
        var scorer = new ReplyScorer(ChecklistLoader.Parse(yaml));
        Assert.Equal(0, scorer.Score(new HashSet<string> { AcknowledgeReceipt }).Speed);
    }
}
