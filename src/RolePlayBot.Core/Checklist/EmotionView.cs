namespace RolePlayBot.Core.Checklist;

/// <summary>Course 2's four-part model (四维模型) of emotion management, as views over the checklist.</summary>
public enum EmotionView
{
    /// <summary>情绪认知力: recognising emotions and intent without bias.</summary>
    Recognition,
    /// <summary>情绪调控力: regulating one's own emotions (no impatience, no coldness).</summary>
    Regulation,
    /// <summary>情绪表达力: expressing care and ownership well.</summary>
    Expression,
    /// <summary>情绪共情力: empathising with the customer's stake.</summary>
    Empathy,
}
