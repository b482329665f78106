using System.Globalization;
using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Charts;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Core;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Dashboard.Pages.Layout;
using static RolePlayBot.Bot.Dashboard.Pages.Parts;

namespace RolePlayBot.Bot.Dashboard.Pages;

/// <summary>One session in full: the scorecard, the customer's mood over the turns, and the transcript with every critique.</summary>
public static class SessionPage
{
    public static Html Render(DashboardViewer viewer, SessionRecord session, IReadOnlyList<TurnRecord> turns, DashboardClock clock)
    {
        var curve = StoredScorecard.MoodCurve(turns);
        var moodChart = LineChart.Render(
            "mood",
            "顾客情绪曲线 Customer mood",
            "回合 Turn",
            "0–100",
            curve.Select(p => p.Turn == 0 ? "开始 Start" : p.Turn.ToString(CultureInfo.InvariantCulture)).ToList(),
            [
                new LineSeries("anger", "愤怒 Anger", "#b91c1c", curve.Select(p => (double)p.Anger).ToList()),
                new LineSeries("patience", "耐心 Patience", "#2563eb", curve.Select(p => (double)p.Patience).ToList()),
            ]);
        var scorecard = StoredScorecard.Of(session);
        var last = turns.LastOrDefault();
        return Page($"会话 {session.PersonaId}", viewer, Html.Of($"""
            <h2>{L("练习会话", "Practice session")} · {session.PersonaId}</h2>
            <section class="card">
            <table class="facts">
            <tr><th>{L("学员", "Trainee")}</th><td><a href="{TraineePath(session.TraineeId)}">{session.TraineeName}</a> <span class="muted">{session.TraineeId}</span></td>
                <th>{L("结果", "Outcome")}</th><td>{Outcome(session.Outcome)}</td></tr>
            <tr><th>{L("开始", "Started")}</th><td>{clock.Format(session.StartedAt)}</td>
                <th>{L("结束", "Ended")}</th><td>{(session.EndedAt is { } end ? Html.Text(clock.Format(end)) : L("进行中", "running"))}</td></tr>
            <tr><th>{L("顾客角色", "Persona")}</th><td>{session.PersonaId} ({session.PersonaLocale})</td>
                <th>{L("引擎", "Engine")}</th><td>{session.Engine} · {session.Mode}</td></tr>
            </table>
            <ul class="stats">
            <li><b>{Score(session.Speed)}</b>{L("速度", "Speed")}</li>
            <li><b>{Score(session.Detail)}</b>{L("细致", "Detail")}</li>
            <li><b>{Score(session.Emotion)}</b>{L("情感", "Emotion")}</li>
            <li><b>{Score(session.Overall)}</b>{L("总分", "Overall")}</li>
            <li><b>{session.TurnCount}</b>{L("轮数", "Turns")}</li>
            </ul>
            <div class="exports"><a class="button" href="{SessionPath(session.Id)}/transcript.md" download>{L("下载对话记录 (Markdown)", "Download transcript (Markdown)")}</a></div>
            </section>
            <div class="grid2">
            <section class="card">{moodChart}</section>
            <section class="card">{Summary(scorecard)}</section>
            </div>
            <section class="card transcript">
            <h3>{L("对话记录与点评", "Transcript and feedback")}</h3>
            {turns.Select(t => Turn(t, clock))}
            {(last?.CustomerReply is { Length: > 0 } reply ? Html.Of($"""<div class="bubble customer"><span class="meta">{L("顾客", "Customer")}</span>{reply}</div>""") : Html.Empty)}
            </section>
            """));
    }

