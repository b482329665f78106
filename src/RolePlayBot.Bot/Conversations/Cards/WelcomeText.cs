using System.Text;
using RolePlayBot.Core;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>The welcome as Markdown, for channels that do not render cards: the same customers, started by typing.</summary>
public static class WelcomeText
{
    public static string Build(PersonaCatalog catalog, string locale, int openAssignments = 0)
    {
        var zh = Locales.IsChinese(locale);
        var text = new StringBuilder(zh ? "**客服同理心陪练**：选一位客户，输入 `开始 <编号>`。\n" : "**Customer-service empathy practice**: pick a customer and type `start <id>`.\n");
        if (openAssignments > 0)
        {
            text.Append(zh ? $"\n📋 你有 {openAssignments} 项待完成的练习任务，输入 `我的任务` 查看。\n" : $"\n📋 You have {openAssignments} open assignment(s): type `assignments` to see them.\n");
        }

        foreach (var (dimension, personas) in PersonaMenu.Groups(catalog, locale))
        {
            text.Append($"\n**{BotTexts.DimensionName(dimension, zh)}**\n\n");
            foreach (var p in personas)
            {
                text.Append($"- {BotTexts.Escape(p.Name)} {BotTexts.Stars(p.Difficulty)} — `{p.Id}`\n");
            }
        }

        text.Append(zh ? "\n输入 `帮助` 查看全部命令。" : "\nType `help` for every command.");
        return text.ToString();
    }
}
