using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Bot.Conversations;

/// <summary>The bot's own words (not the customer's, not the evaluator's), in zh-CN or English.</summary>
public static class BotTexts
{
    public static string Help(bool zh) => zh
        ? "**怎么练**：选一位客户开始，然后像在店铺后台一样直接回复客户。\n\n"
          + "- `客户列表` / `personas`：查看所有客户\n- `开始 <编号>` / `start <id>`：和这位客户开始练习\n"
          + "- `提示` / `hint`：给一点思路（会记在成绩单上）\n- `结束` / `end`：结束并查看成绩单\n"
          + "- `重来` / `restart`：和同一位客户重新开始\n- `模式 练习|考试` / `mode practice|exam`：练习模式每句都点评，考试模式最后统一出成绩单\n"
          + "- `我的任务` / `assignments`：培训师布置的练习任务\n- `我的进度` / `dashboard`：打开看板的一次性登录链接\n\n"
          + "回复速度也计分：客户等久了会催“在吗？”，等太久会直接离开。"
        : "**How to practise**: pick a customer, then answer them as you would in the shop's chat.\n\n"
          + "- `personas`: list the customers\n- `start <id>`: start with this customer\n"
          + "- `hint`: a pointer (counted on the scorecard)\n- `end`: finish and see the scorecard\n"
          + "- `restart`: start over with the same customer\n- `mode practice|exam`: practice gives feedback after every reply; an exam saves it all for the scorecard\n"
          + "- `assignments`: what your trainer assigned\n- `dashboard`: a one-time sign-in link to your progress\n\n"
          + "Speed counts: a customer kept waiting chases (\"are you there?\") and, kept too long, leaves.";

    public static string NoSession(bool zh) => zh
        ? "现在没有进行中的练习。点客户卡片上的「开始」，或输入 `开始 <编号>`；输入 `客户列表` 查看所有客户。"
        : "No practice is running. Press Start on a customer card, or type `start <id>`; `personas` lists them.";

    public static string SessionLost(bool zh) => zh
        ? "上一场练习无法继续：这位客户的资料已不在题库中。输入 `客户列表` 换一位客户重新开始。"
        : "Your last session cannot continue: that customer is no longer available. Type `personas` to start with another one.";

    public static string NotUnderstood(bool zh) => zh
        ? "没听懂这条命令。输入 `帮助` 查看能做什么。"
        : "I didn't understand that. Type `help` to see what you can do.";

    public static string UnknownPersona(string id, bool zh)
    {
        var shown = id.Length > 40 ? id[..40] + "…" : id;
        return zh
            ? $"没有编号为「{shown}」的客户。输入 `客户列表` 查看可选的客户。"
            : $"There is no customer with the id \"{shown}\". Type `personas` to see who you can practise with.";
    }

    public static string BadSubmit(bool zh) => zh
        ? "这个按钮的数据不完整或已失效。输入 `客户列表` 重新打开客户卡片。"
        : "That button's data is incomplete or out of date. Type `personas` to get a fresh card.";

    public static string AlreadyPractising(string name, bool zh) => zh
        ? $"你正在和{name}练习。先输入 `结束` 查看成绩单，或输入 `重来` 重新开始。"
        : $"You are practising with {name}. Type `end` for the scorecard first, or `restart` to start over.";

    public static string NothingToRestart(bool zh) => zh
        ? "还没有练过的客户可以重来。输入 `客户列表` 选一位。"
        : "There is no earlier customer to restart with. Type `personas` to choose one.";

    public static string UnknownMode(bool zh) => zh
        ? "模式只有 `练习` 和 `考试` 两种，例如 `模式 考试`。"
        : "The modes are `practice` and `exam`, e.g. `mode exam`.";

    public static string ModeSet(PracticeMode mode, bool appliesNext, bool zh)
    {
        var what = (mode, zh) switch
        {
            (PracticeMode.Exam, true) => "考试模式：不逐条点评，结束后在成绩单里看全部点评",
            (PracticeMode.Exam, false) => "exam mode: no feedback after each reply; everything is in the scorecard at the end",
            (_, true) => "练习模式：每次回复后都有点评和更好的说法",
            _ => "practice mode: feedback and a better reply after each of your replies",
        };
        var next = appliesNext ? (zh ? "（从下一场练习开始生效）" : " (from the next session on)") : "";
        return zh ? $"已切换到{what}{next}。" : $"Switched to {what}{next}.";
    }

