using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RolePlayBot.Core;
using RolePlayBot.Core.Personas;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Conversations.Cards.CardJson;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>
/// The trainee's open assignments ("assignments" / "我的任务"): persona, due date, pass mark, status and a start button
/// each, the same {rpb:"start", persona, locale} submit the welcome card uses. Also as Markdown for card-less channels.
/// </summary>
public static class AssignmentsCard
{
    public static JsonObject Build(IReadOnlyList<AssignmentProgress> open, PersonaCatalog catalog, string locale, TimeZoneInfo zone, DateTimeOffset now)
    {
        var zh = Locales.IsChinese(locale);
        var body = new List<JsonNode> { Text(zh ? "我的练习任务" : "My assignments", bold: true, size: "Large") };
        foreach (var a in open)
        {
            var start = a.Assignment.PersonaLocale ?? locale;
            body.Add(Container(
            [
                Columns(
                    Column("stretch",
                        Text($"**{Name(a, catalog, start)}**", spacing: "Small"),
                        Text(Line(a, zh, zone, now), subtle: true, spacing: "None")),
                    Column("auto",
                        ActionSet(Submit(zh ? "开始" : "Start", Data("start", ("persona", a.Assignment.PersonaId), ("locale", start)))))),
            ], separator: true));
        }

        return Card(body, [Submit(zh ? "全部客户" : "All customers", Data("personas", ("locale", locale)))]);
    }

    public static string Markdown(IReadOnlyList<AssignmentProgress> open, PersonaCatalog catalog, string locale, TimeZoneInfo zone, DateTimeOffset now)
    {
        var zh = Locales.IsChinese(locale);
        var text = new StringBuilder(zh ? "**我的练习任务**\n\n" : "**My assignments**\n\n");
        foreach (var a in open)
        {
            var start = a.Assignment.PersonaLocale ?? locale;
            text.Append($"- {BotTexts.Escape(Name(a, catalog, start))} — {Line(a, zh, zone, now)} — `{(zh ? "开始" : "start")} {a.Assignment.PersonaId}`\n");
        }

        return text.ToString();
    }

    public static string Summary(int count, bool zh) => zh ? $"你有 {count} 项练习任务" : $"You have {count} assignment{(count == 1 ? "" : "s")}";

    /// <summary>"截止 2026-12-01 · 及格线 70 · 已练习 2 次（最好 65）".</summary>
    public static string Line(AssignmentProgress a, bool zh, TimeZoneInfo zone, DateTimeOffset now)
    {
        var due = TimeZoneInfo.ConvertTime(a.Assignment.DueAt.AddTicks(-1), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var status = (a.StatusAt(now), zh) switch
        {
            (AssignmentStatus.Overdue, true) => "已逾期",
            (AssignmentStatus.Overdue, false) => "overdue",
            (AssignmentStatus.Attempted, true) => "已练习",
            (AssignmentStatus.Attempted, false) => "attempted",
            (AssignmentStatus.Passed, true) => "已通过",
            (AssignmentStatus.Passed, false) => "passed",
            (_, true) => "未开始",
            _ => "not started",
        };
        var tries = a.Attempts == 0 ? "" : zh ? $"，{a.Attempts} 次，最好 {a.BestOverall}" : $", {a.Attempts} tries, best {a.BestOverall}";
        return zh
            ? $"截止 {due} · 及格线 {a.Assignment.PassMark} · {status}{tries}"
            : $"due {due} · pass mark {a.Assignment.PassMark} · {status}{tries}";
    }

    private static string Name(AssignmentProgress a, PersonaCatalog catalog, string locale) =>
        catalog.Find(a.Assignment.PersonaId, locale)?.Name ?? a.Assignment.PersonaId;
}
