using RolePlayBot.Core;
using RolePlayBot.Core.Sessions;
using Spectre.Console;

namespace RolePlayBot.Cli.Terminal;

/// <summary>A whole session as a readable transcript (for scripted runs without --json).</summary>
internal static class TranscriptView
{
    public static void Customer(string name, string text) =>
        AnsiConsole.MarkupLine($"[bold red]{Markup.Escape(name)}[/]: {Markup.Escape(text)}");

    public static void Trainee(string text, double seconds, string locale) =>
        AnsiConsole.MarkupLine($"[bold blue]{(Locales.IsChinese(locale) ? "你" : "You")}[/] [grey](+{seconds:0}s)[/]: {Markup.Escape(text)}");

    public static void Write(PracticeSession session, bool showFeedback)
    {
        Customer(session.Persona.Name, session.Transcript[0].Text);
        foreach (var turn in session.Turns)
        {
            foreach (var chaser in turn.Chasers)
            {
                Customer(session.Persona.Name, chaser);
            }

            Trainee(turn.TraineeText, turn.ReplyTime.TotalSeconds, session.Locale);
            if (showFeedback)
            {
                FeedbackView.Write(turn.Evaluation, session.Locale);
            }

            if (turn.CustomerReply is not null)
            {
                Customer(session.Persona.Name, turn.CustomerReply.Text);
            }

            MoodMeter.Write(turn.MoodAfter, session.Locale);
        }
    }
}