    public static string NoAssignments(bool zh) => zh
        ? "你目前没有待完成的练习任务。输入 `客户列表` 自由练习。"
        : "You have no open assignments. Type `personas` to practise freely.";

    public static string NoUser(bool zh) => zh
        ? "无法识别你的账号，所以不能生成看板链接。"
        : "I cannot tell who you are here, so I cannot make a dashboard link.";

    /// <summary>The sign-in link as a Markdown link: single use and short-lived, so not to be forwarded.</summary>
    public static string DashboardLink(string link, bool trainer, int minutes, bool zh) => zh
        ? $"[{(trainer ? "打开培训看板" : "查看我的练习进度")}]({link})\n\n链接 {minutes} 分钟内有效，只能使用一次，请勿转发。"
        : $"[{(trainer ? "Open the training dashboard" : "See my progress")}]({link})\n\nThe link works once, within {minutes} minutes; do not forward it.";

    /// <summary>The scorecard's line about an assignment of this persona.</summary>
    public static string AssignmentVerdict(bool passed, int passMark, int overall, bool resolved, bool zh) => (passed, zh) switch
    {
        (true, true) => $"✅ 任务已通过：问题已解决，总分 {overall} ≥ 及格线 {passMark}。",
        (true, false) => $"✅ Assignment passed: resolved, overall {overall} ≥ pass mark {passMark}.",
        (false, true) => $"❌ 任务未通过：需以“已解决”结束且总分 ≥ {passMark}（本次总分 {overall}{(resolved ? "" : "，未解决")}）。",
        _ => $"❌ Assignment not passed: it needs a resolved session with overall ≥ {passMark} (this one: {overall}{(resolved ? "" : ", not resolved")}).",
    };

    public static string NoHintsInExam(bool zh) => zh ? "考试模式不提供提示。" : "No hints in exam mode.";

    public static string Hint(string hint, bool zh) => (zh ? "💡 提示：" : "💡 Hint: ") + hint;

    public static string TurnLimitReached(int turns, bool zh) => zh
        ? $"本次练习已达 {turns} 轮上限，先到这里，看看成绩单吧。输入 `重来` 可以再练一次。"
        : $"This session has reached its limit of {turns} replies, so it ends here: here is your scorecard. Type `restart` to practise again.";

    public static string FallbackNote(bool zh) => zh
        ? "_（模型暂时不可用，这一句由离线引擎扮演客户）_"
        : "_(The model is unavailable; the offline engine answered this turn.)_";

    /// <summary>Ends a customer's half-written answer whose turn said nothing else in words (it ran again, or failed).</summary>
    public static string StreamInterrupted(bool zh) => zh ? "_（这条回复中断了）_" : "_(This answer was interrupted.)_";

    /// <summary>Before the customer's last line again, when the chat comes back to a session still running (a new page, a restarted bot).</summary>
    public static string SessionResumed(string persona, bool zh) => zh
        ? $"_继续刚才的练习：**{Escape(persona)}** 还在等你回复。_"
        : $"_Picking up where you left off: **{Escape(persona)}** is still waiting for your reply._";

    /// <summary>The most lines <see cref="Recap"/> shows, and the most characters of each.</summary>
    public const int RecapLines = 6;

    public const int RecapLineLength = 100;

