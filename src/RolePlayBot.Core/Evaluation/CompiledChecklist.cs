using RolePlayBot.Core.Checklist;

namespace RolePlayBot.Core.Evaluation;

/// <summary>The checklist's detectors compiled once, grouped by the reply language they apply to.</summary>
internal sealed class CompiledChecklist
{
    public CompiledChecklist(ChecklistDefinition checklist)
    {
        Checklist = checklist;
        var zh = new List<CompiledDetector>();
        var en = new List<CompiledDetector>();
        for (var i = 0; i < checklist.Items.Count; i++)
        {
            foreach (var detector in checklist.Items[i].Detectors)
            {
                var compiled = new CompiledDetector(i, detector);
                if (detector.Locale is "zh" or "any")
                {
                    zh.Add(compiled);
                }

                if (detector.Locale is "en" or "any")
                {
                    en.Add(compiled);
                }
            }
        }

        Chinese = [.. zh];
        English = [.. en];
        ColdToneIndex = IndexOf(ChecklistItemIds.ColdTone);
        BlameShiftingIndex = IndexOf(ChecklistItemIds.BlameShifting);
        ImpatienceIndex = IndexOf(ChecklistItemIds.Impatience);
        BadFaithIndex = IndexOf(ChecklistItemIds.PresumedBadFaith);
    }

    public ChecklistDefinition Checklist { get; }

    public CompiledDetector[] Chinese { get; }

    public CompiledDetector[] English { get; }

    public int ColdToneIndex { get; }

    public int BlameShiftingIndex { get; }

    public int ImpatienceIndex { get; }

    public int BadFaithIndex { get; }

    public CompiledDetector[] For(string locale) => Core.Locales.IsChinese(locale) ? Chinese : English;

    private int IndexOf(string id)
    {
        for (var i = 0; i < Checklist.Items.Count; i++)
        {
            if (Checklist.Items[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
