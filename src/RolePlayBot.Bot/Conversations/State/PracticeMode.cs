namespace RolePlayBot.Bot.Conversations.State;

/// <summary>Practice shows feedback after every reply; an exam keeps it all for the scorecard.</summary>
public enum PracticeMode
{
    Practice,
    Exam,
}
