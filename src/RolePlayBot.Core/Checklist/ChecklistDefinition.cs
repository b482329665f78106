namespace RolePlayBot.Core.Checklist;

/// <summary>The whole checklist as loaded from the trainer-editable checklist file.</summary>
public sealed class ChecklistDefinition
{
    private readonly Dictionary<string, ChecklistItem> _byId;

    public ChecklistDefinition(IReadOnlyList<ChecklistItem> items)
    {
        Items = items;
        _byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>Items in file order; the 13 contract ids come first in the shipped file.</summary>
    public IReadOnlyList<ChecklistItem> Items { get; }

    public ChecklistItem this[string id] => _byId[id];

    public bool TryGet(string id, out ChecklistItem item) => _byId.TryGetValue(id, out item!);

    /// <summary>The file's <c>scoring:</c> section (defaults when the file has none).</summary>
    public ScoringSettings Scoring { get; init; } = ScoringSettings.Default;

    /// <summary>Where the checklist was read from, for messages.</summary>
    public string SourcePath { get; init; } = "";

    public IEnumerable<ChecklistItem> InDimension(Dimension dimension) => Items.Where(i => i.Dimension == dimension);
}
