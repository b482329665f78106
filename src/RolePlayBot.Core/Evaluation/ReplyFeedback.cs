namespace RolePlayBot.Core.Evaluation;

/// <summary>Offline feedback on one reply: a short critique quoting the trainee, and a better reply.</summary>
public sealed record ReplyFeedback(string Critique, string SuggestedReply);