    private static Html Summary(Scorecard? scorecard)
    {
        if (scorecard is null)
        {
            return Html.Of($"""<h3>{L("评分卡", "Scorecard")}</h3><p class="muted">{L("会话结束后才有评分卡。", "The scorecard comes when the session ends.")}</p>""");
        }

        var views = scorecard.EmotionViews.Select(v => Html.Of($"<li><b>{v.Score}</b>{v.Name}</li>"));
        var strengths = scorecard.Strengths.Select(s => Html.Of($"<li>{s.Text}{Quote(s.Evidence)}{TurnRef(s.Turn)}</li>"));
        var improvements = scorecard.Improvements.Select(i => Html.Of($"<li>{i.Text}{Quote(i.Evidence)}{TurnRef(i.Turn)}</li>"));
        return Html.Of($"""
            <h3>{L("评分卡", "Scorecard")}</h3>
            <ul class="stats">{views}</ul>
            <p>{L("回复用时中位数", "Median reply time")}: {scorecard.MedianReplySeconds:0.#}s · {L("提示次数", "Hints used")}: {scorecard.HintsUsed}</p>
            <h3>{L("做得好", "Strengths")}</h3><ul>{strengths}</ul>
            <h3>{L("待改进", "To improve")}</h3><ul>{improvements}</ul>
            """);
    }

    private static Html Turn(TurnRecord turn, DashboardClock clock)
    {
        var observations = TurnObservations.Of(turn).Where(o => o.Observed).Select(Observed);
        return Html.Of($"""
            <article class="turn" id="turn-{turn.Index}" data-turn="{turn.Index}">
            <div class="bubble customer"><span class="meta">{L("顾客", "Customer")} · {clock.Format(turn.CustomerAt)} · {L("情绪", "mood")} {turn.AngerBefore}/{turn.PatienceBefore}</span>{turn.CustomerText}</div>
            <div class="bubble trainee"><span class="meta">{L("学员", "Trainee")} · {clock.Format(turn.RepliedAt)} · {L("用时", "reply time")} {turn.ReplySeconds:0.#}s</span>{turn.TraineeText}</div>
            <div class="critique">
            <b>{L($"第 {turn.Index} 轮点评", $"Turn {turn.Index} feedback")}</b> · {L("速度", "speed")} {turn.Speed} · {L("细致", "detail")} {turn.Detail} · {L("情感", "emotion")} {turn.Emotion} · {L("情绪变化", "mood")} {turn.AngerBefore}→{turn.AngerAfter} / {turn.PatienceBefore}→{turn.PatienceAfter}
            <p>{turn.Critique}</p>
            {Fallbacks(turn)}
            <ul class="observations">{observations}</ul>
            {(turn.SuggestedReply is { Length: > 0 } suggested ? Html.Of($"""<div class="suggested"><b>{L("参考回复", "Suggested reply")}</b>：{suggested}</div>""") : Html.Empty)}
            </div>
            </article>
            """);
    }

    /// <summary>What the offline engine stood in for in this turn while the model was unavailable (the trainee was told the same).</summary>
    private static Html Fallbacks(TurnRecord turn)
    {
        var notes = new List<Html>();
        if (turn.JudgeSource == JudgeSources.Fallback)
        {
            notes.Add(L("模型暂时不可用，这一轮由离线规则点评", "The model was unavailable: the offline rules judged this reply"));
        }

        if (turn.CustomerSource == Core.Customers.CustomerMessage.Fallback)
        {
            notes.Add(L("模型暂时不可用，顾客的下一句由离线引擎给出", "The model was unavailable: the offline engine gave the customer's next line"));
        }

        return notes.Count == 0 ? Html.Empty : Html.Of($"""<ul class="fallback">{notes.Select(n => Html.Of($"<li>{n}</li>"))}</ul>""");
    }

    private static Html Observed(Observation observation)
    {
        var anti = ChecklistItemIds.AntiPatterns.Contains(observation.ItemId);
        return Html.Of($"""<li class="obs {(anti ? "bad" : "good")}" data-item="{observation.ItemId}">{(anti ? "✗" : "✓")} {ItemNames.Of(observation.ItemId, Locales.Chinese)} <span lang="en" class="en">{ItemNames.Of(observation.ItemId, Locales.English)}</span>{Quote(observation.Evidence)} <span class="source" title="来源 Source">{observation.Source}</span></li>""");
    }

    private static Html Quote(string? evidence) => string.IsNullOrWhiteSpace(evidence) ? Html.Empty : Html.Of($" 「{evidence}」");

    private static Html TurnRef(int turn) => turn > 0 ? Html.Of($""" <a href="#turn-{turn}">{L($"第 {turn} 轮", $"turn {turn}")}</a>""") : Html.Empty;
}
