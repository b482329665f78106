using RolePlayBot.Core.Mood;

namespace RolePlayBot.Core.Checklist;

/// <summary>One checklist behaviour as the trainer-editable checklist file describes it.</summary>
/// <param name="Id">Stable id (see <see cref="ChecklistItemIds"/>); custom items may add more.</param>
/// <param name="IsAntiPattern">True for the anti-patterns, where observed is bad.</param>
/// <param name="Weight">Relative weight inside its dimension's score.</param>
/// <param name="MoodEffect">Default effect on the customer's mood when observed; personas may override.</param>
/// <param name="Views">The emotion-management views this item feeds.</param>
/// <param name="Detectors">Rule detectors; see <see cref="Detector"/>.</param>
public sealed record ChecklistItem(
    string Id,
    Dimension Dimension,
    bool IsAntiPattern,
    string DescriptionZh,
    string DescriptionEn,
    double Weight,
    MoodEffect MoodEffect,
    IReadOnlyList<EmotionView> Views,
    IReadOnlyList<Detector> Detectors)
{
    public string Description(string locale) => Locales.IsChinese(locale) ? DescriptionZh : DescriptionEn;
}
