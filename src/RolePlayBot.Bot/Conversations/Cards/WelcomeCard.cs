using System.Text.Json.Nodes;
using RolePlayBot.Core;
using RolePlayBot.Core.Personas;
using static RolePlayBot.Bot.Conversations.Cards.CardJson;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>The welcome: what this is, then every customer by dimension with difficulty stars and a start button.</summary>
public static class WelcomeCard
{
    /// <param name="openAssignments">The trainee's open assignments: when any, the card says so first, with a button to list them.</param>
    public static JsonObject Build(PersonaCatalog catalog, string locale, int openAssignments = 0)
    {
        var zh = Locales.IsChinese(locale);
        var body = new List<JsonNode>
        {
            Text(zh ? "客服同理心陪练" : "Customer-service empathy practice", bold: true, size: "Large"),
            Text(zh
                ? "选一位“难缠”的客户开始练习。每次回复后有点评（考试模式在最后统一给成绩单）；回复速度也计分。"
                : "Pick a difficult customer to practise with. You get feedback after each reply (in exam mode, all at the end); reply speed counts too.", subtle: true),
        };
        if (openAssignments > 0)
        {
            body.Add(Container(
            [
                Text(zh ? $"📋 你有 {openAssignments} 项待完成的练习任务。" : $"📋 You have {openAssignments} open assignment{(openAssignments == 1 ? "" : "s")}.", bold: true),
                ActionSet(Submit(zh ? "我的任务" : "My assignments", Data("assignments", ("locale", locale)))),
            ], style: "emphasis"));
        }

        foreach (var (dimension, personas) in PersonaMenu.Groups(catalog, locale))
        {
            var items = new List<JsonNode> { Text(BotTexts.DimensionName(dimension, zh), bold: true, size: "Medium", color: "Accent") };
            items.AddRange(personas.Select(p => Row(p, locale, zh)));
            body.Add(Container(items, separator: true));
        }

        return Card(body,
        [
            Submit(zh ? "练习模式" : "Practice mode", Data("mode", ("mode", "practice"), ("locale", locale))),
            Submit(zh ? "考试模式" : "Exam mode", Data("mode", ("mode", "exam"), ("locale", locale))),
            Submit(zh ? "帮助" : "Help", Data("help", ("locale", locale))),
        ]);
    }

    private static JsonObject Row(Persona persona, string locale, bool zh)
    {
        var language = persona.Locale == locale ? "" : $" · {(Locales.IsChinese(persona.Locale) ? "中文" : "English")}";
        return Columns(
            Column("stretch",
                Text($"**{persona.Name}** {BotTexts.Stars(persona.Difficulty)}{language}", spacing: "Small"),
                Text(Clip(persona.Scenario, 70), subtle: true, maxLines: 2, spacing: "None")),
            Column("auto",
                ActionSet(Submit(zh ? "开始" : "Start", Data("start", ("persona", persona.Id), ("locale", locale))))));
    }
}