    /// <summary>
    /// The chat so far, for a page whose history went with a restart of the bot: the last <see cref="RecapLines"/>
    /// messages as quotes, each cut to <see cref="RecapLineLength"/> characters.
    /// </summary>
    public static string Recap(string persona, IReadOnlyList<Core.Evaluation.TranscriptLine> lines, bool zh)
    {
        var shown = lines.TakeLast(RecapLines).Select(line =>
        {
            var text = string.Join(' ', line.Text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            text = text.Length > RecapLineLength ? text[..RecapLineLength] + "…" : text;
            var who = line.Speaker == Core.Evaluation.Speaker.Customer ? Escape(persona) : zh ? "你" : "You";
            return $"> **{who}**{(zh ? "：" : ": ")}{Escape(text)}";
        }).ToList();
        var title = zh ? $"_前面的对话（最近 {shown.Count} 条）：_" : $"_Earlier in this chat (the last {shown.Count} messages):_";
        return title + "\n\n" + string.Join("\n>\n", shown);
    }

    /// <summary>When the bot stopped (a restart) before a message's turn was stored: nothing of it was kept.</summary>
    public static string TurnInterrupted(bool zh) => zh
        ? "_（机器人正在重启，刚才这条消息没有处理，请再发一次。）_"
        : "_(The bot is restarting and did not handle that message. Please send it again.)_";

    /// <summary>Under the feedback when the model judge gave no usable verdict and the rules alone judged the reply.</summary>
    public static string JudgeFallbackNote(bool zh) => zh
        ? "（模型暂时不可用，这一轮由离线引擎点评）"
        : "(The model is unavailable; the offline engine judged this turn.)";

    public static string OnlyIn(string locale, bool zh) => zh
        ? $"（这位客户只有{(Core.Locales.IsChinese(locale) ? "中文" : "英文")}版。）"
        : $"(This customer is only available in {(Core.Locales.IsChinese(locale) ? "Chinese" : "English")}.)";

    public static string Started(string name, bool zh) => zh ? $"开始练习：{name}" : $"Started: {name}";

    public static string Ended(bool zh) => zh ? "练习已结束，成绩单已发送。" : "Session ended; the scorecard is in the chat.";

    public static string Stars(int difficulty) =>
        new string('★', Math.Clamp(difficulty, 0, 5)) + new string('☆', 5 - Math.Clamp(difficulty, 0, 5));

    public static string DimensionName(Dimension dimension, bool zh) => dimension switch
    {
        Dimension.Speed => zh ? "速度" : "Speed",
        Dimension.Detail => zh ? "细致" : "Detail",
        Dimension.Emotion => zh ? "情感" : "Emotion",
        _ => zh ? "其他" : "Other",
    };

    public static string Mood(MoodState mood, bool zh) => zh
        ? $"愤怒 {mood.Anger} · 耐心 {mood.Patience}"
        : $"Anger {mood.Anger} · Patience {mood.Patience}";

    /// <summary>The session's opening brief: who, how hard, the scenario and the order facts a good agent would look up.</summary>
    public static string Briefing(Persona persona, PracticeMode mode, bool zh)
    {
        var f = persona.Facts;
        var modeText = mode == PracticeMode.Exam ? (zh ? "考试模式" : "exam mode") : (zh ? "练习模式" : "practice mode");
        return zh
            ? $"**练习客户：{Escape(persona.Name)}** {Stars(persona.Difficulty)} · {DimensionName(persona.Dimension, true)} · {modeText}\n\n{Escape(persona.Scenario)}\n\n"
              + $"订单 {Escape(f.OrderId)} · {Escape(f.Product)} · {Escape(f.Amount)} · 下单 {Escape(f.OrderDate)} · {Escape(f.OrderStatus)}\n\n物流：{Escape(f.Logistics)}\n\n"
              + "直接回复客户即可。`提示` · `结束` · `重来`"
            : $"**Your customer: {Escape(persona.Name)}** {Stars(persona.Difficulty)} · {DimensionName(persona.Dimension, false)} · {modeText}\n\n{Escape(persona.Scenario)}\n\n"
              + $"Order {Escape(f.OrderId)} · {Escape(f.Product)} · {Escape(f.Amount)} · ordered {Escape(f.OrderDate)} · {Escape(f.OrderStatus)}\n\nLogistics: {Escape(f.Logistics)}\n\n"
              + "Just reply to the customer. `hint` · `end` · `restart`";
    }

    /// <summary>What the customer says, named, with the mood meter under it.</summary>
    public static string CustomerSays(string name, string text, MoodState mood, bool zh) =>
        $"**{Escape(name)}**{(zh ? "：" : ": ")}{Escape(text)}\n\n_{Mood(mood, zh)}_";

    /// <summary>Markdown-escapes text the bot did not write (customer lines, trainee quotes, persona files).</summary>
    public static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
