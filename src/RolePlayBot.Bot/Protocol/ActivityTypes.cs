namespace RolePlayBot.Bot.Protocol;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
}
